/**
 * What SageMaker and its toolkits do with the names a Dockerfile mentions: environment variables,
 * capability labels and `/opt/ml` paths. Hovers explain them and completion offers them. Facts and
 * source tags follow sagemaker-contract.md; each entry links to the page a reader should trust.
 */
import { BIND_TO_PORT_LABEL, MULTI_MODEL_LABEL } from '../lint/knowledge';
import type { Mode } from '../lint/types';

export interface ReferenceEntry {
  name: string;
  /** one or two sentences, markdown */
  summary: string;
  url: string;
  /** the jobs in which the name matters */
  modes: readonly Mode[];
}

export interface VariableEntry extends ReferenceEntry {
  /**
   * `image`: the image may set it and a toolkit reads it, so ENV completion offers it.
   * `runtime`: SageMaker or a toolkit sets it when the job starts; an ENV value is overwritten.
   */
  origin: 'image' | 'runtime';
  /** an example value for completion */
  example?: string;
}

const DOCS = 'https://docs.aws.amazon.com/sagemaker/latest/dg';
const URL = {
  trainingToolkitEnv: 'https://github.com/aws/sagemaker-training-toolkit/blob/master/ENVIRONMENT_VARIABLES.md',
  inferenceToolkit: 'https://github.com/aws/sagemaker-inference-toolkit#readme',
  adaptTraining: `${DOCS}/adapt-training-container.html`,
  trainingDockerfile: `${DOCS}/your-algorithms-training-algo-dockerfile.html`,
  runningContainer: `${DOCS}/your-algorithms-training-algo-running-container.html`,
  trainingOutput: `${DOCS}/your-algorithms-training-algo-output.html`,
  inferenceCode: `${DOCS}/your-algorithms-inference-code.html`,
  batch: `${DOCS}/your-algorithms-batch-code.html`,
  pipeline: `${DOCS}/inference-pipeline-real-time.html`,
  multiModel: `${DOCS}/build-multi-model-build-container.html`,
  processing: `${DOCS}/build-your-own-processing-container.html`,
  checkpoints: `${DOCS}/model-checkpoints.html`,
  studio: `${DOCS}/studio-updated-byoi-specs.html`,
};

const TRAIN: readonly Mode[] = ['train'];
const SERVE: readonly Mode[] = ['serve'];

function runtimeTraining(name: string, summary: string): VariableEntry {
  return { name, summary: `${summary} Set by the training toolkit for your script; an \`ENV\` value is replaced when the job starts.`, url: URL.trainingToolkitEnv, modes: TRAIN, origin: 'runtime' };
}

export const VARIABLES: readonly VariableEntry[] = [
  {
    name: 'SAGEMAKER_PROGRAM', origin: 'image', modes: ['train', 'serve'], url: URL.adaptTraining, example: 'train.py',
    summary: 'Training: the entry script\'s file name, run from `/opt/ml/code` (the one variable a toolkit image must set). Serving: the module with `model_fn`/`predict_fn`, looked up in `/opt/ml/model/code` (default `inference.py`).',
  },
  {
    name: 'SAGEMAKER_SUBMIT_DIRECTORY', origin: 'image', modes: ['train', 'serve'], url: URL.trainingToolkitEnv, example: '/opt/ml/code',
    summary: 'Where the user code lives. Training toolkit 5.x replaces an `ENV` value with the `sagemaker_submit_directory` hyperparameter or `/opt/ml/code`, so only `/opt/ml/code` has an effect.',
  },
  {
    name: 'SAGEMAKER_TRAINING_MODULE', origin: 'image', modes: TRAIN, url: URL.trainingToolkitEnv, example: 'sagemaker_pytorch_container.training:main',
    summary: 'A `package.module:function` the training toolkit calls instead of running your script; the framework images use it to wrap the user script.',
  },
  {
    name: 'SAGEMAKER_SERVING_MODULE', origin: 'image', modes: SERVE, url: URL.inferenceToolkit, example: 'sagemaker_pytorch_serving_container.serving:main',
    summary: 'The `module:function` a framework image\'s `serve` entry point starts.',
  },
  {
    name: 'SAGEMAKER_REGION', origin: 'image', modes: ['train', 'serve'], url: URL.trainingToolkitEnv, example: 'us-east-1',
    summary: 'The AWS region the toolkits use (after `AWS_REGION`); the SDK sets it when it deploys a model.',
  },
  {
    name: 'SAGEMAKER_BASE_DIR', origin: 'image', modes: ['train', 'serve'], url: URL.trainingToolkitEnv, example: '/opt/ml',
    summary: 'Replaces `/opt/ml` as the toolkits\' root; meant for local tests, since SageMaker always mounts `/opt/ml`.',
  },
  {
    name: 'SAGEMAKER_CONTAINER_LOG_LEVEL', origin: 'image', modes: ['train', 'serve'], url: URL.inferenceToolkit, example: '20',
    summary: 'The toolkits\' Python log level (a `logging` number such as `20` for INFO).',
  },
  {
    name: 'SAGEMAKER_MODEL_SERVER_WORKERS', origin: 'image', modes: SERVE, url: URL.inferenceToolkit, example: '1',
    summary: 'How many model-server workers the inference toolkit starts (default: one per CPU).',
  },
  {
    name: 'SAGEMAKER_MODEL_SERVER_TIMEOUT', origin: 'image', modes: SERVE, url: URL.inferenceToolkit, example: '60',
    summary: 'The model server\'s response timeout in seconds (default 60); SageMaker itself allows 60 s per real-time invocation.',
  },
  {
    name: 'SAGEMAKER_STARTUP_TIMEOUT', origin: 'image', modes: SERVE, url: URL.inferenceToolkit, example: '600',
    summary: 'Seconds the inference toolkit waits for the model server to come up (default 600).',
  },
  {
    name: 'SAGEMAKER_DEFAULT_INVOCATIONS_ACCEPT', origin: 'image', modes: SERVE, url: URL.inferenceToolkit, example: 'application/json',
    summary: 'The response content type when a request sends no `Accept` header (default `application/json`).',
  },
  {
    name: 'SAGEMAKER_MODEL_SERVER_VMARGS', origin: 'image', modes: SERVE, url: URL.inferenceToolkit, example: '-XX:-UseContainerSupport',
    summary: 'JVM options for Multi Model Server (default `-XX:-UseContainerSupport`).',
  },
  {
    name: 'SAGEMAKER_MAX_PAYLOAD_IN_MB', origin: 'image', modes: SERVE, url: URL.batch, example: '6',
    summary: 'The largest request the server accepts; batch transform also sets it from the job\'s `MaxPayloadInMB`.',
  },
  {
    name: 'SAGEMAKER_BIND_TO_PORT', origin: 'runtime', modes: SERVE, url: URL.pipeline,
    summary: 'Set by SageMaker in serial inference pipelines and multi-container endpoints: the port to listen on instead of 8080. Only images with the `accept-bind-to-port=true` label may be used there.',
  },
  {
    name: 'SAGEMAKER_SAFE_PORT_RANGE', origin: 'runtime', modes: SERVE, url: URL.pipeline,
    summary: 'Set by SageMaker next to `SAGEMAKER_BIND_TO_PORT`: the `XXXX-YYYY` range a container must take any extra port from.',
  },
  {
    name: 'SAGEMAKER_MULTI_MODEL', origin: 'runtime', modes: SERVE, url: URL.multiModel,
    summary: 'Set to `true` by SageMaker on a multi-model endpoint; the inference toolkit then serves models from `/opt/ml/models`.',
  },
  {
    name: 'SAGEMAKER_BATCH', origin: 'runtime', modes: SERVE, url: URL.batch,
    summary: 'Set to `true` by SageMaker in every batch transform job.',
  },
  {
    name: 'SAGEMAKER_BATCH_STRATEGY', origin: 'runtime', modes: SERVE, url: URL.batch,
    summary: 'Set by batch transform when the job sets it: `SINGLE_RECORD` or `MULTI_RECORD`.',
  },
  {
    name: 'SAGEMAKER_MAX_CONCURRENT_TRANSFORMS', origin: 'runtime', modes: SERVE, url: URL.batch,
    summary: 'Set by batch transform when the job sets it: how many requests run at once per instance.',
  },
  {
    name: 'SM_STUDIO_LOCAL_MODE', origin: 'image', modes: TRAIN, url: URL.trainingToolkitEnv, example: 'True',
    summary: 'When set, the training toolkit skips waiting for the other hosts in DNS (local mode in Studio).',
  },
  runtimeTraining('SM_MODEL_DIR', 'The directory to save the model to, `/opt/ml/model`; SageMaker uploads it as one model.tar.gz.'),
  runtimeTraining('SM_INPUT_DIR', 'The input directory, `/opt/ml/input`.'),
  runtimeTraining('SM_INPUT_CONFIG_DIR', 'The job configuration directory, `/opt/ml/input/config`.'),
  runtimeTraining('SM_OUTPUT_DIR', 'The output directory, `/opt/ml/output`.'),
  runtimeTraining('SM_OUTPUT_DATA_DIR', 'Where to write other artifacts, `/opt/ml/output/data` (uploaded as output.tar.gz).'),
  runtimeTraining('SM_OUTPUT_INTERMEDIATE_DIR', 'Files written here are uploaded to S3 while the job runs.'),
  runtimeTraining('SM_MODULE_DIR', 'The S3 location of the uploaded user code.'),
  runtimeTraining('SM_CHANNELS', 'The input channel names as a JSON list.'),
  runtimeTraining('SM_CHANNEL_<NAME>', 'The directory of one input channel, e.g. `SM_CHANNEL_TRAIN=/opt/ml/input/data/train`.'),
  runtimeTraining('SM_HPS', 'All hyperparameters as a JSON object.'),
  runtimeTraining('SM_HP_<NAME>', 'One hyperparameter, e.g. `SM_HP_EPOCHS`.'),
  runtimeTraining('SM_CURRENT_HOST', 'This container\'s host name in the cluster, e.g. `algo-1`.'),
  runtimeTraining('SM_HOSTS', 'All host names of the training cluster as a JSON list.'),
  runtimeTraining('SM_CURRENT_INSTANCE_TYPE', 'The instance type the job runs on.'),
  runtimeTraining('SM_NETWORK_INTERFACE_NAME', 'The network interface to use for distributed training.'),
  runtimeTraining('SM_NUM_CPUS', 'The number of CPUs available to the container.'),
  runtimeTraining('SM_NUM_GPUS', 'The number of GPUs available to the container.'),
  runtimeTraining('SM_NUM_NEURONS', 'The number of Neuron cores (Inferentia/Trainium) available.'),
  runtimeTraining('SM_LOG_LEVEL', 'The log level the toolkit runs with.'),
  runtimeTraining('SM_USER_ARGS', 'The command-line arguments passed to the script, as a JSON list.'),
  runtimeTraining('SM_USER_ENTRY_POINT', 'The entry script, from `SAGEMAKER_PROGRAM`.'),
  runtimeTraining('SM_MODULE_NAME', 'The module name of the entry script.'),
  runtimeTraining('SM_FRAMEWORK_MODULE', 'The framework module, from `SAGEMAKER_TRAINING_MODULE`.'),
  runtimeTraining('SM_FRAMEWORK_PARAMS', 'Framework parameters as a JSON object.'),
  runtimeTraining('SM_RESOURCE_CONFIG', 'The content of `resourceconfig.json` as JSON.'),
  runtimeTraining('SM_INPUT_DATA_CONFIG', 'The content of `inputdataconfig.json` as JSON.'),
  runtimeTraining('SM_TRAINING_ENV', 'The whole training environment as one JSON object.'),
];

export const LABELS: readonly ReferenceEntry[] = [
  {
    name: BIND_TO_PORT_LABEL, modes: SERVE, url: URL.pipeline,
    summary: 'Declares that the server listens on the port in `SAGEMAKER_BIND_TO_PORT` (falling back to 8080). Serial inference pipelines and multi-container endpoints refuse images without `=true`.',
  },
  {
    name: MULTI_MODEL_LABEL, modes: SERVE, url: URL.multiModel,
    summary: 'Declares that the container implements the multi-model API (`/models`, `/models/<name>/invoke`). Multi-model endpoints refuse images without `=true`.',
  },
];

export const PATHS: readonly ReferenceEntry[] = [
  { name: '/opt/ml', modes: ['train', 'serve', 'processing', 'studio'], url: URL.trainingDockerfile, summary: 'Reserved by SageMaker: it mounts job data here and may hide what the image puts in it. Only `/opt/ml/code` is a safe place for code.' },
  { name: '/opt/ml/code', modes: TRAIN, url: URL.adaptTraining, summary: 'The training toolkit\'s code directory and the working directory of the script. Code baked in here is kept: the toolkit downloads the SDK\'s code only into an empty directory.' },
  { name: '/opt/ml/model', modes: ['train', 'serve'], url: URL.inferenceCode, summary: 'Training: save the model here; it is uploaded as one model.tar.gz. Serving: SageMaker unpacks the model here before the container starts, hiding anything the image put there, and it is read-only.' },
  { name: '/opt/ml/model/code', modes: SERVE, url: URL.inferenceToolkit, summary: 'Where the inference toolkit looks for the `SAGEMAKER_PROGRAM` module and `requirements.txt` (installed when the server starts).' },
  { name: '/opt/ml/models', modes: SERVE, url: URL.multiModel, summary: 'Multi-model endpoints load each model into `/opt/ml/models/<name>/model`.' },
  { name: '/opt/ml/input', modes: TRAIN, url: URL.runningContainer, summary: 'Job input written by SageMaker before the container starts: `config/` and `data/<channel>/`.' },
  { name: '/opt/ml/input/config', modes: TRAIN, url: URL.runningContainer, summary: 'The job configuration: `hyperparameters.json`, `resourceconfig.json`, `inputdataconfig.json`.' },
  { name: '/opt/ml/input/config/hyperparameters.json', modes: TRAIN, url: URL.runningContainer, summary: 'The job\'s hyperparameters; every value is a string.' },
  { name: '/opt/ml/input/config/resourceconfig.json', modes: TRAIN, url: URL.runningContainer, summary: 'The cluster: `current_host`, `hosts` and `network_interface_name`. Use it rather than `/etc/hosts`.' },
  { name: '/opt/ml/input/config/inputdataconfig.json', modes: TRAIN, url: URL.runningContainer, summary: 'One entry per channel with its content type, input mode and distribution.' },
  { name: '/opt/ml/input/data', modes: TRAIN, url: URL.runningContainer, summary: 'One directory per input channel (`/opt/ml/input/data/<channel>`); read-only in FastFile mode, FIFOs in Pipe mode.' },
  { name: '/opt/ml/output', modes: ['train', 'processing'], url: URL.trainingOutput, summary: 'Job output: `data/` (uploaded as output.tar.gz) and the `failure` file.' },
  { name: '/opt/ml/output/data', modes: TRAIN, url: URL.trainingOutput, summary: 'Artifacts other than the model; uploaded as output.tar.gz.' },
  { name: '/opt/ml/output/failure', modes: TRAIN, url: URL.trainingOutput, summary: 'Write the failure reason here; `DescribeTrainingJob` shows its first 1,024 characters.' },
  { name: '/opt/ml/output/intermediate', modes: TRAIN, url: URL.trainingToolkitEnv, summary: 'Files written here are uploaded to S3 while the job runs.' },
  { name: '/opt/ml/output/message', modes: ['processing'], url: URL.processing, summary: 'A processing job\'s exit message: the first 1 KB (UTF-8) becomes `ExitMessage`.' },
  { name: '/opt/ml/checkpoints', modes: TRAIN, url: URL.checkpoints, summary: 'The default local checkpoint path, synced both ways with `CheckpointConfig.S3Uri` and restored when a job starts.' },
  { name: '/opt/ml/processing', modes: ['processing'], url: URL.processing, summary: 'Every processing input and output `LocalPath` must be under `/opt/ml/processing/`.' },
  { name: '/opt/ml/config', modes: ['processing'], url: URL.processing, summary: 'A processing job\'s configuration: `processingjobconfig.json` and `resourceconfig.json` (not `/opt/ml/input/config` as in training).' },
  { name: '/opt/ml/metadata/resource-metadata.json', modes: ['studio'], url: URL.studio, summary: 'Studio\'s metadata about the app the image runs in.' },
];

const byName = new Map(VARIABLES.map((entry) => [entry.name, entry]));

/** The entry for a variable name, including the `SM_CHANNEL_<NAME>` and `SM_HP_<NAME>` families. */
export function variableEntry(name: string): VariableEntry | undefined {
  return byName.get(name)
    ?? (name.startsWith('SM_CHANNEL_') && name !== 'SM_CHANNELS' ? byName.get('SM_CHANNEL_<NAME>') : undefined)
    ?? (name.startsWith('SM_HP_') ? byName.get('SM_HP_<NAME>') : undefined);
}

export function labelEntry(key: string): ReferenceEntry | undefined {
  return LABELS.find((entry) => entry.name === key);
}

/** The entry of the deepest documented directory that contains `path`, or of the file itself. */
export function pathEntry(path: string): ReferenceEntry | undefined {
  const clean = path.replace(/\/+$/, '');
  let best: ReferenceEntry | undefined;
  for (const entry of PATHS) {
    if ((clean === entry.name || clean.startsWith(`${entry.name}/`)) && (!best || entry.name.length > best.name.length)) best = entry;
  }
  return best;
}
