import { removeInstructionEdit } from '../queries/instructions';
import { findPython, inferenceToolkit, pythonInstalls, trainingToolkit } from '../queries/toolkits';
import { sagemakerBase } from '../queries/baseImage';
import { defineRule } from '../types';

export const submitDirectoryIgnored = defineRule({
  meta: {
    id: 'submit-directory-ignored',
    severity: 'info',
    basis: 'code',
    modes: ['train'],
    summary: 'The training toolkit overwrites SAGEMAKER_SUBMIT_DIRECTORY, so a local directory other than /opt/ml/code set in the image has no effect.',
    source: ['TT:src/sagemaker_training/environment.py', 'DG:prebuilt-containers-extend'],
    messages: {
      overridden: 'SAGEMAKER_SUBMIT_DIRECTORY={value} has no effect with sagemaker-training: the toolkit replaces it with the sagemaker_submit_directory hyperparameter, or /opt/ml/code. Put the code in /opt/ml/code and drop the variable.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    const entry = model.finalStage?.env.get('SAGEMAKER_SUBMIT_DIRECTORY');
    if (!entry) return;
    const value = entry.value.trim();
    // Only local directories; /opt/ml/model/code is where inference code lives when serving.
    if (!value.startsWith('/') || value.replace(/\/+$/, '') === '/opt/ml/code' || value.startsWith('/opt/ml/model')) return;
    if (trainingToolkit(model, buildContext).presence !== 'yes') return;
    // The legacy sagemaker-containers library, and serving stacks built on it, still read the variable.
    if (findPython(pythonInstalls(model, buildContext), ['sagemaker-containers'])) return;
    if (inferenceToolkit(model, buildContext).presence !== 'no' || sagemakerBase(model, 'inference')) return;
    const single = model.properties(entry.instruction).length === 1;
    ctx.report({
      messageId: 'overridden',
      range: entry.property.getValueRange() ?? entry.property.getRange(),
      data: { value },
      suggestions: single
        ? [{ title: 'Remove ENV SAGEMAKER_SUBMIT_DIRECTORY', edits: [removeInstructionEdit(model, entry.instruction)] }]
        : undefined,
    });
  },
});
