import { INFERENCE_TOOLKIT } from '../knowledge';
import { baseInfo, baseLabel, findPython, HF_TOOLKIT, modelServerPresence, pythonInstalls } from '../queries/toolkits';
import { defineRule } from '../types';

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
