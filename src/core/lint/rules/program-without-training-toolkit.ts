import type { Instruction } from 'dockerfile-ast';
import { copySteps } from '../commands';
import type { Model } from '../model';
import { findCommand } from '../queries/launchers';
import { insertLineAfter } from '../queries/lines';
import { basePythonVersion, pipCommand } from '../queries/python';
import { findPython, inferenceToolkit, pythonInstalls, trainingToolkit } from '../queries/toolkits';
import { baseInfo, baseLabel } from '../queries/baseImage';
import { defineRule, Suggestion } from '../types';
import { isUnder } from '../queries/filesystem';

export const programWithoutTrainingToolkit = defineRule({
  meta: {
    id: 'program-without-training-toolkit',
    severity: 'error',
    basis: 'doc',
    modes: ['train'],
    summary: 'SAGEMAKER_PROGRAM and code in /opt/ml/code need the SageMaker training toolkit, which provides the train command that runs them.',
    source: ['DG:adapt-training-container', 'TT:README.md', 'TT:setup.py'],
    messages: {
      noToolkit: 'SAGEMAKER_PROGRAM is read only by the SageMaker training toolkit, and nothing in this image installs it: SageMaker runs "train", no such command exists, and the job fails at start. Install it: pip install --no-cache-dir sagemaker-training.',
      sdkIsNotToolkit: 'SAGEMAKER_PROGRAM is read only by the SageMaker training toolkit, and nothing in this image installs it (the "sagemaker" package is the Python SDK, not the toolkit): SageMaker runs "train", no such command exists, and the job fails at start. Install sagemaker-training.',
      maybeToolkit: 'SAGEMAKER_PROGRAM is read only by the SageMaker training toolkit, which this file does not install; the job fails at start unless {where}. Install sagemaker-training to be sure.',
      programIgnored: 'SAGEMAKER_PROGRAM has no effect in this image: only the SageMaker training toolkit reads it, the toolkit is not installed, and the ENTRYPOINT runs instead. Remove the variable, or install sagemaker-training and let its "train" run the script.',
      codeWithoutToolkit: 'Code copied into /opt/ml/code is run by the SageMaker training toolkit, which this image does not install, and nothing else answers SageMaker\'s "train". Install sagemaker-training and set ENV SAGEMAKER_PROGRAM to the script.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    const stage = model.finalStage;
    if (!stage) return;
    const toolkit = trainingToolkit(model, buildContext);
    if (toolkit.presence === 'yes') return;
    // The inference toolkit also reads SAGEMAKER_PROGRAM (its handler module), and serving code may sit anywhere.
    if (inferenceToolkit(model, buildContext).presence === 'yes') return;
    const base = baseInfo(model);
    const entrypoint = model.entrypoint();
    // Looking for a `train` command is the costly part, and most images answer before it matters.
    const train = () => findCommand(model, 'train', buildContext).status;
    const program = stage.env.get('SAGEMAKER_PROGRAM');

    if (!program) {
      const code = copySteps(model).find((step) => isUnder(step.destination, '/opt/ml/code'));
      if (code && !entrypoint && toolkit.presence === 'no' && base.plain && train() === 'absent') {
        ctx.report({ messageId: 'codeWithoutToolkit', range: code.destinationWord.range, severity: 'warning' });
      }
      return;
    }
    const range = program.property.getRange();
    if (entrypoint) {
      if (toolkit.presence === 'no') ctx.report({ messageId: 'programIgnored', range, severity: 'warning' });
      return;
    }
    // A `train` executable of the image's own answers SageMaker; the variable is then its business.
    if (train() === 'found') return;
    if (toolkit.presence === 'no' && train() === 'absent' && base.plain) {
      const sdk = findPython(pythonInstalls(model, buildContext), ['sagemaker']);
      ctx.report({
        messageId: sdk ? 'sdkIsNotToolkit' : 'noToolkit',
        range,
        suggestions: installSuggestion(model, program.instruction),
      });
      return;
    }
    const baseName = baseLabel(model, base);
    const where = base.kind === 'unknown' || base.kind === 'unresolved' ? `the base image ${baseName} already has it`
      : toolkit.presence === 'maybe' ? 'an install smlint cannot read (a requirements file, a local package or a script) brings it'
        : train() === 'unknown' ? 'a step smlint cannot see puts a "train" command on PATH'
          : `the base image ${baseName} has an ENTRYPOINT that handles "train"`;
    ctx.report({ messageId: 'maybeToolkit', range, data: { where }, severity: base.kind === 'unresolved' ? 'info' : 'warning' });
  },
});

/** Installs the toolkit right before the variable, with the pip the file already uses. */
function installSuggestion(model: Model, env: Instruction): Suggestion[] | undefined {
  const pip = pipCommand(model);
  const stage = model.stageOf(env);
  if (!pip || !stage) return undefined;
  const python = basePythonVersion(model);
  // Toolkit 5.x needs Python 3.8 (python-too-old-for-toolkit).
  const requirement = python && (python.major < 3 || (python.major === 3 && python.minor < 8)) ? '"sagemaker-training<5"' : 'sagemaker-training';
  const line = `RUN ${pip} install --no-cache-dir ${requirement}`;
  const index = stage.instructions.indexOf(env);
  const before = index > 0 ? stage.instructions[index - 1] : stage.from;
  return [{ title: `Install the training toolkit: ${line}`, edits: [insertLineAfter(model, before, line)] }];
}
