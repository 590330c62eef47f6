import { BIND_TO_PORT_LABEL } from '../knowledge';
import { servingEvidence } from '../queries/serving';
import { insertLineAfter } from '../queries/lines';
import { baseInfo } from '../queries/baseImage';
import { defineRule } from '../types';

const TARGET_NAMES: Record<string, string> = { pipeline: 'serial inference pipeline', 'multi-container': 'multi-container endpoint' };

export const bindToPortLabelMissing = defineRule({
  meta: {
    id: 'bind-to-port-label-missing',
    severity: 'error',
    basis: 'doc',
    modes: ['serve'],
    summary: 'Images in a serial inference pipeline or a multi-container endpoint must declare LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true.',
    source: ['DG:inference-pipeline-real-time', 'DG:multi-container-direct'],
    messages: {
      missing: 'SageMaker refuses to create a {target} from an image without LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true. Add the label, and make the server listen on the port SageMaker passes in $SAGEMAKER_BIND_TO_PORT.',
      missingUnlessBase: 'SageMaker refuses to create a {target} from an image without LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true. This file does not set it; the base image {base} may (the linter cannot see its labels). If it does not, add the label and make the server listen on $SAGEMAKER_BIND_TO_PORT.',
      targetUnknown: 'If this image runs in a serial inference pipeline or a multi-container endpoint, SageMaker requires LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true and a server that listens on $SAGEMAKER_BIND_TO_PORT. Set the deployment target (--target, or target: in .smlint.yaml) to make this check exact.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stage = model.finalStage;
    if (!stage || model.labels().has(BIND_TO_PORT_LABEL)) return;
    const target = ctx.deployment.target;
    const range = stage.imageRange ?? stage.from.getRange();
    const suggestions = [{ title: `Add LABEL ${BIND_TO_PORT_LABEL}=true`, edits: [insertLineAfter(model, stage.from, `LABEL ${BIND_TO_PORT_LABEL}=true`)] }];
    if (target === 'pipeline' || target === 'multi-container') {
      const base = baseInfo(model);
      if (base.kind === 'known' || base.kind === 'scratch') {
        ctx.report({ messageId: 'missing', range, data: { target: TARGET_NAMES[target] }, suggestions });
      } else {
        // A SageMaker or unknown base can carry the label (the PyTorch inference DLC does).
        ctx.report({ messageId: 'missingUnlessBase', range, data: { target: TARGET_NAMES[target], base: base.image?.ref ?? model.textOf(range) }, severity: 'warning', suggestions });
      }
      return;
    }
    if (target === undefined && servingEvidence(model, ctx.buildContext)) {
      ctx.report({ messageId: 'targetUnknown', range, severity: 'info', suggestions });
    }
  },
});
