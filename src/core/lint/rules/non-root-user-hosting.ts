import { insertLineAfter, lastInstruction } from '../queries/lines';
import { finalUser, isRoot } from '../queries/users';
import { defineRule } from '../types';

export const nonRootUserHosting = defineRule({
  meta: {
    id: 'non-root-user-hosting',
    severity: 'warning',
    basis: 'doc',
    modes: ['serve', 'train', 'processing'],
    summary: 'SageMaker expects hosting containers to run as root; a final non-root USER breaks the inference toolkits and may not write /opt/ml.',
    source: ['WEB-inf', 'IT:src/sagemaker_inference/model_server.py', 'PTI', 'ISS-aws/sagemaker-inference-toolkit#72', 'ISS-aws/sagemaker-python-sdk#4764'],
    messages: {
      hosting: 'The image runs as {user}. SageMaker expects hosting and batch containers to run as root, and the inference toolkits write /etc/sagemaker-mms.properties or /etc/sagemaker-ts.properties at start-up, which a non-root user cannot. Remove this USER or end the image with USER root.',
      hostingUnresolved: 'The image\'s USER comes from {variables}, which the linter cannot resolve. SageMaker expects hosting and batch containers to run as root; if this is not root, remove it or end the image with USER root.',
      jobs: 'The image runs as {user}. SageMaker creates the /opt/ml directories as root; make sure this user can write what the job writes there (a processing job running as UID 1000 could not write /opt/ml/processing/output).',
    },
  },
  check(ctx) {
    const user = finalUser(ctx.model);
    const stage = ctx.model.finalStage;
    if (!user || !stage) return;
    const serve = ctx.modes.has('serve');
    const suggestions = [{ title: 'End the image with USER root', edits: [insertLineAfter(ctx.model, lastInstruction(stage), 'USER root')] }];
    if (user.user === undefined) {
      // A variable the linter cannot see may well be root: only a reminder, and only for hosting.
      const variables = [...new Set(user.unresolved)].join(', ');
      if (serve) ctx.report({ messageId: 'hostingUnresolved', range: user.word.range, data: { variables }, severity: 'info', suggestions });
      return;
    }
    const data = { user: user.group === undefined ? user.user : `${user.user}:${user.group}` };
    if (isRoot(user.user)) return;
    if (serve) ctx.report({ messageId: 'hosting', range: user.word.range, data, suggestions });
    else ctx.report({ messageId: 'jobs', range: user.word.range, data, severity: 'info', suggestions });
  },
});
