import { stepInstalls } from '../commands';
import type { Model } from '../model';
import { insertLineAfter } from '../queries/lines';
import { pythonLauncher } from '../queries/python';
import { baseInfo } from '../queries/baseImage';
import { defineRule, Range } from '../types';

export const pythonUnbuffered = defineRule({
  meta: {
    id: 'python-unbuffered',
    severity: 'info',
    basis: 'heuristic',
    fixable: true,
    modes: ['train', 'serve', 'processing'],
    summary: 'A Python container should set ENV PYTHONUNBUFFERED=1 so its logs reach CloudWatch as they are written.',
    source: ['EX:advanced_functionality/scikit_bring_your_own/container/Dockerfile', 'DG:processing-container-run-scripts', 'DG:amazon-sagemaker-toolkits'],
    messages: {
      buffered: '{what} starts Python, and PYTHONUNBUFFERED is not set: Python buffers stdout when it is not a terminal, so log lines reach CloudWatch late, and are lost when the job stops or crashes. Add ENV PYTHONUNBUFFERED=1.',
      pipCache: 'pip keeps its download cache in the image layer: add --no-cache-dir (or set ENV PIP_NO_CACHE_DIR=1) for a smaller image, which SageMaker pulls and starts faster.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    const stage = model.finalStage;
    if (!stage) return;
    const base = baseInfo(model);
    // SageMaker images set PYTHONUNBUFFERED themselves; an unresolved base may too.
    const baseSetsIt = base.kind === 'sagemaker' || base.kind === 'unresolved';
    if (!stage.env.get('PYTHONUNBUFFERED')?.value && !baseSetsIt) {
      const launcher = pythonLauncher(model, buildContext);
      if (launcher) {
        const edit = { title: 'Add ENV PYTHONUNBUFFERED=1', edits: [insertLineAfter(model, stage.from, 'ENV PYTHONUNBUFFERED=1')] };
        // Unbuffered output changes nothing but when log lines appear, so adding it is a safe fix;
        // above an existing empty value, though, the new line would be overridden.
        const declared = stage.env.has('PYTHONUNBUFFERED');
        ctx.report({
          messageId: 'buffered',
          range: launcher.range,
          data: { what: launcher.what },
          fix: declared ? undefined : edit,
          suggestions: declared ? [edit] : undefined,
        });
      }
    }
    const cached = stage.env.has('PIP_NO_CACHE_DIR') ? undefined : cachingPipInstall(model);
    if (cached) {
      ctx.report({
        messageId: 'pipCache',
        range: cached.range,
        suggestions: cached.insertAt
          ? [{ title: 'Add --no-cache-dir', edits: [{ range: { start: cached.insertAt, end: cached.insertAt }, newText: ' --no-cache-dir' }] }]
          : undefined,
      });
    }
  },
});

/** The first `pip install` that leaves its cache in the image (once per file: this is advice, not a defect). */
function cachingPipInstall(model: Model): { range: Range; insertAt?: Range['start'] } | undefined {
  for (const run of model.imageRuns()) {
    for (const step of stepInstalls(model, run)) {
      const install = step?.install;
      // uv keeps its own cache, with its own flag.
      if (install?.manager !== 'pip' || install.command.name === 'uv') continue;
      const { command } = install;
      if (command.words.some((w) => w.value === '--no-cache-dir' || w.value.startsWith('--no-cache-dir='))) continue;
      const text = model.textOf(run.instruction.getRange());
      // A BuildKit cache mount keeps the cache out of the layer; so does clearing it in the same step.
      if (/--mount=[^\s]*type=cache/.test(text) || /pip\d*(\s+-\S+)*\s+cache\s+purge|\.cache\/pip|\/root\/\.cache/.test(text)) break;
      const verb = install.verb.range.end;
      return { range: { start: command.words[0].range.start, end: verb }, insertAt: model.jsonArray(run.instruction) ? undefined : verb };
    }
  }
  return undefined;
}
