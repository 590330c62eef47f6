import { INFERENCE_TOOLKIT, INTERPRETERS } from '../knowledge';
import type { Model } from '../model';
import { copiedFrom, findPython, HF_TOOLKIT, modelServerPresence, pythonInstalls } from '../queries/toolkits';
import { baseInfo, baseLabel } from '../queries/baseImage';
import { imageEntrypoint } from '../queries/entrypoint';
import { commandName } from '../shell';
import { defineRule, type BuildContext } from '../types';

export const inferenceToolkitWithoutMms = defineRule({
  meta: {
    id: 'inference-toolkit-without-mms',
    severity: 'error',
    basis: 'doc',
    modes: ['serve'],
    summary: 'sagemaker-inference starts Multi Model Server but does not install it: install multi-model-server alongside it.',
    source: ['IT:README.md', 'IT:src/sagemaker_inference/model_server.py', 'HFI:setup.py'],
    messages: {
      noMms: '{package} starts Multi Model Server (the multi-model-server command) but does not depend on it, and nothing in this image installs it: the model server fails to start on serve. Install both: pip install multi-model-server sagemaker-inference.',
      maybeMms: '{package} starts Multi Model Server (the multi-model-server command) but does not depend on it, and this file does not install it: serve fails unless {where}. Install multi-model-server to be sure.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    const installs = pythonInstalls(model, buildContext);
    const toolkit = findPython(installs, [INFERENCE_TOOLKIT, HF_TOOLKIT]);
    if (!toolkit) return;
    const server = modelServerPresence(model, buildContext);
    if (server.presence === 'yes') return;
    if (launcherWithoutToolkit(model, buildContext)) return;
    const base = baseInfo(model);
    const run = toolkit.file === undefined ? model.imageRuns().find((r) => r.instruction === toolkit.instruction) : undefined;
    // Inserting a word into a JSON-form RUN would need JSON quoting.
    const editable = run && !model.jsonArray(run.instruction);
    const suggestions = editable
      ? [{ title: `Install multi-model-server with ${toolkit.word.value}`, edits: [{ range: { start: toolkit.word.range.start, end: toolkit.word.range.start }, newText: 'multi-model-server ' }] }]
      : undefined;
    if (server.presence === 'no') {
      ctx.report({ messageId: 'noMms', range: toolkit.word.range, data: { package: toolkit.name }, suggestions });
      return;
    }
    const where = base.kind === 'unknown' || base.kind === 'unresolved'
      ? `the base image ${baseLabel(model, base)} has it`
      : 'an install smlint cannot read (a requirements file, a local package or a script) brings it';
    ctx.report({ messageId: 'maybeMms', range: toolkit.word.range, data: { package: toolkit.name, where }, severity: 'warning', suggestions });
  },
});

/** What a launcher script shows when it starts the toolkit's model server. */
const USES_TOOLKIT = /sagemaker_inference|model_server|multi[-_]model[-_]server|mxnet[-_]model[-_]server|sagemaker_huggingface_inference_toolkit/;

/**
 * True when the image starts its own server and keeps the toolkit only as a library (its decoders
 * and encoders), as Triton images with a serve script do: the launcher, read from the build
 * context, never mentions the toolkit or MMS, so MMS is never started.
 */
function launcherWithoutToolkit(model: Model, context: BuildContext | undefined): boolean {
  const spec = imageEntrypoint(model) ?? model.cmd();
  const [program, ...rest] = spec?.commands[0]?.words ?? [];
  if (!spec || !program || !context) return false;
  const script = INTERPRETERS.test(commandName(program)) ? rest.find((w) => !w.value.startsWith('-')) : program;
  if (!script || script.expands) return false;
  const from = copiedFrom(model, context, spec.instruction, script.value);
  const text = from === undefined ? undefined : context.readText(from);
  return text !== undefined && !USES_TOOLKIT.test(text);
}
