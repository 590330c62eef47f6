import { baseInfo } from '../queries/baseImage';
import { imageEntrypoint } from '../queries/entrypoint';
import { defineRule } from '../types';

export const processingNoCommand = defineRule({
  meta: {
    id: 'processing-no-command',
    // Fine when every job passes AppSpecification.ContainerEntrypoint, as ScriptProcessor does.
    severity: 'warning',
    basis: 'doc',
    modes: ['processing'],
    summary: 'A processing job runs the image with no extra word, so the image needs its own ENTRYPOINT or CMD unless every job passes one.',
    source: ['DG:build-your-own-processing-container', 'DG:processing-container-run-scripts'],
    messages: {
      noCommand: 'SageMaker Processing runs this image as it is ("docker run IMAGE"), and neither this file nor {base} defines a program to run{detail}. Add ENTRYPOINT ["python3", "/opt/program/process.py"] (or ENTRYPOINT ["python3"] for ScriptProcessor), unless every job sets ContainerEntrypoint.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const from = model.finalStage?.from;
    if (!from || imageEntrypoint(model) || model.cmd()) return;
    const base = baseInfo(model);
    // An unknown base may well define the command; saying so on every such file would be noise.
    if (!base.plain) return;
    const scratch = base.kind === 'scratch';
    ctx.report({
      messageId: 'noCommand',
      range: from.getRange(),
      data: {
        base: scratch ? 'scratch' : `the base image ${base.name}`,
        detail: scratch ? '' : ' (at most an interactive shell or interpreter, which exits at once without input)',
      },
    });
  },
});
