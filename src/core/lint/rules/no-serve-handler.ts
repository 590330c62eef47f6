import { INFERENCE_TOOLKIT } from '../knowledge';
import { missingLauncher } from '../queries/launchers';
import { findPython, pythonInstalls } from '../queries/toolkits';
import { defineRule } from '../types';

export const noServeHandler = defineRule({
  meta: {
    id: 'no-serve-handler',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['serve'],
    summary: 'With no ENTRYPOINT, hosting runs "serve" as the command, so an executable named serve must be on PATH.',
    source: ['DG:your-algorithms-inference-code', 'IT:README.md', 'PTI:setup.py', 'HFI:setup.py', 'EX:advanced_functionality/scikit_bring_your_own/container/Dockerfile'],
    messages: {
      noServe: 'SageMaker starts hosting and batch containers as "docker run IMAGE serve" and this image has no ENTRYPOINT, so "serve" must be an executable on PATH, and nothing in this file provides one{detail}. Copy an executable serve script into a PATH directory, or add an exec-form ENTRYPOINT that starts the model server when its first argument is "serve".',
      inferenceToolkitOnly: 'SageMaker starts hosting and batch containers as "docker run IMAGE serve" and this image has no ENTRYPOINT; sagemaker-inference provides no "serve" command, and nothing else in this file does{detail}. Add an exec-form ENTRYPOINT script that calls sagemaker_inference.model_server.start_model_server() when its first argument is "serve".',
    },
  },
  check(ctx) {
    const missing = missingLauncher(ctx.model, 'serve', ctx.buildContext);
    const from = ctx.model.finalStage?.from;
    if (!missing || !from) return;
    ctx.report({
      messageId: findPython(pythonInstalls(ctx.model, ctx.buildContext), [INFERENCE_TOOLKIT]) ? 'inferenceToolkitOnly' : 'noServe',
      range: from.getRange(),
      severity: missing.severity,
      data: { detail: missing.detail },
    });
  },
});
