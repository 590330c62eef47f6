import { bareInterpreter } from '../queries/entrypoint';
import { launchersFor } from '../queries/launchers';
import { defineRule } from '../types';

export const entrypointReceivesModeArg = defineRule({
  meta: {
    id: 'entrypoint-receives-mode-arg',
    severity: 'info',
    basis: 'doc',
    modes: ['train', 'serve'],
    summary: 'An exec-form ENTRYPOINT receives SageMaker\'s train/serve word as its first argument and must handle or ignore it.',
    source: ['DG:your-algorithms-training-algo-dockerfile', 'DG:your-algorithms-inference-code', 'DLC:scripts/docker/pytorch/start_with_right_hostname.sh'],
    messages: {
      receivesWord: 'SageMaker runs this ENTRYPOINT with {words} appended (it replaces CMD): the program gets it as its first argument, so it must handle it or ignore it. A strict argument parser (argparse without a positional) exits with an error.',
    },
  },
  check(ctx) {
    const spec = ctx.model.entrypoint();
    // A bare interpreter takes the word as its script: entrypoint-bare-interpreter explains that.
    if (!spec || spec.form !== 'exec' || spec.words.length === 0 || bareInterpreter(spec)) return;
    ctx.report({
      messageId: 'receivesWord',
      range: spec.instruction.getRange(),
      data: { words: launchersFor(ctx.modes).map((w) => `"${w}"`).join(' or ') },
    });
  },
});
