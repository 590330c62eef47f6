import { initWrapper } from '../queries/entrypoint';
import { defineRule } from '../types';

export const initWrapperEntrypoint = defineRule({
  meta: {
    id: 'init-wrapper-entrypoint',
    // The guide says tini cannot be used, yet in ISS-aws/sagemaker-python-sdk#4678 tini did hand
    // "train" on to the image (contract §5 item 11): a likely problem, not a certain failure.
    severity: 'warning',
    basis: 'doc',
    modes: ['train', 'serve'],
    summary: 'SageMaker says tini and other init wrappers cannot be the ENTRYPOINT; make the program itself PID 1.',
    source: ['DG:your-algorithms-training-algo-dockerfile', 'DG:your-algorithms-inference-code', 'DG:your-algorithms-batch-code', 'ISS-aws/sagemaker-python-sdk#4678'],
    messages: {
      initWrapper: 'ENTRYPOINT starts with the init wrapper {wrapper}: the SageMaker guide says tini cannot be used as the entrypoint because it is confused by the train/serve argument. Make the program itself the exec-form ENTRYPOINT and handle SIGTERM there.',
    },
  },
  check(ctx) {
    const spec = ctx.model.entrypoint();
    const wrapper = initWrapper(spec);
    if (!spec || !wrapper) return;
    const argsRange = spec.instruction.getArgumentsRange();
    const program = spec.form === 'exec' ? wrappedProgram(spec.words.map((w) => w.value)) : undefined;
    const execForm = program ? `[${program.map((v) => JSON.stringify(v)).join(', ')}]` : undefined;
    ctx.report({
      messageId: 'initWrapper',
      range: wrapper.range,
      data: { wrapper: wrapper.value },
      suggestions: execForm && argsRange
        ? [{ title: `Remove the init wrapper: ENTRYPOINT ${execForm}`, edits: [{ range: argsRange, newText: execForm }] }]
        : undefined,
    });
  },
});

/** The command the wrapper starts: after `--`, or right after the wrapper when it has no options. */
function wrappedProgram(values: string[]): string[] | undefined {
  const separator = values.indexOf('--');
  const rest = separator > 0 ? values.slice(separator + 1) : values[1]?.startsWith('-') ? [] : values.slice(1);
  return rest.length > 0 ? rest : undefined;
}
