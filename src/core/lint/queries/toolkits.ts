/**
 * What the image has installed, as far as the file, its build context and a known base image
 * show: Python packages (command lines and readable requirement files), the SageMaker toolkits,
 * a model server, Java. Every answer is yes/no/maybe; "maybe" means the evidence is out of
 * sight (an unknown or unresolved base, a requirements file that cannot be read, a local
 * package, a script), and rules lower their severity or stay silent on it.
 */
import type { Instruction } from 'dockerfile-ast';
import {
  copySteps, imagePackages, InstallCommand, joinPath, normalizePackageName, parseRequirement, stepInstalls, workdirOf,
} from '../commands';
import { INFERENCE_TOOLKIT, SERVE_TOOLKITS, TRAINING_TOOLKITS } from '../knowledge';
import { type Model, memoKey } from '../model';
import type { SimpleCommand, Word } from '../shell';
import type { BuildContext, Range } from '../types';
import { baseInfo } from './baseImage';
import { contextPath } from './dockerignore';
import { copiedFiles, isUnder } from './filesystem';
import { copiedStages, stageByReference } from './stages';

const PYTHON_INSTALLS_MEMO = memoKey();
const TRAINING_TOOLKIT_MEMO = memoKey();
const INFERENCE_TOOLKIT_MEMO = memoKey();

export type Presence = 'yes' | 'no' | 'maybe';

// ---------------------------------------------------------------------------------------------
// Python packages

export interface PythonPackage {
  /** normalized name */
  name: string;
  extras: string[];
  /** version specifier as written, or '' */
  specifier: string;
  manager: 'pip' | 'conda';
  /** the package on the command line, or the requirements-file argument it was read from */
  word: Word;
  instruction: Instruction;
  /** the context path of the requirements or environment file that lists it */
  file?: string;
  /** installed with -U/--upgrade, so a newer release replaces what the base has */
  upgrade: boolean;
  /** the install command */
  command: SimpleCommand;
}

export interface OpaqueInstall {
  range: Range;
  instruction: Instruction;
}

export interface PythonInstalls {
  packages: PythonPackage[];
  /** installs whose packages cannot be read: unreadable files, local paths, URLs, project installs, scripts */
  opaque: OpaqueInstall[];
}

/** A pip operand that is a local path, an archive or a URL rather than a package name. */
const LOCAL_INSTALL = /^(\.|\/|~)|\/|:\/\/|^git\+|\.(whl|zip|tar\.gz|tgz)$/;
const PROJECT_INSTALLERS: Record<string, string[]> = {
  poetry: ['install', 'add'], pipenv: ['install', 'sync'], uv: ['sync', 'add'], pdm: ['install', 'sync', 'add'], hatch: ['env'],
};
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh']);
const PYTHON_LOCATION = /site-packages|dist-packages|venv|conda|\/usr\/local\/lib\/python|\/\.local/;

/**
 * Every Python package the image installs: in its lineage, and in the stages it copies files
 * from (a builder stage's virtualenv or `--user` site). Computed once per lint run.
 */
export function pythonInstalls(model: Model, context: BuildContext | undefined): PythonInstalls {
  return model.memo(PYTHON_INSTALLS_MEMO, () => {
    const result: PythonInstalls = { packages: [], opaque: [] };
    for (const stage of copiedStages(model)) {
      for (const run of stage.runs) {
        const { instruction } = run;
        const installs = stepInstalls(model, run);
        // Packages named on command lines come first, in build order; then what files and local installs add.
        for (const step of installs) {
          if (step?.install.manager !== 'pip' && step?.install.manager !== 'conda') continue;
          for (const pkg of step.packages) {
            result.packages.push({
              name: pkg.name, extras: pkg.extras, specifier: pkg.specifier, manager: step.install.manager, word: pkg.word,
              instruction, command: pkg.command, upgrade: step.install.upgrade,
            });
          }
        }
        for (let i = 0; i < installs.length; i++) {
          const install = installs[i]?.install;
          const command = run.commands[i];
          if (install?.manager === 'pip') {
            for (const file of install.requirements) readPackageFile(model, context, instruction, command, file.word, file.path, 'pip', result);
          }
          inspectCommand(model, context, instruction, command, install, result);
        }
      }
    }
    // Python files copied from an image (not a stage) carry packages the file cannot show.
    for (const step of copySteps(model)) {
      if (step.from !== undefined && !stageByReference(model, step.from) && step.sources.some((s) => PYTHON_LOCATION.test(s.value))) {
        result.opaque.push({ range: step.instruction.getRange(), instruction: step.instruction });
      }
    }
    return result;
  }, context);
}

/** The first installed package with one of `names` (normalized), in build order. */
export function findPython(installs: PythonInstalls, names: readonly string[]): PythonPackage | undefined {
  return installs.packages.find((p) => names.includes(p.name));
}

function inspectCommand(model: Model, context: BuildContext | undefined, instruction: Instruction, command: SimpleCommand,
  install: InstallCommand | undefined, result: PythonInstalls): void {
  const words = command.words;
  const name = command.name;
  const opaque = (range: Range = command.range) => result.opaque.push({ range, instruction });
  if (install?.manager === 'pip') {
    for (const word of install.editables) opaque(word.range);
    for (const word of install.operands) {
      if (!LOCAL_INSTALL.test(word.value)) continue;
      opaque(word.range);
      const archive = distributionArchive(word.value);
      if (archive) result.packages.push({ ...archive, extras: [], manager: 'pip', word, instruction, command, upgrade: install.upgrade });
    }
    return;
  }
  if (name === 'conda' || name === 'mamba' || name === 'micromamba') {
    const values = words.map((w) => w.value);
    for (let i = 1; i < words.length; i++) {
      // In `conda install`, -f means --force; it names a file only for `env` and micromamba.
      const fileOption = values[i] === '--file' || (values[i] === '-f' && (values.includes('env') || name === 'micromamba'));
      if (fileOption && words[i + 1]) readPackageFile(model, context, instruction, command, words[i + 1], values[i + 1], 'conda', result);
    }
    return;
  }
  if (Object.hasOwn(PROJECT_INSTALLERS, name) && PROJECT_INSTALLERS[name].includes(words[1]?.value ?? '')) { opaque(); return; }
  if (/^python(\d+(\.\d+)*)?$/.test(name) && words.some((w) => /(^|\/)setup\.py$/.test(w.value))) { opaque(); return; }
  // A script can install anything; `bash -c "…"` in shell form is not tokenized further.
  if (name.endsWith('.sh') || (SHELLS.has(name) && words.length > 1)) opaque();
}

/**
 * The distribution a local wheel or source archive holds, read from its file name as pip names
 * them (`name-version-py3-none-any.whl`, `name-version.tar.gz`). The toolkits' own test images
 * install a renamed copy (`/sagemaker_training.tar.gz`), so a bare name counts too. Its
 * dependencies stay out of sight: the install is still opaque.
 */
export function distributionArchive(path: string): { name: string; specifier: string } | undefined {
  let file = path.replace(/[?#].*$/, '').split('/').pop() ?? '';
  try { file = decodeURIComponent(file); } catch { /* keep it as written */ }
  const archive = /^(.+?)\.(whl|tar\.gz|tgz|zip)$/.exec(file);
  if (!archive) return undefined;
  const parts = archive[1].split('-');
  // A wheel's name never holds a dash; an older sdist's may (`multi-model-server-1.1.8.tar.gz`).
  const at = parts.findIndex((part, i) => i > 0 && /^(\d|\*$)/.test(part));
  const name = archive[2] === 'whl' ? parts[0] : (at < 0 ? parts : parts.slice(0, at)).join('-');
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) return undefined;
  return { name: normalizePackageName(name), specifier: at > 0 && parts[at] !== '*' ? `==${parts[at]}` : '' };
}

/** Reads a requirements or conda environment file through the build context into `result`. */
function readPackageFile(model: Model, context: BuildContext | undefined, instruction: Instruction, command: SimpleCommand, word: Word,
  path: string, manager: 'pip' | 'conda', result: PythonInstalls, depth = 0): void {
  // Without a build context no file can be read, wherever it was copied from.
  const from = !context ? undefined : depth === 0 ? copiedFrom(model, context, instruction, path) : path;
  const text = from === undefined ? undefined : context?.readText(from);
  if (from === undefined || text === undefined) { result.opaque.push({ range: word.range, instruction }); return; }
  const dir = from.split('/').slice(0, -1).join('/');
  const lines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n|\r/);
  for (const raw of lines) {
    let line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const nested = /^(?:-r|--requirement)[\s=]*(\S+)/.exec(line);
    if (nested && depth < 4) {
      readPackageFile(model, context, instruction, command, word, contextPath(`${dir}/${nested[1]}`), manager, result, depth + 1);
      continue;
    }
    if (line.startsWith('-e') || line.startsWith('--editable')) { result.opaque.push({ range: word.range, instruction }); continue; }
    if (line.startsWith('-')) {
      // YAML list items: `- numpy=1.26`, `- pip:` and its nested items.
      if (manager !== 'conda' || !/^-\s+\S/.test(line)) continue;
      line = line.replace(/^-\s+/, '');
    }
    line = line.replace(/\s*;.*$/, '').replace(/\s*@.*$/, '');
    const spec = manager === 'conda' ? line.replace(/^[^:\s]+::/, '').replace(/^([^=<>!\s]+)=(?=\d)/, '$1==') : line;
    const requirement = parseRequirement(spec);
    if (requirement) {
      result.packages.push({ ...requirement, manager, word, instruction, command, file: from, upgrade: false });
    } else if (/^(\.|\/)|:\/\/|^git\+/.test(line)) {
      result.opaque.push({ range: word.range, instruction });
    }
  }
}

/**
 * The context path of the file found at `path` (relative to the WORKDIR) when `instruction` runs:
 * the last COPY before it that lands a file there, or a copied directory holding it, which is
 * looked up through `context` when its listing is not available.
 */
export function copiedFrom(model: Model, context: BuildContext | undefined, instruction: Instruction, path: string): string | undefined {
  const workdir = workdirOf(model, instruction);
  if (!path.startsWith('/') && workdir === undefined) return undefined;
  const absolute = joinPath(workdir ?? '/', path);
  const line = instruction.getRange().start.line;
  const copies = copiedFiles(model, context, model.stageOf(instruction))
    .filter((c) => c.step.instruction.getRange().start.line < line && c.step.from === undefined && !c.step.heredoc);
  for (const copy of copies.reverse()) {
    const file = copy.files.find((f) => f.path === absolute);
    if (file) return file.contextFile?.path ?? contextPath(file.source.value);
    for (const source of context ? copy.step.sources : []) {
      const root = copy.step.destination.replace(/\/+$/, '');
      if (!isUnder(absolute, root) || absolute === root) continue;
      const candidate = contextPath(`${source.value}/${absolute.slice(root.length + 1)}`);
      if (context?.readText(candidate) !== undefined) return candidate;
    }
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Toolkits, model servers and Java

export interface Evidence {
  presence: Presence;
  /** the install that provides it, when one is on a command line or in a requirements file */
  package?: PythonPackage;
}

/** Packages that bring `multi-model-server` or replace it with TorchServe [IT:README.md, PTI, HFI:setup.py]. */
export const MMS_PACKAGES = ['multi-model-server', 'mxnet-model-server'];
export const TORCHSERVE_PACKAGES = ['torchserve', 'sagemaker-pytorch-inference'];
export const HF_TOOLKIT = 'sagemaker-huggingface-inference-toolkit';

function fromEvidence(model: Model, context: BuildContext | undefined, pkg: PythonPackage | undefined, scope: 'training' | 'inference'): Evidence {
  if (pkg) return { presence: 'yes', package: pkg };
  const base = baseInfo(model);
  if (base.kind === 'sagemaker' && base.image?.sagemaker?.scopes.includes(scope)) return { presence: 'yes' };
  if (base.kind === 'unknown' || base.kind === 'unresolved' || pythonInstalls(model, context).opaque.length > 0) return { presence: 'maybe' };
  return { presence: 'no' };
}

/** `sagemaker-training`, a framework training toolkit, the legacy `sagemaker-containers`, or a SageMaker training base. */
export function trainingToolkit(model: Model, context: BuildContext | undefined): Evidence {
  return model.memo(TRAINING_TOOLKIT_MEMO, () => fromEvidence(model, context, findPython(pythonInstalls(model, context), TRAINING_TOOLKITS), 'training'), context);
}

/** `sagemaker-inference`, a toolkit built on it or on TorchServe, or a SageMaker inference base. */
export function inferenceToolkit(model: Model, context: BuildContext | undefined): Evidence {
  return model.memo(INFERENCE_TOOLKIT_MEMO, () => fromEvidence(model, context, findPython(pythonInstalls(model, context), INFERENCE_TOOLKITS), 'inference'), context);
}

const INFERENCE_TOOLKITS = [INFERENCE_TOOLKIT, ...SERVE_TOOLKITS];

/** The `multi-model-server` package itself, directly or through the Hugging Face toolkit's `mms` extra. */
export function mmsInstall(installs: PythonInstalls): PythonPackage | undefined {
  return installs.packages.find((p) => MMS_PACKAGES.includes(p.name)
    || (p.name === HF_TOOLKIT && p.extras.some((e) => e === 'mms' || e === 'dev')));
}

/**
 * A server `sagemaker-inference` can start: MMS, or TorchServe through the PyTorch toolkit, also
 * from requirement files and SageMaker inference bases (serving.ts' `modelServer` reads the
 * command lines only, to tell the kinds apart).
 */
export function modelServerPresence(model: Model, context: BuildContext | undefined): Evidence {
  const installs = pythonInstalls(model, context);
  const pkg = mmsInstall(installs) ?? findPython(installs, TORCHSERVE_PACKAGES);
  return fromEvidence(model, context, pkg, 'inference');
}

/** Distribution packages of a Java runtime (Debian/Ubuntu, RHEL/Amazon Linux, Alpine, SUSE). */
const JAVA_PACKAGE = /^(openjdk.*|default-j(re|dk).*|java-.*-(openjdk|amazon-corretto).*|.*corretto.*|temurin-.*|zulu.*|msopenjdk-.*|adoptopenjdk-.*|java-\d+.*|jdk\d*|jre\d*)$/;
/**
 * Base images that are a JDK or JRE, or ship one: Multi Model Server's own images run MMS, so they
 * hold its Java (the inference toolkit's MME test images build on them and install none).
 */
const JAVA_IMAGES = /^(openjdk|eclipse-temurin|amazoncorretto|ibmjava|ibm-semeru-runtimes|sapmachine|azul\/zulu-openjdk.*|bellsoft\/liberica-.*|maven|gradle|awsdeeplearningteam\/(multi-model-server|mxnet-model-server))$/;
const JAVA_WORD = /(^|[^a-z])(jdk|jre|java|corretto|temurin)([^a-z]|$)/i;

/** A Java runtime for MMS: a JDK or SageMaker base, a distribution or conda package, JAVA_HOME, or a copied JDK. */
export function java(model: Model, context: BuildContext | undefined): Presence {
  const base = baseInfo(model);
  if (base.kind === 'sagemaker' || (base.image && JAVA_IMAGES.test(base.image.repository))) return 'yes';
  if (imagePackages(model).some((p) => p.manager !== 'pip' && JAVA_PACKAGE.test(p.name))) return 'yes';
  if (findPython(pythonInstalls(model, context), ['openjdk'])) return 'yes';
  if (model.finalStage?.env.has('JAVA_HOME')) return 'yes';
  if (copySteps(model).some((s) => s.from !== undefined && s.sources.some((w) => JAVA_WORD.test(w.value)))) return 'yes';
  if (base.kind === 'unknown' || base.kind === 'unresolved') return 'maybe';
  // A JDK downloaded by hand, or installed by a script: out of sight.
  const mentions = model.imageRuns().some((run) => JAVA_WORD.test(model.textOf(run.instruction.getRange())));
  const scripts = pythonInstalls(model, context).opaque.some((o) => o.instruction.getKeyword() === 'RUN' && isScriptRun(model, o.instruction));
  return mentions || scripts ? 'maybe' : 'no';
}

function isScriptRun(model: Model, instruction: Instruction): boolean {
  const run = model.imageRuns().find((r) => r.instruction === instruction);
  return !!run?.commands.some((c) => c.name.endsWith('.sh') || SHELLS.has(c.name));
}
