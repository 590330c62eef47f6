import type { Env } from 'dockerfile-ast';
import { MULTI_MODEL_LABEL } from '../knowledge';
import type { KeyValue, Model } from '../model';
import { removeInstructionEdit } from '../queries/instructions';
import { removeWordEdit } from '../queries/words';
import { defineRule, TextEdit } from '../types';

/**
 * What the training toolkit passes to the user process for each job [TT:src/sagemaker_training/mapping.py,
 * environment.py `to_env_vars`]. Names it only reads (SM_STUDIO_LOCAL_MODE) or that images use for
 * their own settings (the scikit-learn DLC's SM_INPUT_* files) are not platform-owned.
 */
const TOOLKIT_VARIABLES = new Set([
  'SM_MODEL_DIR', 'SM_INPUT_DIR', 'SM_INPUT_CONFIG_DIR', 'SM_OUTPUT_DIR', 'SM_OUTPUT_DATA_DIR', 'SM_OUTPUT_INTERMEDIATE_DIR',
  'SM_MODULE_DIR', 'SM_CHANNELS', 'SM_HPS', 'SM_CURRENT_HOST', 'SM_HOSTS', 'SM_CURRENT_INSTANCE_TYPE', 'SM_CURRENT_INSTANCE_GROUP',
  'SM_CURRENT_INSTANCE_GROUP_HOSTS', 'SM_INSTANCE_GROUPS', 'SM_INSTANCE_GROUPS_DICT', 'SM_DISTRIBUTION_INSTANCE_GROUPS',
  'SM_IS_HETERO', 'SM_NETWORK_INTERFACE_NAME', 'SM_TOPOLOGY', 'SM_NUM_CPUS', 'SM_NUM_GPUS', 'SM_NUM_NEURONS', 'SM_LOG_LEVEL',
  'SM_USER_ARGS', 'SM_USER_ENTRY_POINT', 'SM_MODULE_NAME', 'SM_FRAMEWORK_MODULE', 'SM_FRAMEWORK_PARAMS', 'SM_RESOURCE_CONFIG',
  'SM_INPUT_DATA_CONFIG', 'SM_TRAINING_ENV',
]);
const TOOLKIT_PREFIXES = /^SM_(CHANNEL|HP)_./;

/** The fixed directories the toolkit always passes: baking the same value changes nothing. */
const FIXED_VALUES: Record<string, string> = {
  SM_MODEL_DIR: '/opt/ml/model', SM_INPUT_DIR: '/opt/ml/input', SM_INPUT_CONFIG_DIR: '/opt/ml/input/config',
  SM_OUTPUT_DIR: '/opt/ml/output', SM_OUTPUT_DATA_DIR: '/opt/ml/output/data', SM_OUTPUT_INTERMEDIATE_DIR: '/opt/ml/output/intermediate',
};

/** Variables SageMaker itself sets when they apply [DG batch, pipelines, MME; training job]. */
const PLATFORM = /^(SAGEMAKER_BIND_TO_PORT|SAGEMAKER_SAFE_PORT_RANGE|SAGEMAKER_MULTI_MODEL|SAGEMAKER_BATCH.*|SAGEMAKER_MAX_.+|TRAINING_JOB_.+)$/;

export const platformEnvInImage = defineRule({
  meta: {
    id: 'platform-env-in-image',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['train', 'serve', 'processing'],
    summary: 'Do not set in the image the variables SageMaker or its toolkits set per job (SM_* of the training toolkit, SAGEMAKER_BIND_TO_PORT, SAGEMAKER_MULTI_MODEL, SAGEMAKER_BATCH*, …).',
    source: ['TT:src/sagemaker_training/mapping.py', 'DG:your-algorithms-training-algo-running-container', 'DG:your-algorithms-batch-code', 'DG:inference-pipeline-real-time', 'DG:build-multi-model-build-container', 'IT:src/sagemaker_inference/environment.py'],
    messages: {
      toolkitVariable: '{name} is set for each job by the SageMaker training toolkit: the value baked here is replaced when the toolkit runs the script, and misleads code that runs without it (it may name the wrong hosts, GPUs or hyperparameters). Remove it, and read the variable with a default in the code.',
      platformVariable: '{name} is set by SageMaker at run time where it applies (inference pipelines, batch transform, multi-model endpoints, training jobs); a value baked into the image stands in everywhere else and changes how the container behaves. Remove it.',
      multiModel: 'SAGEMAKER_MULTI_MODEL=true baked into the image makes the inference toolkit load models from /opt/ml/models, so on a single-model endpoint the model in /opt/ml/model is never found. SageMaker sets it on multi-model endpoints; remove it.',
      multiModelImage: 'SAGEMAKER_MULTI_MODEL=true makes this multi-model image usable only behind a multi-model endpoint: the inference toolkit then looks for models in /opt/ml/models, not /opt/ml/model. SageMaker sets it on multi-model endpoints; remove it if the image should also serve a single model.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const instruction of model.imageInstructionsOf('ENV') as Env[]) {
      const properties = model.properties(instruction);
      for (const property of properties) {
        const name = property.getName();
        const value = storedValue(model, name, property) ?? property.getValue() ?? '';
        const classified = classify(name, value.trim());
        if (!classified) continue;
        // An image that declares the multi-model capability, as the inference toolkit's own MME test
        // images do, is meant for multi-model endpoints: there the baked value is the one SageMaker sets.
        const multiModelImage = classified === 'multiModel' && model.labels().get(MULTI_MODEL_LABEL)?.value === 'true';
        const messageId = multiModelImage ? 'multiModelImage' : classified;
        const edit: TextEdit = properties.length === 1
          ? removeInstructionEdit(model, instruction)
          : removeWordEdit(model, { value: name, range: property.getRange(), quoted: false, expands: false });
        ctx.report({
          messageId,
          range: property.getNameRange(),
          data: { name },
          severity: multiModelImage ? 'info' : undefined,
          suggestions: [{ title: `Remove ${name} from the image`, edits: [edit] }],
        });
      }
    }
  },
});

/** The value as Docker stores it: `${SAGEMAKER_BIND_TO_PORT:-8080}` is 8080 at build time. */
function storedValue(model: Model, name: string, property: KeyValue): string | undefined {
  for (const stage of model.lineage()) {
    const entry = stage.env.get(name);
    if (entry?.property === property) return entry.value;
  }
  return undefined;
}

function classify(name: string, value: string): 'toolkitVariable' | 'platformVariable' | 'multiModel' | undefined {
  if (TOOLKIT_VARIABLES.has(name) || TOOLKIT_PREFIXES.test(name)) {
    const fixed = FIXED_VALUES[name] ?? channelDir(name);
    return fixed !== undefined && value.replace(/\/+$/, '') === fixed ? undefined : 'toolkitVariable';
  }
  if (!PLATFORM.test(name)) return undefined;
  // The values SageMaker falls back to when it sets nothing are harmless.
  if (name === 'SAGEMAKER_BIND_TO_PORT' && value === '8080') return undefined;
  if (name === 'SAGEMAKER_MULTI_MODEL') return value.toLowerCase() === 'true' ? 'multiModel' : undefined;
  return 'platformVariable';
}

/** `SM_CHANNEL_TRAIN` is always `/opt/ml/input/data/train`. */
function channelDir(name: string): string | undefined {
  const m = /^SM_CHANNEL_(.+)$/.exec(name);
  return m ? `/opt/ml/input/data/${m[1].toLowerCase()}` : undefined;
}
