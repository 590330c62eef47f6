/**
 * Questions rules ask about what an image's instructions do: which packages get installed, which
 * files get copied where, what is made executable. Built on the tokenized commands of the model.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Model, RunStep, Stage } from './model';
import { commandName, SimpleCommand, Word } from './shell';

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
  return name.toLowerCase().replace(/[_.]+/g, '-');
}

/** `name[extra]==1.0` → parts; returns undefined for URLs, paths and options. */
export function parseRequirement(spec: string): { name: string; extras: string[]; specifier: string } | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[([^\]]*)\])?\s*((?:[<>=!~]=?|===).*)?$/.exec(spec.trim());
  if (!match || spec.includes('/') || spec.includes('://')) return undefined;
  return {
    name: normalizePackageName(match[1]),
    extras: (match[2] ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean),
    specifier: (match[3] ?? '').trim(),
  };
}

/** Where in a command the package arguments of an install start, and which manager it is. */
function installStart(command: SimpleCommand): { manager: PackageManager; index: number } | undefined {
  const w = command.words.map((word) => word.value);
  const name = commandName(command.words[0]);
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
  if (['conda', 'mamba', 'micromamba'].includes(name)) return findVerb(w, i, ['install', 'create'], 'conda');
  if (['apt-get', 'apt'].includes(name)) return findVerb(w, i, ['install'], 'apt');
  if (['yum', 'dnf', 'microdnf', 'tdnf'].includes(name)) return findVerb(w, i, ['install'], 'yum');
  if (name === 'apk') return findVerb(w, i, ['add'], 'apk');
  if (name === 'zypper') return findVerb(w, i, ['install', 'in'], 'zypper');
  return undefined;
}

function findVerb(words: string[], from: number, verbs: string[], manager: PackageManager) {
  for (let i = from; i < words.length; i++) {
    if (verbs.includes(words[i])) return { manager, index: i + 1 };
    if (!words[i].startsWith('-')) return undefined;
  }
  return undefined;
}

function valueOptions(manager: PackageManager): Set<string> {
  return manager === 'pip' ? PIP_VALUE_OPTIONS : manager === 'conda' ? CONDA_VALUE_OPTIONS : SYSTEM_VALUE_OPTIONS;
}

/** Every package installed in the image (the final stage's lineage), computed once per model. */
export function imagePackages(model: Model, stage: Stage | undefined = model.finalStage): InstalledPackage[] {
  return model.memo(`packages:${stage?.index}`, () => installedPackages(model.imageRuns(stage)));
}

/** Every package installed by the given RUN steps, in order. */
export function installedPackages(runs: readonly RunStep[]): InstalledPackage[] {
  const found: InstalledPackage[] = [];
  for (const run of runs) {
    for (const command of run.commands) {
      const start = installStart(command);
      if (!start) continue;
      const options = valueOptions(start.manager);
      for (let i = start.index; i < command.words.length; i++) {
        const word = command.words[i];
        if (word.value.startsWith('-')) {
          if (options.has(word.value)) i++;
          continue;
        }
        const requirement = start.manager === 'pip' || start.manager === 'conda'
          ? parseRequirement(start.manager === 'conda' ? word.value.replace(/^[^:]+::/, '').replace(/=(?=\d)/, '==') : word.value)
          : { name: word.value.replace(/[=:].*$/, '').toLowerCase(), extras: [], specifier: '' };
        if (requirement && requirement.name) {
          found.push({ manager: start.manager, ...requirement, word, command, instruction: run.instruction });
        }
      }
    }
  }
  return found;
}

/** `pip install -r file` arguments. */
export function requirementsFiles(runs: readonly RunStep[]): RequirementsFile[] {
  const found: RequirementsFile[] = [];
  for (const run of runs) {
    for (const command of run.commands) {
      const start = installStart(command);
      if (start?.manager !== 'pip') continue;
      command.words.forEach((word, i) => {
        const next = command.words[i + 1];
        if ((word.value === '-r' || word.value === '--requirement') && next) {
          found.push({ path: next.value, word: next, instruction: run.instruction });
        } else if (/^(-r|--requirement=)./.test(word.value)) {
          found.push({ path: word.value.replace(/^(-r|--requirement=)/, ''), word, instruction: run.instruction });
        }
      });
    }
  }
  return found;
}

/** True when one of `names` (normalized) is installed by pip/conda in these runs. */
export function installsPythonPackage(runs: readonly RunStep[], names: readonly string[]): InstalledPackage | undefined {
  return installedPackages(runs).find((p) => (p.manager === 'pip' || p.manager === 'conda') && names.includes(p.name));
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
      if (commandName(command.words[0]) !== 'chmod') continue;
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

/** Every COPY/ADD of the image's lineage, with destinations resolved against WORKDIR; computed once per model. */
export function copySteps(model: Model, stage: Stage | undefined = model.finalStage): CopyStep[] {
  return model.memo(`copies:${stage?.index}`, () => computeCopySteps(model, stage));
}

function computeCopySteps(model: Model, stage: Stage | undefined): CopyStep[] {
  const steps: CopyStep[] = [];
  let workdir = '/';
  for (const s of model.lineage(stage)) {
    for (const instruction of s.instructions) {
      const keyword = instruction.getKeyword();
      if (keyword === 'WORKDIR') {
        const dir = model.words(instruction)[0]?.value ?? '';
        if (dir) workdir = joinPath(workdir, dir);
        continue;
      }
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      const step = copyStep(model, instruction, keyword, workdir, s);
      if (step) steps.push(step);
    }
  }
  return steps;
}

function copyStep(model: Model, instruction: Instruction, keyword: 'COPY' | 'ADD', workdir: string, stage: Stage): CopyStep | undefined {
  const all = model.words(instruction);
  const flags = all.filter((w) => w.value.startsWith('--'));
  const flag = (name: string) => flags.find((f) => f.value.startsWith(`--${name}=`))?.value.slice(name.length + 3);
  // Heredoc markers are redirections to the tokenizer, so only the first line's words remain.
  const heredoc = /<<-?["']?[A-Za-z_]/.test(model.textOf(instruction.getRange()).split('\n')[0]);
  let words = model.jsonArray(instruction) ?? all.filter((w) => !w.value.startsWith('--'));
  if (heredoc) words = words.filter((w) => w.range.start.line === instruction.getRange().start.line);
  if (words.length < (heredoc ? 1 : 2)) return undefined;
  const destinationWord = words[words.length - 1];
  const dest = destinationWord.value;
  const absolute = joinPath(workdir, dest) + (dest.endsWith('/') || dest === '.' ? '/' : '');
  return {
    instruction, keyword, sources: heredoc ? [] : words.slice(0, -1), destination: absolute.replace(/\/+$/, '/') || '/',
    destinationWord, from: flag('from'), chmod: flag('chmod'), heredoc, stage,
  };
}

/** Where a source file lands: `COPY train /opt/program/` → `/opt/program/train`. */
export function landingPath(step: CopyStep, source: string): string {
  const base = source.replace(/\/+$/, '').split('/').pop() ?? source;
  const multi = step.sources.length > 1;
  return step.destination.endsWith('/') || multi ? step.destination.replace(/\/?$/, '/') + base : step.destination;
}

export function joinPath(base: string, path: string): string {
  const joined = path.startsWith('/') ? path : `${base.replace(/\/$/, '')}/${path}`;
  const parts: string[] = [];
  for (const part of joined.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop(); else parts.push(part);
  }
  return '/' + parts.join('/');
}
