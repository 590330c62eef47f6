import { baseInfo } from '../queries/baseImage';
import { bareInterpreter, imageEntrypoint } from '../queries/entrypoint';
import { findCommand, launchersFor, modesAssumed } from '../queries/launchers';
import { defineRule } from '../types';

export const cmdOnlyLauncher = defineRule({
  meta: {
    id: 'cmd-only-launcher',
    severity: 'error',
    basis: 'doc',
    modes: ['train', 'serve'],
    summary: 'Without an ENTRYPOINT, SageMaker\'s train/serve word replaces CMD, so a CMD never starts the program.',
    source: ['DG:your-algorithms-training-algo-dockerfile', 'DG:your-algorithms-inference-code'],
    messages: {
      cmdReplaced: 'SageMaker starts this image with the argument {words}, which replaces this CMD: with no ENTRYPOINT, {words} must itself be a program on PATH{detail}.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const cmd = model.cmd();
    if (!cmd || imageEntrypoint(model)) return;
    const base = baseInfo(model);
    // A SageMaker base brings its own ENTRYPOINT; prebuilt-entrypoint-override judges a CMD there.
    if (base.kind === 'sagemaker') return;
    const lookups = launchersFor(ctx.modes).map((word) => ({ word, ...findCommand(model, word, ctx.buildContext) }));
    const failing = lookups.filter((l) => l.status !== 'found');
    if (failing.length === 0) return;

    const words = failing.map((l) => `"${l.word}"`).join(' or ');
    let detail: string;
    if (!base.plain) detail = `, and nothing in this file provides it (unless the base image ${base.name || 'of this stage'} defines an ENTRYPOINT)`;
    else if (failing.some((l) => l.status === 'unknown')) detail = ', and smlint cannot see one (the file copies or installs things it cannot list)';
    else detail = ', and nothing in this image provides it';
    // Certain only when the base has no ENTRYPOINT, nothing could provide the command, every
    // start word fails, and the file itself says it is a training or hosting image.
    const certain = base.plain && failing.length === lookups.length && failing.every((l) => l.status === 'absent')
      && !modesAssumed(model, ctx.modes);

    const keyword = cmd.instruction.getInstructionRange();
    ctx.report({
      messageId: 'cmdReplaced',
      range: cmd.instruction.getRange(),
      data: { words, detail },
      severity: certain ? 'error' : 'warning',
      // Only an exec-form CMD with a program becomes a working ENTRYPOINT by renaming it.
      suggestions: cmd.form === 'exec' && cmd.words.length > 0 && !bareInterpreter(cmd)
        ? [{ title: 'Make it the ENTRYPOINT (the program then receives "train"/"serve" as its first argument)', edits: [{ range: keyword, newText: 'ENTRYPOINT' }] }]
        : undefined,
    });
  },
});
