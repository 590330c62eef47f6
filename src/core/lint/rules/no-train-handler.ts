import { missingLauncher } from '../queries/launchers';
import { defineRule } from '../types';

export const noTrainHandler = defineRule({
  meta: {
    id: 'no-train-handler',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['train'],
    summary: 'With no ENTRYPOINT, training runs "train" as the command, so an executable named train must be on PATH.',
    source: ['DG:your-algorithms-training-algo-dockerfile', 'TT:setup.py', 'EX:advanced_functionality/scikit_bring_your_own/container/Dockerfile'],
    messages: {
      noTrain: 'SageMaker starts training as "docker run IMAGE train" and this image has no ENTRYPOINT, so "train" must be an executable on PATH, and nothing in this file provides one{detail}. Install the training toolkit (pip install sagemaker-training, with ENV SAGEMAKER_PROGRAM=train.py), or copy an executable train script into a PATH directory.',
    },
  },
  check(ctx) {
    const missing = missingLauncher(ctx.model, 'train', ctx.buildContext);
    const from = ctx.model.finalStage?.from;
    if (!missing || !from) return;
    ctx.report({
      messageId: 'noTrain',
      range: from.getRange(),
      severity: missing.severity,
      data: { detail: missing.detail },
    });
  },
});
