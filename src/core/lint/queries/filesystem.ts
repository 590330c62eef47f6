/**
 * Which files end up where in the image, and with which modes: the WORKDIR each instruction runs
 * in, COPY/ADD resolved against the build context as docker build sends it, what a later `chmod`
 * grants, and what lands under a directory (copies, and what RUN steps write). Anything the file
 * cannot show (a variable, a copy from another stage, a context that cannot be listed) is
 * reported as "opaque" or "cannot tell", never guessed.
 */
import type { Instruction } from 'dockerfile-ast';
import { basename, chmods, copySteps, CopyStep, imageSteps, ImageStep, joinPath, landingPath, modeGrantsExecute } from '../commands';
import { type Model, type RunStep, type Stage, memoKey } from '../model';
import { Word } from '../shell';
import type { BuildContext, ContextFile } from '../types';
import { sentContext } from './buildContext';
import { contextPath, globMatch, hasWildcards, resolveWildcards } from './dockerignore';
import { runEffects } from './runEffects';

const COPIED_MEMO = memoKey();
const LANDED_MEMO = memoKey();
const UNDER_MEMO = memoKey();

/** True when `path` is `dir` or inside it (both absolute). */
export function isUnder(path: string, dir: string): boolean {
  const base = dir.endsWith('/') ? dir.replace(/\/+$/, '') : dir;
  return path === base || (path.startsWith(base) && path[base.length] === '/');
}

export interface LandedFile {
  /** absolute path in the image */
  path: string;
  /** the source word (the destination word for heredocs) that brings the file */
  source: Word;
  /** the context file it comes from, when the build context was listed */
  contextFile?: ContextFile;
}

export interface CopyResult {
  step: CopyStep;
  /** the files this COPY/ADD certainly or probably brings (a source path without context) */
  files: LandedFile[];
  /** image directories under which it may bring files that `files` does not list */
  opaque: string[];
}

/**
 * Every COPY/ADD of the image with the files it lands, using the build context when it can be
 * listed: a file `.dockerignore` excludes is never sent, so it never lands. Several rules ask per
 * run, and a context may list tens of thousands of files.
 */
export function copiedFiles(model: Model, buildContext: BuildContext | undefined, stage: Stage | undefined = model.finalStage): readonly CopyResult[] {
  return model.memo(COPIED_MEMO, () => {
    const sent = sentContext(model, buildContext)?.sent;
    return copySteps(model, stage).map((step) => resolveCopy(step, sent));
  }, buildContext, stage);
}

const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i;
const REMOTE = /^[a-z][a-z0-9+.-]*:\/\/|^git@/i;

function resolveCopy(step: CopyStep, listed: readonly ContextFile[] | undefined): CopyResult {
  const result: CopyResult = { step, files: [], opaque: [] };
  const destDir = step.destination.replace(/\/+$/, '') || '/';
  if (step.heredoc) {
    if (step.destination.endsWith('/')) result.opaque.push(destDir);
    else result.files.push({ path: step.destination, source: step.destinationWord });
    return result;
  }
  for (const source of step.sources) {
    const value = source.value;
    if (source.expands || value.includes('$')) {
      result.opaque.push(destDir);
      continue;
    }
    if (REMOTE.test(value)) {
      // ADD <url> fetches one file; ADD <git repository> brings a whole tree.
      if (/\.git($|#)|^git@/.test(value)) result.opaque.push(destDir);
      else result.files.push({ path: landingPath(step, value.split(/[?#]/)[0]), source });
      continue;
    }
    if (step.from !== undefined || listed === undefined) {
      // Without a listing, a source path is taken as the file it names; one that may be a
      // directory may also bring files nobody can see.
      const file = value.replace(/\/+$/, '') !== value || hasWildcards(value) || value === '.' ? undefined : landingPath(step, value);
      if (file) result.files.push({ path: file, source });
      if (mayBeDirectory(value)) result.opaque.push(destDir);
      continue;
    }
    const relative = contextPath(value);
    if (step.keyword === 'ADD' && ARCHIVE.test(relative)) {
      result.opaque.push(destDir);
      continue;
    }
    const matched = matchContext(relative, listed);
    if (!matched || (matched.files.length === 0 && matched.inDirectories.length === 0)) {
      result.opaque.push(destDir);
      continue;
    }
    const manyFiles = matched.files.length > 1;
    for (const file of matched.files) {
      const path = manyFiles ? joinPath(destDir, basename(file.path)) : landingPath(step, file.path);
      result.files.push({ path, source, contextFile: file });
    }
    for (const { file, rest } of matched.inDirectories) {
      // Docker copies a directory's contents, not the directory itself.
      result.files.push({ path: joinPath(destDir, rest), source, contextFile: file });
    }
  }
  return result;
}

interface ContextMatch {
  /** listed files the source names itself */
  files: ContextFile[];
  /** listed files inside a directory the source names, with their paths below it */
  inDirectories: { file: ContextFile; rest: string }[];
}

/** The context files a COPY source names, as BuildKit resolves it; undefined for a pattern it rejects. */
function matchContext(source: string, listed: readonly ContextFile[]): ContextMatch | undefined {
  const match: ContextMatch = { files: [], inDirectories: [] };
  if (!hasWildcards(source)) {
    for (const file of listed) {
      const path = file.path;
      if (source === '') match.inDirectories.push({ file, rest: path });
      else if (path === source) match.files.push(file);
      else if (path.startsWith(source) && path[source.length] === '/') match.inDirectories.push({ file, rest: path.slice(source.length + 1) });
    }
    return match;
  }
  const byPath = new Map(listed.map((file) => [file.path, file]));
  const dirs = new Set<string>();
  for (const path of byPath.keys()) {
    for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) dirs.add(path.slice(0, i));
  }
  const matched = resolveWildcards(source, [...byPath.keys(), ...dirs]);
  if (!matched) return undefined;
  for (const path of matched) {
    const file = byPath.get(path);
    if (file) {
      match.files.push(file);
      continue;
    }
    // A matching directory is copied whole.
    for (const [inner, innerFile] of byPath) {
      if (inner.startsWith(path) && inner[path.length] === '/') match.inDirectories.push({ file: innerFile, rest: inner.slice(path.length + 1) });
    }
  }
  return match;
}

function mayBeDirectory(source: string): boolean {
  const name = basename(source.replace(/\/+$/, ''));
  return source === '.' || source.endsWith('/') || hasWildcards(source) || !name.includes('.');
}

export interface Landing extends LandedFile {
  copy: CopyResult;
}

/** Every file the image's COPY/ADD land, in build order, each with the copy that brings it. */
export function landedFiles(model: Model, context: BuildContext | undefined): readonly Landing[] {
  return model.memo(LANDED_MEMO, () => {
    const landed: Landing[] = [];
    for (const copy of copiedFiles(model, context)) {
      for (const file of copy.files) landed.push({ path: file.path, source: file.source, contextFile: file.contextFile, copy });
    }
    return landed;
  }, context);
}

export interface DirectoryContents {
  /** files known to land under the directory, in build order */
  files: Landing[];
  /** true when something may put files there that the linter cannot enumerate */
  incomplete: boolean;
  /** true when any COPY/ADD or RUN certainly puts something there */
  populated: boolean;
}

/** The files COPY/ADD and RUN put under `dir` in the image, as far as the file and context show. */
export function filesUnder(model: Model, dir: string, context: BuildContext | undefined): DirectoryContents {
  return model.memo(UNDER_MEMO, () => {
    const result: DirectoryContents = { files: [], incomplete: false, populated: false };
    for (const file of landedFiles(model, context)) {
      if (isUnder(file.path, dir)) result.files.push(file);
    }
    for (const copy of copiedFiles(model, context)) {
      for (const root of copy.opaque) {
        if (isUnder(root, dir) || isUnder(dir, root)) result.incomplete = true;
        if (isUnder(root, dir)) result.populated = true;
      }
    }
    if (result.files.length > 0) result.populated = true;
    const effects = runEffects(model);
    for (const effect of effects.unknown) {
      if (effect.cwd === undefined || isUnder(effect.cwd, dir) || effect.paths.some((p) => isUnder(p, dir))) result.incomplete = true;
    }
    for (const write of effects.writes) {
      if (isUnder(write.path, dir)) { result.incomplete = true; result.populated = true; }
    }
    return result;
  }, context, dir);
}

/**
 * Whether `file` (brought by `copy`) is executable in the image:
 * - `granted`: a `--chmod` or a later `RUN chmod` grants execute, or an executable context file is
 *   copied as it is (Docker keeps its mode);
 * - `missing`: nothing grants it (a non-executable context file, a `--chmod` without x, a fetched
 *   URL, which gets 600, or a heredoc, which gets 644);
 * - `unseen`: the file's own mode is not known (no build context);
 * - `unknown`: the file cannot tell (a copy from another stage, a mode in a variable).
 */
export function executeBit(model: Model, copy: CopyResult, file: LandedFile, steps: readonly ImageStep[] = imageSteps(model)): 'granted' | 'missing' | 'unseen' | 'unknown' {
  const { step } = copy;
  if (step.from !== undefined) return 'unknown';
  const at = steps.findIndex((s) => s.instruction === step.instruction);
  if (chmodLater(model, file.path, steps.slice(at + 1))) return 'granted';
  if (step.chmod !== undefined) return step.chmod.includes('$') ? 'unknown' : modeGrantsExecute(step.chmod) ? 'granted' : 'missing';
  if (file.contextFile?.executable !== undefined) return file.contextFile.executable ? 'granted' : 'missing';
  if (step.heredoc || /:\/\//.test(file.source.value)) return 'missing';
  return 'unseen';
}

function chmodLater(model: Model, path: string, later: readonly ImageStep[]): boolean {
  const runs = new Map<Instruction, RunStep>(model.imageRuns().map((r) => [r.instruction, r]));
  for (const { instruction, workdir } of later) {
    const run = runs.get(instruction);
    if (!run) continue;
    for (const chmod of chmods([run])) {
      if (!chmod.mode.includes('$') && !modeGrantsExecute(chmod.mode)) continue;
      if (chmod.paths.some((word) => covers(word, workdir, path, chmod.recursive))) return true;
    }
    // `find /opt/program -type f -exec chmod +x {} +`
    for (const command of run.commands) {
      if (command.name !== 'find') continue;
      const at = command.words.findIndex((w) => w.value === 'chmod');
      const root = command.words[1];
      if (at > 0 && root && !root.value.startsWith('-') && modeGrantsExecute(command.words[at + 1]?.value ?? '')
        && covers(root, workdir, path, true)) return true;
    }
  }
  return false;
}

function covers(word: Word, workdir: string | undefined, path: string, recursive: boolean): boolean {
  // A path hidden behind a variable might be this one: "cannot tell" must not become a finding.
  if (word.expands || (workdir === undefined && !word.value.startsWith('/'))) return true;
  const target = joinPath(workdir ?? '/', word.value);
  const match = hasWildcards(target) ? (p: string) => shellGlobMatch(target, p) : (p: string) => p === target;
  if (match(path)) return true;
  if (!recursive) return false;
  const parts = path.split('/');
  for (let i = parts.length - 1; i > 0; i--) if (match(parts.slice(0, i).join('/') || '/')) return true;
  return false;
}

/**
 * Whether a shell glob names `path`: `*` and `?` within one segment, `[!…]` or `[^…]` negating a
 * class. A pattern the shell cannot read as a glob stands for itself, as sh leaves it unexpanded.
 */
export function shellGlobMatch(pattern: string, path: string): boolean {
  return globMatch(pattern.replace(/\[!/g, '[^'), path) ?? pattern === path;
}
