/**
 * Questions rules ask about what an image's instructions do: which packages get installed, which
 * files get copied where, what is made executable. Built on the tokenized commands of the model.
 */
import type { Instruction } from 'dockerfile-ast';
import { type Model, type RunStep, type Stage, unquote, memoKey } from './model';
import { SimpleCommand, Word } from './shell';

const PACKAGES_MEMO = memoKey();
const STEP_INSTALLS_MEMO = memoKey();
const STEPS_MEMO = memoKey();
const WORKDIRS_MEMO = memoKey();
const COPIES_MEMO = memoKey();

export type PackageManager = 'pip' | 'conda' | 'apt' | 'yum' | 'apk' | 'zypper';

export interface InstalledPackage {
  manager: PackageManager;
  /** normalized name: lower case, `_` and `.` as `-`, no extras or version */
  name: string;
  extras: string[];
  /** the version specifier as written (`==2.1`, `<5`, `>=1,<2`), or '' */
  specifier: string;
  word: Word;
  command: SimpleCommand;
  instruction: Instruction;
}

export interface RequirementsFile {
  path: string;
  word: Word;
  instruction: Instruction;
}

const PIP_VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '-t', '--target', '--prefix', '--root', '--src', '-e', '--editable', '--trusted-host', '--platform',
  '--python-version', '--implementation', '--abi', '--only-binary', '--no-binary', '--upgrade-strategy',
  '--progress-bar', '--cache-dir', '--log', '--timeout', '--retries', '--proxy', '--python', '-p', '--config-settings', '-C',
]);
const CONDA_VALUE_OPTIONS = new Set(['-c', '--channel', '-n', '--name', '-p', '--prefix', '--file', '--override-channels-file']);
const SYSTEM_VALUE_OPTIONS = new Set(['-o', '--option', '-t', '--target-release', '--setopt', '--enablerepo', '--disablerepo', '--repo', '-X', '--repository']);

export function normalizePackageName(name: string): string {
  const lower = name.toLowerCase();
  return lower.includes('_') || lower.includes('.') ? lower.replace(/[_.]+/g, '-') : lower;
}

/** `name[extra]==1.0` → parts; returns undefined for URLs, paths and options. */
export function parseRequirement(spec: string): { name: string; extras: string[]; specifier: string } | undefined {
  // Most requirements are a bare name, which the full pattern below would only confirm.
  if (BARE_NAME.test(spec)) return { name: normalizePackageName(spec), extras: [], specifier: '' };
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]*)\])?\s*((?:[<>=!~]=?|===).*)?$/.exec(spec.trim());
  if (!match || spec.includes('/') || spec.includes('://')) return undefined;
  return {
    name: normalizePackageName(match[1]),
    extras: (match[2] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean),
    specifier: (match[3] ?? '').trim(),
  };
}

/** An install command (`pip install`, `apt-get install`, `conda create`, `apk add`, …), read once. */
export interface InstallCommand {
  manager: PackageManager;
  command: SimpleCommand;
  /** the `install` (`add`, `create`, `in`) word */
  verb: Word;
  /** what to install: the words after the verb that are neither options nor option values */
  operands: Word[];
  /** pip's `-r`/`--requirement` files, with the word that names each */
  requirements: { path: string; word: Word }[];
  /** pip's `-e`/`--editable` values */
  editables: Word[];
  /** `-U`/`--upgrade`: a newer release replaces what the base image has */
  upgrade: boolean;
}

/** The install a command runs, or undefined when it installs nothing. */
function installCommand(command: SimpleCommand): InstallCommand | undefined {
  const start = installStart(command);
  if (!start) return undefined;
  const { manager, verb } = start;
  const words = command.words;
  const options = valueOptions(manager);
  const install: InstallCommand = {
    manager, command, verb: words[verb], operands: [], requirements: [], editables: [],
    upgrade: words.some((w) => w.value === '-U' || w.value === '--upgrade'),
  };
  for (let i = verb + 1; i < words.length; i++) {
    const word = words[i];
    const value = word.value;
    if (!value.startsWith('-')) {
      install.operands.push(word);
      continue;
    }
    if (manager !== 'pip') {
      if (options.has(value)) i++;
      continue;
    }
    const next = words[i + 1];
    if ((value === '-r' || value === '--requirement') && next) install.requirements.push({ path: next.value, word: next });
    else if (/^(-r|--requirement=)./.test(value)) install.requirements.push({ path: value.replace(/^(-r|--requirement=)/, ''), word });
    else if ((value === '-e' || value === '--editable') && next) install.editables.push(next);
    if (options.has(value)) i++;
  }
  return install;
}

/** Where the verb of an install command is, and which manager it is. */
function installStart(command: SimpleCommand): { manager: PackageManager; verb: number } | undefined {
  const name = command.name;
  if (!INSTALLER.test(name)) return undefined;
  const w = command.words.map((word) => word.value);
  let i = 1;
  if (/^python(\d+(\.\d+)*)?$/.test(name)) {
    // `python -m pip install`, with interpreter options such as -u or -I before -m
    while (i < w.length && w[i].startsWith('-') && w[i] !== '-m') i++;
    if (w[i] !== '-m' || !/^pip\d*$/.test(w[i + 1] ?? '')) return undefined;
    i += 2;
    return findVerb(w, i, ['install'], 'pip');
  }
  if (/^pip(\d+(\.\d+)*)?$/.test(name)) return findVerb(w, i, ['install'], 'pip');
  if (name === 'uv' && w[1] === 'pip') return findVerb(w, 2, ['install'], 'pip');
  if (name === 'conda' || name === 'mamba' || name === 'micromamba') return findVerb(w, i, ['install', 'create'], 'conda');
  if (name === 'apt-get' || name === 'apt') return findVerb(w, i, ['install'], 'apt');
  if (name === 'yum' || name === 'dnf' || name === 'microdnf' || name === 'tdnf') return findVerb(w, i, ['install'], 'yum');
  if (name === 'apk') return findVerb(w, i, ['add'], 'apk');
  if (name === 'zypper') return findVerb(w, i, ['install', 'in'], 'zypper');
  return undefined;
}

const BARE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The programs installStart reads; every other command is no install. */
const INSTALLER = /^(python|pip|uv$|conda$|mamba$|micromamba$|apt-get$|apt$|yum$|dnf$|microdnf$|tdnf$|apk$|zypper$)/;

/** The verb, after the manager's global options (and their values, `pip --proxy URL install`). */
function findVerb(words: string[], from: number, verbs: string[], manager: PackageManager) {
  const options = valueOptions(manager);
  for (let i = from; i < words.length; i++) {
    if (verbs.includes(words[i])) return { manager, verb: i };
    if (!words[i].startsWith('-')) return undefined;
    if (options.has(words[i])) i++;
  }
  return undefined;
}

function valueOptions(manager: PackageManager): Set<string> {
  return manager === 'pip' ? PIP_VALUE_OPTIONS : manager === 'conda' ? CONDA_VALUE_OPTIONS : SYSTEM_VALUE_OPTIONS;
}

/** Every package installed in the image (the final stage's lineage), computed once per model. */
export function imagePackages(model: Model, stage: Stage | undefined = model.finalStage): readonly InstalledPackage[] {
  return model.memo(PACKAGES_MEMO, () => installedPackages(model, model.imageRuns(stage)), undefined, stage);
}

export interface StepInstall {
  install: InstallCommand;
  /** the packages its command line names */
  packages: InstalledPackage[];
}

/**
 * The install each command of a RUN step runs (undefined for a command that installs nothing),
 * with the packages it names: read once per step, since the package, toolkit and Python queries
 * all ask about the same commands.
 */
export function stepInstalls(model: Model, run: RunStep): readonly (StepInstall | undefined)[] {
  return model.memo(STEP_INSTALLS_MEMO, () => run.commands.map((command) => {
    const install = installCommand(command);
    if (!install) return undefined;
    const packages: InstalledPackage[] = [];
    addPackages(install, run.instruction, packages);
    return { install, packages };
  }), undefined, run);
}

/** Every package installed by the given RUN steps, in order. */
export function installedPackages(model: Model, runs: readonly RunStep[]): InstalledPackage[] {
  const found: InstalledPackage[] = [];
  for (const run of runs) {
    for (const step of stepInstalls(model, run)) if (step) found.push(...step.packages);
  }
  return found;
}

/** The packages an install names on its command line, added to `found`. */
function addPackages(install: InstallCommand, instruction: Instruction, found: InstalledPackage[]): void {
  const { manager, command } = install;
  for (const word of install.operands) {
    const requirement = manager === 'pip' || manager === 'conda'
      ? parseRequirement(manager === 'conda' ? word.value.replace(/^[^:]+::/, '').replace(/=(?=\d)/, '==') : word.value)
      : { name: systemPackageName(word.value), extras: [], specifier: '' };
    if (requirement && requirement.name) {
      found.push({ manager, name: requirement.name, extras: requirement.extras, specifier: requirement.specifier, word, command, instruction });
    }
  }
}

/** `nginx=1.18*` and `openjdk:17` name `nginx` and `openjdk`. */
function systemPackageName(value: string): string {
  const end = value.search(/[=:]/);
  return (end < 0 ? value : value.slice(0, end)).toLowerCase();
}

/** `pip install -r file` arguments. */
export function requirementsFiles(model: Model, runs: readonly RunStep[]): RequirementsFile[] {
  const found: RequirementsFile[] = [];
  for (const run of runs) {
    for (const step of stepInstalls(model, run)) {
      if (step?.install.manager !== 'pip') continue;
      for (const { path, word } of step.install.requirements) found.push({ path, word, instruction: run.instruction });
    }
  }
  return found;
}

export interface ChmodStep {
  mode: string;
  paths: Word[];
  recursive: boolean;
  instruction: Instruction;
}

/** Every `chmod` in the given RUN steps. */
export function chmods(runs: readonly RunStep[]): ChmodStep[] {
  const found: ChmodStep[] = [];
  for (const run of runs) {
    for (const command of run.commands) {
      if (command.name !== 'chmod') continue;
      const args = command.words.slice(1);
      // chmod's own options; a symbolic mode such as `-x` is an operand, not an option.
      const isOption = (w: Word) => /^-(-[a-z-]+|[RvfcH]+)$/.test(w.value);
      const recursive = args.some((w) => isOption(w) && (w.value.includes('R') || w.value === '--recursive'));
      const [mode, ...paths] = args.filter((w) => !isOption(w));
      if (mode) found.push({ mode: mode.value, paths, recursive, instruction: run.instruction });
    }
  }
  return found;
}

/** True when a chmod mode string grants execute permission to someone. */
export function modeGrantsExecute(mode: string): boolean {
  if (/^[0-7]{3,4}$/.test(mode)) return mode.slice(-3).split('').some((d) => (Number(d) & 1) === 1);
  return /(^|,)[ugoa]*[+=][rwXst]*x/.test(mode);
}

export interface CopyStep {
  instruction: Instruction;
  keyword: 'COPY' | 'ADD';
  /** source words as written (for `--from` copies, paths in that stage or image) */
  sources: Word[];
  /** absolute destination after WORKDIR; ends with '/' when Docker treats it as a directory */
  destination: string;
  destinationWord: Word;
  from?: string;
  chmod?: string;
  /** inline files: `COPY <<EOF /path` */
  heredoc: boolean;
  stage: Stage;
}

export interface ImageStep {
  instruction: Instruction;
  stage: Stage;
  /** the absolute WORKDIR the instruction runs in; undefined when a variable hides it */
  workdir: string | undefined;
  /** the same WORKDIR with its variables as written, for paths that are only shown or compared */
  writtenWorkdir: string;
}

/** Every instruction of the image's lineage, in build order, with the WORKDIR in effect; computed once per model. */
export function imageSteps(model: Model, stage: Stage | undefined = model.finalStage): readonly ImageStep[] {
  return model.memo(STEPS_MEMO, () => {
    const steps: ImageStep[] = [];
    let workdir: string | undefined = '/';
    let writtenWorkdir = '/';
    for (const s of model.lineage(stage)) {
      for (const instruction of s.instructions) {
        if (model.keyword(instruction) === 'WORKDIR') {
          const written = workdirArgument(model, instruction);
          const { value, unresolved } = model.substitute(written, (n) => s.env.get(n)?.value ?? s.args.get(n)?.value);
          if (unresolved.length > 0) workdir = undefined;
          else if (value) workdir = value.startsWith('/') ? joinPath('/', value) : workdir === undefined ? undefined : joinPath(workdir, value);
          if (written) writtenWorkdir = joinPath(writtenWorkdir, written);
        }
        steps.push({ instruction, stage: s, workdir, writtenWorkdir });
      }
    }
    return steps;
  }, undefined, stage);
}

/** The WORKDIR each instruction of the image runs in (undefined when a variable hides it). */
export function workdirOf(model: Model, instruction: Instruction): string | undefined {
  return model.memo(WORKDIRS_MEMO, () => new Map(imageSteps(model).map((s) => [s.instruction, s.workdir]))).get(instruction);
}

/** The working directory of the container: the last WORKDIR of the image, '/' by default. */
export function imageWorkdir(model: Model): string | undefined {
  const steps = imageSteps(model);
  return steps.length ? steps[steps.length - 1].workdir : '/';
}

/** WORKDIR takes its whole argument as one path, quotes removed. */
function workdirArgument(model: Model, instruction: Instruction): string {
  const range = model.argumentsRange(instruction);
  if (!range) return '';
  const text = model.textOf(range);
  // Continuation lines (and the comments Docker drops between them) are rare enough to leave to the parser.
  const content = text.includes('\n') || text.includes('\r') ? instruction.getArgumentsContent() ?? '' : text;
  return unquote(content.trim());
}

/** Every COPY/ADD of the image's lineage, with destinations resolved against WORKDIR; computed once per model. */
export function copySteps(model: Model, stage: Stage | undefined = model.finalStage): readonly CopyStep[] {
  return model.memo(COPIES_MEMO, () => {
    const steps: CopyStep[] = [];
    for (const { instruction, stage: s, writtenWorkdir } of imageSteps(model, stage)) {
      const keyword = model.keyword(instruction);
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const step = copyStep(model, instruction, keyword, writtenWorkdir, s);
      if (step) steps.push(step);
    }
    return steps;
  }, undefined, stage);
}

function copyStep(model: Model, instruction: Instruction, keyword: 'COPY' | 'ADD', workdir: string, stage: Stage): CopyStep | undefined {
  const all = model.words(instruction);
  let from: string | undefined;
  let chmod: string | undefined;
  for (const word of all) {
    const value = word.value;
    if (!value.startsWith('--')) continue;
    if (from === undefined && value.startsWith('--from=')) from = value.slice(7);
    else if (chmod === undefined && value.startsWith('--chmod=')) chmod = value.slice(8);
  }
  // Heredoc markers are redirections to the tokenizer, so only the first line's words remain.
  const line = instruction.getRange().start.line;
  const heredoc = firstLineHasHeredoc(model, line);
  let words = model.jsonArray(instruction) ?? all.filter((w) => !w.value.startsWith('--'));
  if (heredoc) words = words.filter((w) => w.range.start.line === line);
  if (words.length < (heredoc ? 1 : 2)) return undefined;
  const destinationWord = words[words.length - 1];
  const dest = destinationWord.value;
  const absolute = joinPath(workdir, dest) + (dest.endsWith('/') || dest === '.' ? '/' : '');
  return {
    instruction, keyword, sources: heredoc ? [] : words.slice(0, -1), destination: absolute.endsWith('//') ? absolute.replace(/\/+$/, '/') : absolute,
    destinationWord, from, chmod, heredoc, stage,
  };
}

function firstLineHasHeredoc(model: Model, line: number): boolean {
  const text = model.text;
  const start = model.offsetAt({ line, character: 0 });
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? text.length : newline;
  const marker = text.indexOf('<<', start);
  return marker >= 0 && marker < end && /<<-?["']?[A-Za-z_]/.test(text.slice(marker, end));
}

/** Where a source file lands: `COPY train /opt/program/` → `/opt/program/train`. */
export function landingPath(step: CopyStep, source: string): string {
  const { destination } = step;
  const intoDirectory = destination.endsWith('/');
  if (!intoDirectory && step.sources.length <= 1) return destination;
  const path = source.endsWith('/') ? source.replace(/\/+$/, '') : source;
  return (intoDirectory ? destination : `${destination}/`) + basename(path);
}

/** An absolute path, normalized: `joinPath('/opt', '../srv/./app/')` → `/srv/app`. */
/** The last segment of a '/'-separated path (empty for a path ending in '/'). */
export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(base: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${base.endsWith('/') ? base.slice(0, -1) : base}/${path}`;
  // Most paths are clean already; splitting them is the cost in profiles.
  if (joined.startsWith('/') && !UNCLEAN.test(joined)) return joined;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop(); else parts.push(part);
  }
  return '/' + parts.join('/');
}

const UNCLEAN = /\/\/|\/\.\.?(?:\/|$)|.\/$/;
