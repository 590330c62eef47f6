/**
 * What answers SageMaker's start command. Training runs `docker run IMAGE train` and hosting
 * `docker run IMAGE serve`; the word replaces CMD, and without an ENTRYPOINT it is itself the
 * program, looked up on PATH [DG:your-algorithms-training-algo-dockerfile, DG:your-algorithms-inference-code].
 * Every answer is three-valued: what the file shows, what it hides, and what is certainly absent.
 */
import { joinPath, workdirOf } from '../commands';
import { SERVE_TOOLKITS, TRAINING_TOOLKITS } from '../knowledge';
import { type Model, memoKey } from '../model';
import { DEFAULT_MODES, detectModes } from '../modes';
import type { BuildContext, Mode } from '../types';
import { BaseInfo, baseInfo } from './baseImage';
import { imageEntrypoint } from './entrypoint';
import { copiedFiles, isUnder, landedFiles } from './filesystem';
import { findPython, pythonInstalls } from './toolkits';

const PATH_MEMO = memoKey();
const COMMAND_MEMO = memoKey();

/** The PATH of Docker's official base images, which every Linux distribution image starts with. */
export const DEFAULT_PATH: readonly string[] = ['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The directories on the image's PATH: the ENV PATH entries the file sets, plus the default ones.
 * The defaults stay even when ENV PATH drops `$PATH`: missing a launcher there only silences a
 * rule, while dropping them could invent a missing one.
 */
export function pathDirs(model: Model): readonly string[] {
  return model.memo(PATH_MEMO, () => {
    const path = model.finalStage?.env.get('PATH')?.value;
    if (!path) return DEFAULT_PATH;
    const dirs = new Set(DEFAULT_PATH);
    for (const entry of path.split(':')) {
      if (entry.startsWith('/') && !entry.includes('$')) dirs.add(joinPath('/', entry));
    }
    return [...dirs];
  });
}

/**
 * True when `path` is `name` in one of `dirs`: what a shell finds for the command `name` (no
 * slash). Tested by shape, since the lookups run on every lint and the directories are normalized.
 */
export function isOnPath(path: string, name: string, dirs: readonly string[]): boolean {
  const slash = path.length - name.length - 1;
  return path.endsWith(name) && path[slash] === '/' && dirs.includes(path.slice(0, slash) || '/');
}

export type Launcher = 'train' | 'serve';

export interface CommandLookup {
  /** `found`: the file shows it; `unknown`: the file hides where it could come from; `absent`: nothing provides it */
  status: 'found' | 'unknown' | 'absent';
  /** what provides it, or what might */
  evidence?: string;
}

const TOOLKITS: Record<Launcher, readonly string[]> = { train: TRAINING_TOOLKITS, serve: SERVE_TOOLKITS };
/** Packages that may provide the command without smlint knowing for sure (older SageMaker images). */
const MAYBE_TOOLKITS: Record<Launcher, readonly string[]> = { train: [], serve: ['sagemaker-containers'] };
const SCOPE: Record<Launcher, 'training' | 'inference'> = { train: 'training', serve: 'inference' };

/** Whether an executable named `name` is on the image's PATH, as far as the file shows; several rules ask. */
export function findCommand(model: Model, name: Launcher, buildContext: BuildContext | undefined): CommandLookup {
  return model.memo(COMMAND_MEMO, () => lookUpCommand(model, name, buildContext), buildContext, name);
}

function lookUpCommand(model: Model, name: Launcher, buildContext: BuildContext | undefined): CommandLookup {
  const base = baseInfo(model);
  if (base.kind === 'sagemaker' && base.image?.sagemaker?.scopes.includes(SCOPE[name])) {
    return { status: 'found', evidence: `the SageMaker base image ${base.image.repository}` };
  }
  const installs = pythonInstalls(model, buildContext);
  const toolkit = findPython(installs, TOOLKITS[name]);
  if (toolkit) return { status: 'found', evidence: `${toolkit.name} (installed by ${toolkit.instruction.getKeyword()})` };

  const dirs = pathDirs(model);
  const isTarget = (path: string) => isOnPath(path, name, dirs);
  const copies = copiedFiles(model, buildContext);
  const copied = landedFiles(model, buildContext).find((f) => isTarget(f.path));
  if (copied) return { status: 'found', evidence: `${copied.path}, copied by ${copied.source.value}` };
  if (runCreates(model, isTarget, name, dirs)) return { status: 'found', evidence: 'a RUN step' };

  if (findPython(installs, MAYBE_TOOLKITS[name])) return { status: 'unknown' };
  // A local package, an unreadable requirements file or an install script may bring the toolkit.
  if (installs.opaque.length > 0) return { status: 'unknown', evidence: 'an install smlint cannot see into' };
  const opaque = copies.find((c) => c.opaque.some((root) => dirs.some((d) => isUnder(d, root))));
  if (opaque) return { status: 'unknown', evidence: `a copy into ${opaque.step.destination} smlint cannot list` };
  return { status: 'absent' };
}

/** RUN steps that link, copy, move, install or write a file at one of `targets`. */
function runCreates(model: Model, isTarget: (path: string) => boolean, name: string, dirs: readonly string[]): boolean {
  for (const run of model.imageRuns()) {
    const { instruction } = run;
    const workdir = workdirOf(model, instruction);
    // Redirections (`> /usr/local/bin/serve`) are not words; the text still shows the path.
    if (model.mentions(instruction, name)) {
      const text = model.textOf(instruction.getRange());
      if (dirs.some((dir) => mentionsPath(text, `${dir === '/' ? '' : dir}/${name}`))) return true;
    }
    // Both readings below resolve paths against the WORKDIR.
    if (workdir === undefined) continue;
    for (const command of run.commands) {
      const words = command.words.filter((w) => !w.value.startsWith('-') && !w.expands);
      // A path ends in `name` only if it says so, or stays in or climbs (`''`, `.`, `..`) to a directory that does.
      if (words.slice(1).some((w) => (w.value === '' || w.value.includes(name) || w.value.includes('.')) && isTarget(joinPath(workdir, w.value)))) return true;
      // `ln -s /opt/program/serve /usr/local/bin/`
      if (['ln', 'cp', 'mv', 'install'].includes(command.name) && words.length >= 3) {
        const destination = joinPath(workdir, words[words.length - 1].value);
        if (dirs.includes(destination) && words.slice(1, -1).some((w) => w.value.split('/').pop() === name)) return true;
      }
    }
  }
  return false;
}

export interface MissingLauncher {
  severity: 'warning' | 'info';
  base: BaseInfo;
  /** a parenthesis for messages when the base image might provide the launcher; '' otherwise */
  detail: string;
}

/**
 * For an image with neither ENTRYPOINT nor CMD in the file: whether nothing answers `name`.
 * With a CMD, cmd-only-launcher reports instead; with an ENTRYPOINT, the entrypoint rules judge it.
 * The severity is `info` when the base image is not known to lack an ENTRYPOINT of its own.
 */
export function missingLauncher(model: Model, name: Launcher, buildContext: BuildContext | undefined): MissingLauncher | undefined {
  if (imageEntrypoint(model) || model.cmd()) return undefined;
  const base = baseInfo(model);
  // A FROM without an image is a syntax error, not a missing launcher.
  if (base.kind === 'sagemaker' || !base.name) return undefined;
  if (findCommand(model, name, buildContext).status !== 'absent') return undefined;
  return base.plain
    ? { severity: 'warning', base, detail: '' }
    : { severity: 'info', base, detail: ` (unless the base image ${base.name} provides it or an ENTRYPOINT)` };
}

/**
 * True when train and serve are only the default assumption: nothing in the file shows the job
 * type. A failure under that assumption is not certain, since the image may be meant for processing.
 */
export function modesAssumed(model: Model, modes: ReadonlySet<Mode>): boolean {
  return modes.size === DEFAULT_MODES.length && DEFAULT_MODES.every((m) => modes.has(m)) && detectModes(model).length === 0;
}

/** The SageMaker start words that apply in `modes`, in a fixed order. */
export function launchersFor(modes: ReadonlySet<Mode>): Launcher[] {
  return (['train', 'serve'] as const).filter((m) => modes.has(m));
}

/** True when `text` has `path` as a whole path, not as the start of a longer name. */
function mentionsPath(text: string, path: string): boolean {
  for (let at = text.indexOf(path); at >= 0; at = text.indexOf(path, at + 1)) {
    const next = text[at + path.length];
    if (next === undefined || !/[\w.-]/.test(next)) return true;
  }
  return false;
}
