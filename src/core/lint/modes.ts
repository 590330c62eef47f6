/**
 * Which SageMaker jobs an image is for, read from the file, each mode with the evidence for it.
 * Rules apply only in the modes they declare, so a processing image is not told it lacks `serve`.
 */
import { copySteps, imagePackages, landingPath } from './commands';
import { baseImageOf } from './images';
import { INFERENCE_TOOLKIT, LABEL_PREFIX, MODEL_SERVERS, SERVE_TOOLKITS, TRAINING_TOOLKITS } from './knowledge';
import type { Model } from './model';
import { bareInterpreter } from './queries/entrypoint';
import type { Mode, ModeReason } from './types';

/** Modes applied when the file shows no evidence: the two SageMaker starts every image must survive. */
export const DEFAULT_MODES: readonly Mode[] = ['train', 'serve'];

export function detectModes(model: Model): ModeReason[] {
  const reasons: ModeReason[] = [];
  const add = (mode: Mode, reason: string, range?: ModeReason['range']) => {
    if (!reasons.some((r) => r.mode === mode && r.reason === reason)) reasons.push({ mode, reason, range });
  };
  const stage = model.finalStage;
  if (!stage) return reasons;

  const base = baseImageOf(model);
  const baseRange = model.baseStage()?.from.getImageRange() ?? undefined;
  if (base?.sagemaker) {
    for (const scope of base.sagemaker.scopes) {
      const mode: Mode = scope === 'training' ? 'train' : scope === 'inference' ? 'serve' : 'studio';
      add(mode, `FROM ${base.sagemaker.repository}, a SageMaker ${scope} image`, baseRange);
    }
  }

  for (const pkg of imagePackages(model)) {
    if (TRAINING_TOOLKITS.includes(pkg.name)) add('train', `installs ${pkg.name}`, pkg.word.range);
    if (SERVE_TOOLKITS.includes(pkg.name) || pkg.name === INFERENCE_TOOLKIT || MODEL_SERVERS.includes(pkg.name)) {
      add('serve', `installs ${pkg.name}`, pkg.word.range);
    }
    if (['ipykernel', 'jupyterlab', 'jupyter-server', 'jupyter-kernel-gateway'].includes(pkg.name)) add('studio', `installs ${pkg.name}`, pkg.word.range);
  }

  for (const step of copySteps(model)) {
    for (const source of step.sources) {
      const landed = landingPath(step, source.value);
      const name = landed.split('/').pop();
      if (name === 'train') add('train', `copies a file named train to ${landed}`, source.range);
      if (name === 'serve') add('serve', `copies a file named serve to ${landed}`, source.range);
    }
    if (step.destination.startsWith('/opt/ml/code')) add('train', 'copies code into /opt/ml/code', step.destinationWord.range);
  }

  for (const [name, entry] of stage.env) {
    if (name === 'SAGEMAKER_PROGRAM' || name === 'SAGEMAKER_TRAINING_MODULE') add('train', `sets ${name}`, entry.property.getNameRange());
    if (name === 'SAGEMAKER_SERVING_MODULE') add('serve', `sets ${name}`, entry.property.getNameRange());
  }
  for (const [key, label] of model.labels()) {
    if (key.startsWith(LABEL_PREFIX)) add('serve', `has the ${key.slice(LABEL_PREFIX.length)} capability label`, label.property.getNameRange());
  }

  const interpreter = bareInterpreter(model.entrypoint());
  if (interpreter) add('processing', `ENTRYPOINT ${interpreter.value} with no script`, interpreter.range);
  if (/\/opt\/ml\/processing\b/.test(model.text)) {
    const at = model.text.indexOf('/opt/ml/processing');
    add('processing', 'refers to /opt/ml/processing', { start: model.positionAt(at), end: model.positionAt(at + '/opt/ml/processing'.length) });
  }
  if (/\/home\/sagemaker-user\b/.test(model.text)) {
    const at = model.text.indexOf('/home/sagemaker-user');
    add('studio', 'uses /home/sagemaker-user', { start: model.positionAt(at), end: model.positionAt(at + '/home/sagemaker-user'.length) });
  }
  return reasons;
}
