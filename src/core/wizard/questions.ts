/**
 * The wizard's questions and which of them follow from the answers so far. Every question has a
 * small closed set of answers (except the entry script's name, a validated identifier), so a test
 * can walk every reachable combination.
 *
 * A question's `visible` and `options` read only the answers of questions listed before it, and the
 * wizard shows one unanswered question at a time: changing an answer can only change what follows.
 */
import {
  builtinAlgorithms, familyName, pyVersionOptions, REGIONS, regionOptions, STUDIO_FAMILY, versionOptions,
  type ImageQuery, type ImageRole,
} from './images';

export type QuestionId =
  | 'purpose' | 'hosting' | 'endpoint' | 'approach' | 'algorithm' | 'framework' | 'dependencies'
  | 'networkIsolation' | 'existingImage' | 'instanceType' | 'version' | 'pyVersion' | 'region' | 'entryScript';

/** Answers by question id; values are option values (or the text of a text question). */
export type Answers = Readonly<Partial<Record<QuestionId, string>>>;

export interface Option {
  value: string;
  label: string;
  description?: string;
}

/** A question as the wizard shows it: its options are already narrowed by the earlier answers. */
export interface Question {
  id: QuestionId;
  label: string;
  help: string;
  kind: 'choice' | 'text';
  /** choice questions only */
  options: Option[];
  /** text questions only: the value used until the user types another */
  defaultValue?: string;
}

export type Purpose = 'train' | 'serve' | 'both' | 'processing' | 'studio';
export type Hosting = 'realtime' | 'batch' | 'async' | 'serverless';
export type Endpoint = 'single' | 'multi-model' | 'pipeline' | 'multi-container';

/** The frameworks with pre-built SageMaker images that run your own script. */
const FRAMEWORKS: readonly string[] = ['pytorch', 'tensorflow', 'sklearn', 'xgboost', 'mxnet', 'chainer', 'huggingface'];

/**
 * The LLM serving containers offered. The catalog's DJL DeepSpeed, FasterTransformer and
 * TensorRT-LLM images are superseded by DJL LMI, and DJL NeuronX needs Inferentia instances.
 */
const LLM_FAMILIES: readonly string[] = [
  'huggingface-llm', 'huggingface-vllm', 'huggingface-sglang', 'djl-lmi', 'huggingface-tei', 'huggingface-tei-cpu',
];

/** The frameworks whose images serve multi-model endpoints through MMS or TorchServe (CPU only). */
const MULTI_MODEL_FRAMEWORKS: readonly string[] = ['pytorch', 'tensorflow', 'sklearn', 'xgboost', 'mxnet'];

/** The answer for "no pre-built framework": a custom framework, another language, or none. */
export const OTHER_FRAMEWORK = 'other';

/** Base images a user may already build on, by the answer value. */
export const EXISTING_IMAGES: Readonly<Record<string, { image: string; label: string; os: 'debian' | 'ubuntu' }>> = {
  python: { image: 'python:3.11-slim-bookworm', label: 'A Python image (python:3.11-slim, Debian)', os: 'debian' },
  ubuntu: { image: 'ubuntu:24.04', label: 'An Ubuntu image (ubuntu:24.04)', os: 'ubuntu' },
  cuda: { image: 'nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04', label: 'An NVIDIA CUDA image (nvidia/cuda:12.4.1-cudnn-runtime, Ubuntu)', os: 'ubuntu' },
};
const NO_EXISTING_IMAGE = 'none';

interface InstanceChoice { value: string; label: string; kind: 'cpu' | 'gpu' | 'graviton' }
const INSTANCE_TYPES: readonly InstanceChoice[] = [
  { value: 'ml.m5.xlarge', label: 'CPU (ml.m5.xlarge)', kind: 'cpu' },
  { value: 'ml.g5.xlarge', label: 'NVIDIA GPU (ml.g5.xlarge)', kind: 'gpu' },
  { value: 'ml.c7g.xlarge', label: 'Graviton, arm64 (ml.c7g.xlarge)', kind: 'graviton' },
];

/** The built-in algorithms: the catalog's, plus XGBoost, whose framework image also runs as one. */
const ALGORITHMS: readonly string[] = [...builtinAlgorithms(), 'xgboost'];

const ENTRY_SCRIPT = /^[A-Za-z_][A-Za-z0-9_]{0,63}\.py$/;
/** Names the scaffold itself writes next to the entry script. */
const RESERVED_SCRIPTS: readonly string[] = ['inference.py', 'entrypoint.py', 'predictor.py', 'wsgi.py'];

/** Why a typed entry script name is refused, or `undefined` when it is fine. */
export function entryScriptProblem(value: string): string | undefined {
  if (!ENTRY_SCRIPT.test(value)) return 'Use a Python file name such as train.py: letters, digits and underscores, ending in .py.';
  if (RESERVED_SCRIPTS.includes(value)) return `${value} is a file the wizard writes itself; choose another name.`;
  return undefined;
}

export function isLlm(framework: string | undefined): boolean {
  return framework !== undefined && LLM_FAMILIES.includes(framework);
}

export function isPrebuiltFramework(framework: string | undefined): boolean {
  return framework !== undefined && FRAMEWORKS.includes(framework);
}

function hosts(a: Answers): boolean {
  return a.purpose === 'serve' || a.purpose === 'both';
}

/** The images the purpose needs: a purpose of "both" needs one per scope. */
function rolesOf(a: Answers): ImageRole[] {
  switch (a.purpose as Purpose | undefined) {
    case 'train': return ['training'];
    case 'serve': return ['inference'];
    case 'both': return ['training', 'inference'];
    case 'processing': return ['processing'];
    case 'studio': return ['studio'];
    default: return [];
  }
}

/** True when the answers keep the user's own base image rather than a pre-built one. */
export function keepsOwnImage(a: Answers): boolean {
  return a.existingImage !== undefined && a.existingImage !== NO_EXISTING_IMAGE;
}

/**
 * The catalog family whose image the answers build on, or `undefined` when there is none (a custom
 * framework, or the user's own base image).
 */
export function catalogFamily(a: Answers): string | undefined {
  if (a.approach === 'builtin') return a.algorithm;
  if (a.purpose === 'studio') return keepsOwnImage(a) ? undefined : STUDIO_FAMILY;
  if (isLlm(a.framework)) return a.framework;
  return isPrebuiltFramework(a.framework) && !keepsOwnImage(a) ? a.framework : undefined;
}

/** What to ask the catalog for, given the answers up to the instance type. */
export function imageQuery(a: Answers, family: string): ImageQuery {
  if (a.approach === 'builtin') return { family, roles: rolesOf(a) };
  if (a.hosting === 'serverless') return { family, roles: rolesOf(a), processor: 'cpu' };
  return { family, roles: rolesOf(a), instanceType: a.instanceType };
}

function instanceCandidates(a: Answers): InstanceChoice[] {
  return INSTANCE_TYPES.filter((choice) => {
    // Training, processing and batch instances include no Graviton families (contract §3.1), and
    // Studio spaces run on x86 instances.
    if (choice.kind === 'graviton' && !(a.purpose === 'serve' && (a.hosting === 'realtime' || a.hosting === 'async'))) return false;
    // MMS and the framework model servers run multi-model endpoints on CPU only (contract §2.8).
    if (choice.kind !== 'cpu' && a.endpoint === 'multi-model') return false;
    return true;
  });
}

const offered = new Map<string, boolean>();

/**
 * A catalog family is offered only when the catalog has an image for it on some offered instance.
 * The answer depends only on the answers in the key, so it is computed once for each.
 */
function catalogOffers(a: Answers, family: string): boolean {
  const key = `${family}|${a.purpose}|${a.hosting}|${a.endpoint}|${a.approach}`;
  let result = offered.get(key);
  if (result === undefined) {
    const variants: Answers[] = a.hosting === 'serverless' ? [a] : instanceCandidates(a).map((i) => ({ ...a, instanceType: i.value }));
    result = variants.some((v) => versionOptions(imageQuery(v, family)).length > 0);
    offered.set(key, result);
  }
  return result;
}

function choice(value: string, label: string, description?: string): Option {
  return description === undefined ? { value, label } : { value, label, description };
}

interface QuestionDef {
  id: QuestionId;
  label: string | ((a: Answers) => string);
  help: string | ((a: Answers) => string);
  visible(a: Answers): boolean;
  options?(a: Answers): Option[];
  defaultValue?(a: Answers): string;
}

const DEFS: readonly QuestionDef[] = [
  {
    id: 'purpose',
    label: 'What is the image for?',
    help: 'SageMaker starts training images with "train", hosting images with "serve", processing images with no argument, and Studio images as a JupyterLab space.',
    visible: () => true,
    options: () => [
      choice('train', 'Training jobs'),
      choice('serve', 'Hosting a model', 'real-time, batch transform, asynchronous or serverless inference'),
      choice('both', 'Both training and hosting'),
      choice('processing', 'Processing jobs', 'data preparation, evaluation, Model Monitor'),
      choice('studio', 'A SageMaker Studio image', 'a custom JupyterLab environment'),
    ],
  },
  {
    id: 'hosting',
    label: 'How will the model be hosted?',
    help: 'All four start the container with "serve" and call /ping and /invocations on port 8080; they differ in limits.',
    visible: hosts,
    options: () => [
      choice('realtime', 'Real-time endpoint'),
      choice('batch', 'Batch transform'),
      choice('async', 'Asynchronous endpoint', 'payloads up to 1 GB, up to an hour per request'),
      choice('serverless', 'Serverless endpoint', 'CPU only, image up to 10 GB'),
    ],
  },
  {
    id: 'endpoint',
    label: 'What kind of real-time endpoint?',
    help: 'Multi-model endpoints and multi-container setups need capability labels in the image.',
    visible: (a) => a.hosting === 'realtime',
    options: () => [
      choice('single', 'One model'),
      choice('multi-model', 'Multi-model endpoint', 'many models behind one endpoint, loaded on demand'),
      choice('pipeline', 'Serial inference pipeline', 'this container is one step of 2 to 15'),
      choice('multi-container', 'Multi-container endpoint', 'up to 15 containers invoked directly'),
    ],
  },
  {
    id: 'approach',
    label: 'Built-in algorithm or your own code?',
    help: 'Built-in algorithms come with their own images: there is nothing to build.',
    visible: (a) => a.purpose === 'train' || hosts(a),
    options: () => [
      choice('own', 'My own code'),
      choice('builtin', 'A SageMaker built-in algorithm', 'XGBoost, Linear Learner, K-Means, ...'),
    ],
  },
  {
    id: 'algorithm',
    label: 'Which built-in algorithm?',
    help: 'The wizard shows the image URI for your region.',
    visible: (a) => a.approach === 'builtin',
    options: (a) => ALGORITHMS
      .filter((family) => catalogOffers(a, family))
      .map((family) => choice(family, family === 'xgboost' ? 'XGBoost (the framework image in algorithm mode)' : familyName(family)))
      .sort((x, y) => x.label.localeCompare(y.label)),
  },
  {
    id: 'framework',
    label: 'Which framework does your code use?',
    help: 'SageMaker publishes pre-built images for these frameworks; "Other" covers a custom framework, another language, or none.',
    visible: (a) => a.approach === 'own' || a.purpose === 'processing',
    options: (a) => {
      const frameworks = a.endpoint === 'multi-model' ? MULTI_MODEL_FRAMEWORKS : FRAMEWORKS;
      // LLM containers serve one model per endpoint; they are offered for that and for async.
      const llm = a.purpose === 'serve' && (a.endpoint === 'single' || a.hosting === 'async') ? LLM_FAMILIES : [];
      return [
        ...frameworks.filter((f) => catalogOffers(a, f)).map((f) => choice(f, familyName(f))),
        ...llm.filter((f) => catalogOffers(a, f)).map((f) => choice(f, familyName(f), 'LLM serving container')),
        choice(OTHER_FRAMEWORK, 'Other or none', 'a custom framework, another language, or plain Python'),
      ];
    },
  },
  {
    id: 'dependencies',
    label: 'Does your code need packages the image does not have?',
    help: 'requirements.txt is installed when the job or server starts; anything that needs compiling, system libraries or private indexes is installed at build time.',
    visible: (a) => a.purpose === 'studio' || isPrebuiltFramework(a.framework),
    options: (a) => [
      choice('none', 'No'),
      ...a.purpose === 'studio' ? [] : [choice('pip', 'Yes, pure-Python packages from PyPI', 'installed from requirements.txt at start-up')],
      choice('build', 'Yes, and they must be installed at build time', 'system libraries, compiled or private packages, fast start-up'),
    ],
  },
  {
    id: 'networkIsolation',
    label: 'Will the job or endpoint run with network isolation?',
    help: 'With network isolation the container has no internet and no AWS credentials, so nothing can be installed when it starts.',
    // Serverless endpoints do not support network isolation (contract §2.9).
    visible: (a) => a.dependencies === 'pip' && a.hosting !== 'serverless',
    options: () => [choice('no', 'No'), choice('yes', 'Yes')],
  },
  {
    id: 'existingImage',
    label: 'Do you have an existing image to keep?',
    help: 'Keeping your own base image means adding the SageMaker toolkits to it. Pick the closest; you can change the FROM line afterwards.',
    visible: (a) => a.framework === OTHER_FRAMEWORK || a.dependencies === 'build',
    options: (a) => [
      choice(NO_EXISTING_IMAGE, a.purpose === 'studio' ? 'No, extend SageMaker Distribution'
        : isPrebuiltFramework(a.framework) ? `No, extend the pre-built ${familyName(a.framework as string)} image`
          : 'No, start from a plain base image'),
      ...Object.entries(EXISTING_IMAGES).map(([value, base]) => choice(value, base.label)),
    ],
  },
  {
    id: 'instanceType',
    label: 'Which kind of instance will it run on?',
    help: 'The processor decides the image tag (cpu or gpu) and Graviton decides the architecture (arm64).',
    visible: (a) => a.approach !== 'builtin' && a.hosting !== 'serverless',
    options: (a) => {
      const family = catalogFamily(a);
      return instanceCandidates(a)
        .filter((i) => family === undefined || versionOptions(imageQuery({ ...a, instanceType: i.value }, family)).length > 0)
        .map((i) => choice(i.value, i.label));
    },
  },
  {
    id: 'version',
    label: (a) => `Which ${familyName(catalogFamily(a) as string)} version?`,
    help: (a) => (a.purpose === 'both' ? 'Versions published for both training and inference, newest first.' : 'The newest versions in the image catalog.'),
    visible: (a) => catalogFamily(a) !== undefined,
    options: (a) => {
      const family = catalogFamily(a) as string;
      return versionOptions(imageQuery(a, family)).map((v) => choice(v, v));
    },
  },
  {
    id: 'pyVersion',
    label: 'Which Python?',
    help: 'The Python versions the image is published with.',
    visible: (a) => {
      const family = catalogFamily(a);
      return family !== undefined && a.version !== undefined && pyVersionOptions(imageQuery(a, family), a.version).length > 1;
    },
    options: (a) => pyVersionOptions(imageQuery(a, catalogFamily(a) as string), a.version as string).map((py) => choice(py, py)),
  },
  {
    id: 'region',
    label: 'Which AWS region?',
    help: 'Images are pulled from the registry of the job\'s region; China regions use their own accounts and the amazonaws.com.cn domain.',
    visible: () => true,
    options: (a) => {
      const family = catalogFamily(a);
      const regions = family === undefined ? REGIONS : regionOptions(imageQuery(a, family), a.version as string, a.pyVersion);
      return regions.map((r) => choice(r, r));
    },
  },
  {
    id: 'entryScript',
    label: (a) => (a.purpose === 'processing' ? 'Name of your processing script' : 'Name of your training script'),
    help: 'The file the wizard writes and the container runs.',
    visible: (a) => a.purpose === 'processing'
      || ((a.purpose === 'train' || a.purpose === 'both') && a.approach === 'own' && !(a.framework === OTHER_FRAMEWORK && !keepsOwnImage(a))),
    defaultValue: (a) => defaultEntryScript(a.purpose),
  },
];

/** The entry script the wizard writes when the user keeps the default name. */
export function defaultEntryScript(purpose: string | undefined): string {
  return purpose === 'processing' ? 'process.py' : 'train.py';
}

export const QUESTION_IDS: readonly QuestionId[] = DEFS.map((d) => d.id);

function resolve(def: QuestionDef, a: Answers): Question {
  const text = (v: string | ((a: Answers) => string)) => (typeof v === 'string' ? v : v(a));
  return {
    id: def.id, label: text(def.label), help: text(def.help),
    kind: def.options ? 'choice' : 'text',
    options: def.options ? def.options(a) : [],
    ...def.defaultValue ? { defaultValue: def.defaultValue(a) } : {},
  };
}

/** Whether `value` answers `question`: one of its options, or a valid entry script name. */
export function accepts(question: Question, value: string | undefined): value is string {
  if (value === undefined) return false;
  return question.kind === 'choice' ? question.options.some((o) => o.value === value) : entryScriptProblem(value) === undefined;
}

/**
 * The answers that still hold, in question order: an answer is dropped when its question no longer
 * follows from the earlier answers or its value is no longer offered. A question with a single
 * option, or a text question, takes that option or its default until the user says otherwise.
 * Returns the kept answers and the visible questions (answered ones plus the next to ask).
 */
export function settle(answers: Answers): { answers: Answers; questions: Question[] } {
  const kept: Partial<Record<QuestionId, string>> = {};
  const questions: Question[] = [];
  for (const def of DEFS) {
    if (!def.visible(kept)) continue;
    const question = resolve(def, kept);
    questions.push(question);
    const given = answers[def.id];
    if (accepts(question, given)) kept[def.id] = given;
    else if (question.kind === 'text' && question.defaultValue !== undefined) kept[def.id] = question.defaultValue;
    else if (question.options.length === 1) kept[def.id] = question.options[0].value;
    else break;
  }
  return { answers: kept, questions };
}

/** The questions to show for these answers: the answered ones that still apply, then the next one. */
export function visibleQuestions(answers: Answers): Question[] {
  return settle(answers).questions;
}
