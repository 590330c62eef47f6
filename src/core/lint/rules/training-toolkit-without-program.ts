import { basename } from '../commands';
import { programWord } from '../queries/entrypoint';
import { insertLineAfter } from '../queries/lines';
import { commandName } from '../shell';
import { trainingToolkit } from '../queries/toolkits';
import { baseInfo } from '../queries/baseImage';
import { defineRule } from '../types';
import { filesUnder } from '../queries/filesystem';

export const trainingToolkitWithoutProgram = defineRule({
  meta: {
    id: 'training-toolkit-without-program',
    severity: 'warning',
    basis: 'code',
    modes: ['train'],
    summary: 'An image with the training toolkit should name its entry script with ENV SAGEMAKER_PROGRAM (or SAGEMAKER_TRAINING_MODULE).',
    source: ['DG:adapt-training-container', 'TT:src/sagemaker_training/environment.py'],
    messages: {
      noProgram: '{package} is installed, but neither SAGEMAKER_PROGRAM nor SAGEMAKER_TRAINING_MODULE is set: the toolkit\'s "train" then runs only when the job passes the sagemaker_program hyperparameter, which the SDK\'s estimators do when given an entry_point and a job started any other way does not. Set ENV SAGEMAKER_PROGRAM to the script in /opt/ml/code.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    const env = model.finalStage?.env;
    if (!env || env.has('SAGEMAKER_PROGRAM') || env.has('SAGEMAKER_TRAINING_MODULE')) return;
    const pkg = trainingToolkit(model, buildContext).package;
    if (!pkg) return;
    // Another program starts the job; it may pass the script itself, or not use the toolkit's runner at all.
    const entrypoint = model.entrypoint();
    if (entrypoint && commandName(programWord(entrypoint)) !== 'train') return;
    const base = baseInfo(model);
    // SageMaker training images set SAGEMAKER_TRAINING_MODULE themselves; other bases may set either.
    if (base.kind === 'sagemaker') return;
    const baked = filesUnder(model, '/opt/ml/code', buildContext);
    const scripts = baked.files.filter((f) => /^\/opt\/ml\/code\/[^/]+\.py$/.test(f.path) && !f.path.endsWith('/setup.py'));
    const only = scripts.length === 1 ? scripts[0] : undefined;
    const name = only && basename(only.path);
    ctx.report({
      messageId: 'noProgram',
      range: pkg.word.range,
      data: { package: pkg.name },
      // With no code baked in, the image waits for code from the job, and the SDK's estimators send
      // the script's name with it [SDK v2 src/sagemaker/estimator.py `_script_mode_hyperparam_update`].
      severity: base.kind === 'unknown' || base.kind === 'unresolved' || !baked.populated ? 'info' : undefined,
      suggestions: only && name && /^[\w.-]+$/.test(name)
        ? [{ title: `Set ENV SAGEMAKER_PROGRAM=${name}`, edits: [insertLineAfter(model, only.copy.step.instruction, `ENV SAGEMAKER_PROGRAM=${name}`)] }]
        : undefined,
    });
  },
});
