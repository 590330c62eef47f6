import { BIND_TO_PORT_LABEL, INFERENCE_TOOLKIT, SERVE_TOOLKITS } from '../knowledge';
import { BIND_TO_PORT_VARIABLE, SAGEMAKER_PORT, serverCommands } from '../queries/ports';
import { findPython, pythonInstalls } from '../queries/toolkits';
import { baseInfo } from '../queries/baseImage';
import { defineRule } from '../types';

export const bindToPortIgnored = defineRule({
  meta: {
    id: 'bind-to-port-ignored',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['serve'],
    summary: 'An image that declares accept-bind-to-port must listen on $SAGEMAKER_BIND_TO_PORT, not on a hard-coded 8080.',
    source: ['DG:inference-pipeline-real-time', 'DG:multi-container-direct', 'IT:src/sagemaker_inference/environment.py'],
    messages: {
      hardCoded: 'The image declares accept-bind-to-port, so in a pipeline or multi-container endpoint SageMaker tells it which port to use in $SAGEMAKER_BIND_TO_PORT, but {server} listens on 8080 ({how}) and nothing reads that variable. Listen on ${SAGEMAKER_BIND_TO_PORT:-8080}.',
      hardCodedTargetUnknown: 'The image declares accept-bind-to-port, but {server} listens on 8080 ({how}) and nothing reads $SAGEMAKER_BIND_TO_PORT. In a serial pipeline or multi-container endpoint SageMaker assigns another port. Listen on ${SAGEMAKER_BIND_TO_PORT:-8080}; set the deployment target (--target, or target: in .smlint.yaml) to make this check exact.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    if (model.labels().get(BIND_TO_PORT_LABEL)?.value !== 'true') return;
    const target = ctx.deployment.target;
    // SageMaker injects the port only into pipelines and multi-container endpoints.
    if (target !== undefined && target !== 'pipeline' && target !== 'multi-container') return;
    if (model.text.includes(BIND_TO_PORT_VARIABLE)) return;
    // The inference toolkits and SageMaker's own images read the variable themselves [IT:environment.py].
    if (baseInfo(model).kind === 'sagemaker' || findPython(pythonInstalls(model, ctx.buildContext), [INFERENCE_TOOLKIT, ...SERVE_TOOLKITS])) return;
    for (const server of serverCommands(model)) {
      if (server.keyword !== 'ENTRYPOINT' || !server.known || server.proxied || server.readsBindToPort) continue;
      const fixed = server.listens.find((l) => l.port.value === SAGEMAKER_PORT && !l.port.throughVariable);
      if (!fixed) continue;
      ctx.report({
        messageId: target === undefined ? 'hardCodedTargetUnknown' : 'hardCoded',
        range: fixed.port.word.range,
        data: { server: server.server, how: fixed.port.how },
        severity: target === undefined ? 'info' : 'warning',
      });
    }
  },
});
