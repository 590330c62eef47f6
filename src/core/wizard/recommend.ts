/**
 * `recommend(answers)`: SageMaker's build-path decision (sagemaker-contract.md §3.7) as a table kept
 * as data. Path rows are tried in order and the first that matches decides; every other row that
 * matches adds a reason. Each row names the answer that causes it, a contract source tag and the
 * AWS page that says so, so the wizard can always say why.
 */
import { isGpuInstance, isGravitonInstance } from '../catalog';
import { resolveImages, type ResolvedImage } from './images';
import {
  catalogFamily, imageQuery, isLlm, isPrebuiltFramework, keepsOwnImage, QUESTION_IDS, settle,
  type Answers, type Question, type QuestionId,
} from './questions';

export type PathId = 'builtin' | 'prebuilt' | 'requirements' | 'extend' | 'adapt' | 'scratch';

export interface PathInfo {
  id: PathId;
  /** the path's number in the developer guide's decision tree (0 = built-in algorithm) */
  number: number;
  title: string;
  summary: string;
  source: string;
  url: string;
}

const DG = 'https://docs.aws.amazon.com/sagemaker/latest/dg/';

export const PATHS: Readonly<Record<PathId, PathInfo>> = {
  builtin: {
    id: 'builtin', number: 0, title: 'Use a built-in algorithm',
    summary: 'SageMaker provides the training and inference image. There is no container to build.',
    source: 'DG:algos', url: `${DG}algos.html`,
  },
  prebuilt: {
    id: 'prebuilt', number: 1, title: 'Use a pre-built image as it is',
    summary: 'Run the pre-built image unchanged and hand it your code (or configuration) when the job or endpoint starts.',
    source: 'DG:docker-containers', url: `${DG}pre-built-containers-frameworks-deep-learning.html`,
  },
  requirements: {
    id: 'requirements', number: 2, title: 'Use a pre-built image with requirements.txt',
    summary: 'Run the pre-built image unchanged; it installs your requirements.txt when the job or server starts.',
    source: 'DG:docker-containers', url: `${DG}docker-containers.html`,
  },
  extend: {
    id: 'extend', number: 3, title: 'Extend a pre-built image',
    summary: 'Build FROM the pre-built image, install your packages at build time and bake in your code.',
    source: 'DG:prebuilt-containers-extend', url: `${DG}prebuilt-containers-extend.html`,
  },
  adapt: {
    id: 'adapt', number: 4, title: 'Adapt your own image',
    summary: 'Keep your base image and add the SageMaker training and/or inference toolkit.',
    source: 'DG:docker-containers-adapt-your-own', url: `${DG}docker-containers-adapt-your-own.html`,
  },
  scratch: {
    id: 'scratch', number: 5, title: 'Build a container from scratch',
    summary: 'Provide train and serve executables yourself: nginx, gunicorn and a small Flask app answer /ping and /invocations on port 8080.',
    source: 'DG:docker-containers-create', url: `${DG}docker-containers-create.html`,
  },
};

/**
 * Facts a row can test: the answers themselves plus a few read off them. Each derived fact names
 * the question it comes from, which tells "not asked yet" from "does not apply".
 */
type Fact = QuestionId | 'frameworkKind' | 'ownImage' | 'processor' | 'partition' | 'split' | 'path' | 'catalog';
const FACT_QUESTION: Readonly<Partial<Record<Fact, QuestionId>>> = {
  frameworkKind: 'framework', ownImage: 'existingImage', processor: 'instanceType', partition: 'region',
};

/** A row matches when the value of every listed fact is one of the listed values. */
type Condition = Partial<Record<Fact, readonly string[]>>;

interface Row {
  id: string;
  when: Condition;
  /** the answer shown as the cause */
  cause: QuestionId;
  /** `{answer}` is replaced by the cause's answer label */
  text: string;
  source: string;
  url: string;
  severity?: 'warning';
}

interface PathRow extends Row {
  path: PathId;
}

const INFERENCE_CODE_TEXT = 'Your inference code goes in code/inference.py inside model.tar.gz: the inference toolkit loads the model with model_fn and calls input_fn, predict_fn and output_fn for each request.';

/** Tried in order; the first match decides the path. */
export const PATH_ROWS: readonly PathRow[] = [
  {
    id: 'builtin-algorithm', path: 'builtin', when: { approach: ['builtin'] }, cause: 'approach',
    text: 'You chose a built-in algorithm: SageMaker runs its own image, so you only pick the image URI and set hyperparameters.',
    source: 'DG:algos', url: `${DG}algos.html`,
  },
  {
    id: 'llm-container', path: 'prebuilt', when: { frameworkKind: ['llm'] }, cause: 'framework',
    text: '{answer} is an LLM serving container: it is used as it is and configured with environment variables, which the README and the local test show.',
    source: 'DG:large-model-inference', url: `${DG}large-model-inference.html`,
  },
  {
    id: 'studio-distribution', path: 'prebuilt', when: { purpose: ['studio'], dependencies: ['none'] }, cause: 'dependencies',
    text: 'You need no extra packages: SageMaker Distribution, Studio\'s default image, already has the common data science libraries.',
    source: 'WEB-studio', url: `${DG}sagemaker-distribution.html`,
  },
  {
    id: 'keep-own-image', path: 'adapt', when: { ownImage: ['yes'] }, cause: 'existingImage',
    text: 'You keep {answer}: adding the SageMaker toolkits to it is less work than moving your setup onto a pre-built image.',
    source: 'DG:docker-containers-adapt-your-own', url: `${DG}docker-containers-adapt-your-own.html`,
  },
  {
    id: 'multi-model-needs-mms', path: 'adapt', when: { frameworkKind: ['other'], endpoint: ['multi-model'] }, cause: 'endpoint',
    text: 'A multi-model endpoint needs a server that implements the /models API. The inference toolkit\'s Multi Model Server does, so the wizard adds it to a plain Python image instead of writing a server from scratch.',
    source: 'DG:build-multi-model-build-container', url: `${DG}build-multi-model-build-container.html`,
  },
  {
    id: 'custom-framework', path: 'scratch', when: { frameworkKind: ['other'] }, cause: 'framework',
    text: 'SageMaker has no pre-built image for a custom framework, and you keep no base image of your own: the container provides its own train and serve.',
    source: 'DG:docker-containers-create', url: `${DG}docker-containers-create.html`,
  },
  {
    id: 'no-extra-packages', path: 'prebuilt', when: { dependencies: ['none'] }, cause: 'dependencies',
    text: 'Your code needs nothing the pre-built image lacks, so there is no image to build: SageMaker runs the image with your code.',
    source: 'DG:docker-containers', url: `${DG}pre-built-containers-frameworks-deep-learning.html`,
  },
  {
    id: 'build-time-packages', path: 'extend', when: { dependencies: ['build'] }, cause: 'dependencies',
    text: 'Your packages must be installed at build time, so the wizard extends the pre-built image and bakes them in.',
    source: 'DG:prebuilt-containers-extend', url: `${DG}prebuilt-containers-extend.html`,
  },
  {
    id: 'network-isolation', path: 'extend', when: { networkIsolation: ['yes'] }, cause: 'networkIsolation',
    text: 'With network isolation the container cannot reach PyPI, so requirements.txt cannot be installed at start-up: the packages are baked into an extended image.',
    source: 'DG:mkt-algo-model-internet-free', url: `${DG}mkt-algo-model-internet-free.html`,
  },
  {
    id: 'serverless-cold-start', path: 'extend', when: { hosting: ['serverless'], dependencies: ['pip'] }, cause: 'hosting',
    text: 'A serverless endpoint must answer /ping within 3 minutes of every cold start; installing packages each time risks that, so they are baked into an extended image.',
    source: 'DG:serverless-endpoints', url: `${DG}serverless-endpoints.html`,
  },
  {
    id: 'requirements-unsupported', path: 'extend', when: { framework: ['xgboost'], purpose: ['train', 'serve', 'both'], dependencies: ['pip'] }, cause: 'framework',
    text: 'The developer guide lists requirements.txt support for TensorFlow, PyTorch, MXNet, Chainer and scikit-learn, not for {answer}: the packages are baked into an extended image.',
    source: 'DG:docker-containers', url: `${DG}docker-containers.html`,
  },
  {
    id: 'pip-at-start', path: 'requirements', when: { dependencies: ['pip'] }, cause: 'dependencies',
    text: 'Pure-Python packages can be installed from requirements.txt when the job or server starts, so the pre-built image needs no changes.',
    source: 'DG:docker-containers', url: `${DG}docker-containers.html`,
  },
];

/** Every row that matches adds its reason. */
export const REASON_ROWS: readonly Row[] = [
  {
    id: 'catalog-image', when: { catalog: ['yes'] }, cause: 'version',
    text: 'The image URI comes from the SageMaker Python SDK\'s image catalog for version {answer} and the chosen region and instance type.',
    source: 'SDK:image_uris', url: `${DG}pre-built-containers-frameworks-deep-learning.html`,
  },
  {
    id: 'separate-images', when: { split: ['yes'] }, cause: 'purpose',
    text: 'SageMaker publishes separate training and inference images for this framework, so you get one of each.',
    source: 'DLC', url: `${DG}pre-built-containers-frameworks-deep-learning.html`,
  },
  {
    id: 'training-start', when: { purpose: ['train', 'both'], path: ['extend', 'adapt', 'scratch'] }, cause: 'purpose',
    text: 'SageMaker starts a training job as "docker run IMAGE train": "train" replaces any CMD, so it must be a command on PATH or handled by the ENTRYPOINT.',
    source: 'DG:your-algorithms-training-algo-dockerfile', url: `${DG}your-algorithms-training-algo-dockerfile.html`,
  },
  {
    id: 'training-toolkit', when: { purpose: ['train', 'both'], path: ['extend', 'adapt'] }, cause: 'entryScript',
    text: 'The training toolkit provides the train command; it runs SAGEMAKER_PROGRAM ({answer}) from /opt/ml/code, where code baked into the image is kept.',
    source: 'TT:src/sagemaker_training/environment.py', url: `${DG}adapt-training-container.html`,
  },
  {
    id: 'inference-code', when: { purpose: ['serve', 'both'], path: ['prebuilt', 'requirements', 'extend'], frameworkKind: ['prebuilt'], framework: ['pytorch', 'sklearn', 'xgboost', 'mxnet', 'chainer', 'huggingface'] }, cause: 'framework',
    text: INFERENCE_CODE_TEXT,
    source: 'IT:src/sagemaker_inference/transformer.py', url: `${DG}adapt-inference-container.html`,
  },
  {
    id: 'tensorflow-serving', when: { purpose: ['serve', 'both'], path: ['prebuilt', 'requirements', 'extend'], framework: ['tensorflow'] }, cause: 'framework',
    text: 'The TensorFlow inference image runs TensorFlow Serving: the model must be a SavedModel in a numbered folder, and code/inference.py may add input_handler and output_handler around it.',
    source: 'DLC:tensorflow-inference', url: `${DG}pre-built-containers-frameworks-deep-learning.html`,
  },
  {
    id: 'inference-toolkit', when: { purpose: ['serve', 'both'], path: ['adapt'] }, cause: 'purpose',
    text: 'For hosting, the image gets Multi Model Server, the inference toolkit and a Java runtime, and an ENTRYPOINT that starts the server when SageMaker passes "serve".',
    source: 'IT:README.md', url: `${DG}adapt-inference-container.html`,
  },
  {
    id: 'scratch-serving', when: { purpose: ['serve', 'both'], path: ['scratch'] }, cause: 'purpose',
    text: 'The serve executable starts nginx on port 8080 in front of gunicorn and a Flask app that answers /ping and /invocations, as in AWS\'s scikit_bring_your_own sample.',
    source: 'EX:advanced_functionality/scikit_bring_your_own', url: `${DG}your-algorithms-inference-code.html`,
  },
  {
    id: 'processing-start', when: { purpose: ['processing'] }, cause: 'purpose',
    text: 'Processing runs "docker run IMAGE" with no extra argument, so the image\'s ENTRYPOINT runs your script; inputs and outputs live under /opt/ml/processing.',
    source: 'DG:build-your-own-processing-container', url: `${DG}build-your-own-processing-container.html`,
  },
  {
    id: 'studio-user', when: { purpose: ['studio'], path: ['extend', 'adapt'] }, cause: 'purpose',
    text: 'Studio runs the image as UID 1000 and GID 100 with the home folder on /home/sagemaker-user, and reserves /opt/ml.',
    source: 'WEB-studio', url: `${DG}studio-updated-byoi-specs.html`,
  },
  {
    id: 'serverless-limits', when: { hosting: ['serverless'] }, cause: 'hosting',
    text: 'Serverless endpoints run on CPU only, accept images up to 10 GB and payloads up to 4 MB, and need /ping to succeed within 3 minutes.',
    source: 'DG:serverless-endpoints', url: `${DG}serverless-endpoints.html`,
  },
  {
    id: 'async-limits', when: { hosting: ['async'] }, cause: 'hosting',
    text: 'Asynchronous endpoints use the same container contract as real-time ones, with payloads up to 1 GB and up to an hour per request.',
    source: 'DG:async-inference', url: `${DG}async-inference.html`,
  },
  {
    id: 'batch-contract', when: { hosting: ['batch'] }, cause: 'hosting',
    text: 'Batch transform starts the image with "serve" like an endpoint and sets SAGEMAKER_BATCH=true; it runs on x86 instances only.',
    source: 'DG:your-algorithms-batch-code', url: `${DG}your-algorithms-batch-code.html`,
  },
  {
    id: 'multi-model-label', when: { endpoint: ['multi-model'] }, cause: 'endpoint',
    text: 'A multi-model endpoint needs LABEL com.amazonaws.sagemaker.capabilities.multi-models=true and loads models from /opt/ml/models. MMS supports CPU instances only, so no GPU types are offered; GPU multi-model endpoints use the Triton image.',
    source: 'DG:build-multi-model-build-container', url: `${DG}build-multi-model-build-container.html`,
  },
  {
    id: 'bind-to-port', when: { endpoint: ['pipeline', 'multi-container'] }, cause: 'endpoint',
    text: 'SageMaker tells each container its port in SAGEMAKER_BIND_TO_PORT: the image needs LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true and a server that listens there.',
    source: 'DG:inference-pipeline-real-time', url: `${DG}inference-pipeline-real-time.html`,
  },
  {
    id: 'graviton', when: { processor: ['graviton'] }, cause: 'instanceType',
    text: 'Graviton instances are arm64: the image is an arm64 image and is built with --platform linux/arm64.',
    source: 'DG:realtime-endpoints-graviton', url: `${DG}realtime-endpoints-graviton.html`,
  },
  {
    id: 'amd64', when: { processor: ['cpu', 'gpu'], path: ['extend', 'adapt', 'scratch'] }, cause: 'instanceType',
    text: 'SageMaker runs this image on x86 instances: build_and_push.sh builds with --platform linux/amd64, which an Apple Silicon Mac needs to avoid "exec format error".',
    source: 'API TrainingInstanceType', url: `${DG}your-algorithms-training-algo-dockerfile.html`,
  },
  {
    id: 'gpu-driver', when: { processor: ['gpu'], path: ['extend', 'adapt', 'scratch'] }, cause: 'instanceType',
    text: 'On GPU instances SageMaker provides the NVIDIA driver: the image carries CUDA libraries but never the driver.',
    source: 'DG:your-algorithms-training-algo-dockerfile', url: `${DG}your-algorithms-training-algo-dockerfile.html`,
  },
  {
    id: 'china-region', when: { partition: ['china'] }, cause: 'region',
    text: 'China regions have their own image accounts and the amazonaws.com.cn domain; the URIs and scripts use them.',
    source: 'DLC:docs/reference/region_availability.md', url: `${DG}pre-built-containers-frameworks-deep-learning.html`,
  },
  {
    id: 'chainer-isolation', when: { framework: ['chainer'], networkIsolation: ['yes'] }, cause: 'networkIsolation', severity: 'warning',
    text: 'The Chainer managed containers do not support network isolation, even when extended.',
    source: 'DG:mkt-algo-model-internet-free', url: `${DG}mkt-algo-model-internet-free.html`,
  },
];

export interface Cause {
  question: QuestionId;
  questionLabel: string;
  value: string;
  label: string;
}

export interface Reason {
  id: string;
  text: string;
  cause: Cause;
  source: string;
  url: string;
  severity: 'info' | 'warning';
}

export interface Recommendation {
  /** true when every question that follows from the answers is answered */
  complete: boolean;
  /** the answers that hold, with single-option questions and defaults filled in */
  answers: Answers;
  path: PathInfo;
  /** the pre-built images, once the region is known; empty for paths without one */
  images: ResolvedImage[];
  reasons: Reason[];
}

type Facts = Partial<Record<Fact, string>>;

function factsOf(a: Answers): Facts {
  const kind = a.framework === undefined ? undefined : isLlm(a.framework) ? 'llm' : isPrebuiltFramework(a.framework) ? 'prebuilt' : 'other';
  const processor = a.hosting === 'serverless' ? 'cpu'
    : a.instanceType === undefined ? undefined
      : isGravitonInstance(a.instanceType) ? 'graviton' : isGpuInstance(a.instanceType) ? 'gpu' : 'cpu';
  return {
    ...a,
    frameworkKind: kind,
    ownImage: a.existingImage === undefined ? undefined : keepsOwnImage(a) ? 'yes' : 'no',
    processor,
    partition: a.region === undefined ? undefined : a.region.startsWith('cn-') ? 'china' : 'aws',
  };
}

type Match = 'yes' | 'no' | 'unknown';

/**
 * Whether a row matches. A fact with no value means "does not apply" when its question was passed
 * over, and "not known yet" when its question has not been reached.
 */
function match(when: Condition, facts: Facts, reached: ReadonlySet<QuestionId>): Match {
  let unknown = false;
  for (const [fact, values] of Object.entries(when) as [Fact, readonly string[]][]) {
    const value = facts[fact];
    if (value !== undefined) {
      if (!values.includes(value)) return 'no';
      continue;
    }
    const question = FACT_QUESTION[fact] ?? (QUESTION_IDS.includes(fact as QuestionId) ? fact as QuestionId : undefined);
    if (question !== undefined && !reached.has(question)) unknown = true;
    else return 'no';
  }
  return unknown ? 'unknown' : 'yes';
}

function causeOf(row: Row, answers: Answers, questions: readonly Question[]): Cause {
  const question = questions.find((q) => q.id === row.cause);
  const value = answers[row.cause] ?? '';
  const label = question?.options.find((o) => o.value === value)?.label ?? value;
  return { question: row.cause, questionLabel: question?.label ?? row.cause, value, label };
}

function reasonOf(row: Row, answers: Answers, questions: readonly Question[]): Reason {
  const cause = causeOf(row, answers, questions);
  return {
    id: row.id, text: row.text.replace('{answer}', cause.label), cause,
    source: row.source, url: row.url, severity: row.severity ?? 'info',
  };
}

/**
 * The recommended path for the answers so far, with its reasons; `undefined` while the path still
 * depends on a question not yet answered. Images are resolved once the answers are complete.
 */
export function recommend(given: Answers): Recommendation | undefined {
  const { answers, questions } = settle(given);
  const complete = questions.every((q) => answers[q.id] !== undefined);
  // Questions passed over stay unanswered for good; the one being asked and those after it may not.
  const pending = questions.find((q) => answers[q.id] === undefined)?.id;
  const reached = new Set(pending === undefined ? QUESTION_IDS : QUESTION_IDS.slice(0, QUESTION_IDS.indexOf(pending)));

  const facts = factsOf(answers);
  let decided: PathRow | undefined;
  for (const row of PATH_ROWS) {
    const m = match(row.when, facts, reached);
    if (m === 'unknown') return undefined;
    if (m === 'yes') { decided = row; break; }
  }
  if (!decided) return undefined;

  const family = catalogFamily(answers);
  const images = complete && family !== undefined && answers.version !== undefined && answers.region !== undefined
    ? resolveImages(imageQuery(answers, family), answers.version, answers.region, answers.pyVersion) ?? []
    : [];
  const all: Facts = {
    ...facts,
    path: decided.path,
    catalog: images.length ? 'yes' : undefined,
    split: new Set(images.map((i) => i.uri)).size > 1 ? 'yes' : undefined,
  };
  // A reason is shown only with the answer that causes it.
  const reasons = [decided, ...REASON_ROWS.filter((row) => answers[row.cause] !== undefined && match(row.when, all, reached) === 'yes')]
    .map((row) => reasonOf(row, answers, questions));
  return { complete, answers, path: PATHS[decided.path], images, reasons };
}
