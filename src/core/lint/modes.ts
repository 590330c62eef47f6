/**
 * Which SageMaker jobs an image is for, read from the file, each mode with the evidence for it.
 * Rules apply only in the modes they declare, so a processing image is not told it lacks `serve`.
 */
import { basename, copySteps, imagePackages, landingPath } from './commands';
import { baseImageOf } from './queries/baseImage';
import {
  INFERENCE_TOOLKIT, INTERPRETERS, LABEL_PREFIX, MODEL_SERVERS, PROCESSING_IMAGES, SERVE_TOOLKITS, TRAINING_TOOLKITS,
} from './knowledge';
import { type ExecSpec, type Model, memoKey } from './model';
import { bareInterpreter, imageEntrypoint } from './queries/entrypoint';
import { serverCommands } from './queries/ports';
import { commandName, Word } from './shell';
import type { Mode, ModeReason } from './types';

const MODES_MEMO = memoKey();

/** Modes applied when the file shows no evidence: the two SageMaker starts every image must survive. */
export const DEFAULT_MODES: readonly Mode[] = ['train', 'serve'];

/** The modes the file shows, each with its evidence; the engine and several rules ask, so once per lint run. */
export function detectModes(model: Model): ModeReason[] {
  return model.memo(MODES_MEMO, () => readModes(model));
}

function readModes(model: Model): ModeReason[] {
  const reasons: ModeReason[] = [];
  const weights = new Map<ModeReason, Weight>();
  const add: Add = (mode, reason, range, weight) => {
    if (reasons.some((r) => r.mode === mode && r.reason === reason)) return;
    const found = { mode, reason, range };
    reasons.push(found);
    if (weight) weights.set(found, weight);
  };
  const stage = model.finalStage;
  if (!stage) return reasons;

  const base = baseImageOf(model);
  const baseRange = model.baseStage()?.imageRange;
  if (base?.sagemaker) {
    for (const scope of base.sagemaker.scopes) {
      const mode: Mode = scope === 'training' ? 'train' : scope === 'inference' ? 'serve' : 'studio';
      add(mode, `FROM ${base.sagemaker.repository}, a SageMaker ${scope} image`, baseRange, 'base');
    }
  }

  for (const pkg of imagePackages(model)) {
    if (TRAINING_TOOLKITS.includes(pkg.name)) add('train', `installs ${pkg.name}`, pkg.word.range, 'package');
    if (SERVE_TOOLKITS.includes(pkg.name) || pkg.name === INFERENCE_TOOLKIT || MODEL_SERVERS.includes(pkg.name)) {
      add('serve', `installs ${pkg.name}`, pkg.word.range, 'package');
    }
    if (['ipykernel', 'jupyterlab', 'jupyter-server', 'jupyter-kernel-gateway'].includes(pkg.name)) add('studio', `installs ${pkg.name}`, pkg.word.range);
  }

  for (const step of copySteps(model)) {
    // `COPY <<EOF /usr/local/bin/serve` writes the script inline: the destination names it.
    const inline = step.heredoc ? basename(step.destination) : undefined;
    if (inline === 'train' || inline === 'serve') add(inline, `writes a file named ${inline} to ${step.destination}`, step.destinationWord.range);
    for (const source of step.sources) {
      const landed = landingPath(step, source.value);
      if (landed.endsWith('/train')) add('train', `copies a file named train to ${landed}`, source.range);
      if (landed.endsWith('/serve')) add('serve', `copies a file named serve to ${landed}`, source.range);
    }
    if (step.destination.startsWith('/opt/ml/code')) add('train', 'copies code into /opt/ml/code', step.destinationWord.range, 'location');
  }

  for (const [name, entry] of stage.env) {
    if (name === 'SAGEMAKER_PROGRAM') {
      add('train', `sets ${name}`, entry.property.getNameRange(), 'location');
      // The inference toolkit's user module is inference.py by default; a serving script's name says so.
      const script = basename(entry.value.trim());
      if (SERVE_PROGRAM.test(script.replace(/\.py$/, ''))) add('serve', `sets ${name} to ${script}`, entry.property.getNameRange());
    }
    if (name === 'SAGEMAKER_TRAINING_MODULE') add('train', `sets ${name}`, entry.property.getNameRange());
    if (name === 'SAGEMAKER_SERVING_MODULE') add('serve', `sets ${name}`, entry.property.getNameRange());
  }
  for (const [key, label] of model.labels()) {
    if (key.startsWith(LABEL_PREFIX)) add('serve', `has the ${key.slice(LABEL_PREFIX.length)} capability label`, label.property.getNameRange());
  }

  launcherEvidence(model, add);
  studioEvidence(model, add);
  if (base && !base.unresolved && PROCESSING_IMAGES.includes(basename(base.repository))) {
    add('processing', `FROM ${base.repository}, a SageMaker processing image`, baseRange);
  }

  const interpreter = bareInterpreter(model.entrypoint());
  if (interpreter) add('processing', `ENTRYPOINT ${interpreter.value} with no script`, interpreter.range);
  const processing = pathMention(model, '/opt/ml/processing', /\/opt\/ml\/processing\b/);
  if (processing) add('processing', 'refers to /opt/ml/processing', processing, 'location');
  const studioHome = pathMention(model, '/home/sagemaker-user', /\/home\/sagemaker-user\b/);
  if (studioHome) add('studio', 'uses /home/sagemaker-user', studioHome);
  return weigh(reasons, weights);
}

/** Where the file first writes `path`, when it writes it as a whole path (`whole`) somewhere. */
function pathMention(model: Model, path: string, whole: RegExp): ModeReason['range'] {
  if (!model.text.includes(path) || !whole.test(model.text)) return undefined;
  const at = model.text.indexOf(path);
  return model.rangeOf(at, at + path.length);
}

/**
 * How evidence is weighed against other evidence:
 * - `launcher`: what the image starts, the strongest sign of the job it was written for;
 * - `base`: the jobs the base image is built for (an own ENTRYPOINT on the scikit-learn image makes
 *   a processing step of it, as SKLearnProcessor does);
 * - `package`: a toolkit installed (Studio images install them to try jobs locally);
 * - `location`: where code sits (serving images put theirs in /opt/ml/code too, and the inference
 *   toolkit reads SAGEMAKER_PROGRAM as well, as the user module's name).
 */
type Weight = 'launcher' | 'base' | 'package' | 'location';
type Add = (mode: Mode, reason: string, range?: ModeReason['range'], weight?: Weight) => void;

/**
 * Drops what weaker evidence says when stronger evidence shows the job: a launcher outweighs its
 * base image's other jobs, a Studio base or launcher outweighs toolkits installed for local use, and
 * any other job outweighs where the code sits.
 */
function weigh(reasons: ModeReason[], weights: ReadonlyMap<ModeReason, Weight>): ModeReason[] {
  const weight = (r: ModeReason) => weights.get(r);
  let kept = reasons;
  const started = new Set(kept.filter((r) => weight(r) === 'launcher').map((r) => r.mode));
  if (started.size > 0) kept = kept.filter((r) => weight(r) !== 'base' || started.has(r.mode));
  if (kept.some((r) => r.mode === 'studio' && (weight(r) === 'base' || weight(r) === 'launcher'))) {
    kept = kept.filter((r) => r.mode === 'studio' || weight(r) !== 'package');
  }
  const placed = kept.filter((r) => !(r.mode === 'train' && weight(r) === 'location'));
  const otherJob = placed.some((r) => r.mode !== 'train' && weight(r) !== 'location');
  return otherJob && !placed.some((r) => r.mode === 'train') ? placed : kept;
}

/** Script and program names that say which start command they answer (`serve`, `serve.sh`, `inference.py`). */
const SERVE_PROGRAM = /^(serve|serving|server|inference|predictor|dockerd[-_]entrypoint)$/;
const TRAIN_PROGRAM = /^(train|training)$/;
/** The steps a pipeline runs as processing jobs (SKLearnProcessor, ScriptProcessor, Processor). */
const PROCESSING_PROGRAM = /^(preprocess|preprocessing|postprocess|postprocessing|process|processing|evaluate|evaluation)$/;
/** Jupyter servers and the docker-stacks start scripts: an image for Studio's JupyterLab or Code Editor spaces. */
const JUPYTER_PROGRAM = /^(jupyter|jupyter-lab|jupyter-notebook|jupyter-server|jupyterhub-singleuser|start-notebook\.sh|start-singleuser\.sh)$/;
/** Servers that only answer HTTP, as ports.ts reads them; a dashboard or a file server is not a model endpoint. */
const NOT_MODEL_SERVERS = new Set(['streamlit run', 'python -m http.server']);
const PROXIES = new Set(['nginx', 'openresty']);

/**
 * What the image starts: `CMD ["serve"]` on PATH, an ENTRYPOINT `serve.sh` or `python inference.py`,
 * a web server (gunicorn, uvicorn, …), `smspark-submit`. The word SageMaker appends goes to the
 * ENTRYPOINT, or replaces CMD, and either way the program's name tells the job it was written for.
 */
function launcherEvidence(model: Model, add: Add): void {
  const entrypoint = imageEntrypoint(model);
  const specs: [ExecSpec | undefined, string][] = [[entrypoint, 'ENTRYPOINT'], [model.cmd(), 'CMD']];
  for (const [spec, keyword] of specs) {
    const word = launchedWord(spec);
    if (!word) continue;
    const name = commandName(word);
    const stem = name.replace(/\.(sh|py|bash|R|r)$/, '');
    if (SERVE_PROGRAM.test(stem) || PROXIES.has(name)) add('serve', `${keyword} starts ${name}`, word.range, 'launcher');
    if (TRAIN_PROGRAM.test(stem)) add('train', `${keyword} starts ${name}`, word.range, 'launcher');
    if (name === 'smspark-submit' || PROCESSING_PROGRAM.test(stem)) add('processing', `${keyword} starts ${name}`, word.range, 'launcher');
    if (JUPYTER_PROGRAM.test(name)) add('studio', `${keyword} starts ${name}`, word.range, 'launcher');
  }
  const server = serverCommands(model).find((s) => s.known && !NOT_MODEL_SERVERS.has(s.server));
  if (server) add('serve', `${server.keyword} starts ${server.server}`, server.nameWord.range, 'launcher');
}

/** The program a spec runs, or the script or module its interpreter runs (`python -u serve.py` → serve.py). */
function launchedWord(spec: ExecSpec | undefined): Word | undefined {
  const words = spec?.commands[0]?.words ?? [];
  const program = words[0];
  if (!program || !INTERPRETERS.test(commandName(program))) return program;
  const python = /^python/.test(commandName(program));
  for (let i = 1; i < words.length; i++) {
    if (python && words[i].value === '-m') return words[i + 1] && { ...words[i + 1], value: words[i + 1].value.split('.')[0] };
    if (!words[i].value.startsWith('-')) return words[i];
  }
  return undefined;
}

/** The commands that register a kernelspec or create an account, read below. */
const STUDIO_COMMANDS = /^(python|ipython$|jupyter$|useradd$|adduser$)/;

/** Jupyter images, a kernelspec installed, or the `sagemaker-user` account Studio runs as [WEB-studio, DG:studio-byoi-specs]. */
function studioEvidence(model: Model, add: Add): void {
  const base = baseImageOf(model);
  if (base && !base.unresolved && /^jupyter\//.test(base.repository)) {
    add('studio', `FROM ${base.repository}, a Jupyter image`, model.baseStage()?.imageRange, 'base');
  }
  for (const run of model.imageRuns()) {
    for (const command of run.commands) {
      const name = command.name;
      if (!STUDIO_COMMANDS.test(name)) continue;
      const values = command.words.map((w) => w.value);
      const module = values[values.indexOf('-m') + 1] ?? '';
      const kernelspec = (/^python/.test(name) && values.includes('-m') && ((module === 'ipykernel' && values.includes('install')) || /kernel\.install$/.test(module)))
        || (name === 'ipython' && values[1] === 'kernel') || (name === 'jupyter' && values[1] === 'kernelspec');
      if (kernelspec) add('studio', 'installs a Jupyter kernelspec', command.range);
      const user = (name === 'useradd' || name === 'adduser') && command.words.find((w) => w.value === 'sagemaker-user');
      if (user) add('studio', 'creates the sagemaker-user account', user.range);
    }
  }
  const stage = model.finalStage;
  for (const [name, entry] of stage?.env ?? []) {
    if (entry.value === 'sagemaker-user') add('studio', `sets ${name} to sagemaker-user`, entry.property.getNameRange());
  }
  for (const [name, arg] of stage?.args ?? []) {
    if (arg.value === 'sagemaker-user') add('studio', `sets ${name} to sagemaker-user`, arg.range);
  }
}
