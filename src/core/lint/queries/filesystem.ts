/**
 * Which files end up where in the image, and with which modes: COPY/ADD resolved against the build
 * context when there is one, the WORKDIR each instruction runs in, and what a later `chmod` grants.
 * Anything the file cannot show (a variable, a copy from another stage, a context that cannot be
 * listed) is reported as "opaque" or "cannot tell", never guessed.
 */
import type { Instruction } from 'dockerfile-ast';
import { chmods, copySteps, CopyStep, joinPath, landingPath, modeGrantsExecute } from '../commands';
import type { Model, RunStep, Stage } from '../model';
import { commandName, Word } from '../shell';
import type { BuildContext, ContextFile } from '../types';

export interface ImageStep {
  instruction: Instruction;
  stage: Stage;
  /** the absolute WORKDIR the instruction runs in; undefined when a variable hides it */
  workdir: string | undefined;
}

/** Every instruction of the image's lineage, in build order, with the WORKDIR in effect. */
export function imageSteps(model: Model, stage: Stage | undefined = model.finalStage): ImageStep[] {
  const steps: ImageStep[] = [];
  let workdir: string | undefined = '/';
  for (const s of model.lineage(stage)) {
    for (const instruction of s.instructions) {
      if (instruction.getKeyword() === 'WORKDIR') {
        const written = stripQuotes(instruction.getArgumentsContent()?.trim() ?? '');
        const { value, unresolved } = model.substitute(written, (n) => s.env.get(n)?.value ?? s.args.get(n)?.value);
        if (unresolved.length > 0) workdir = undefined;
        else if (value) workdir = value.startsWith('/') ? joinPath('/', value) : workdir === undefined ? undefined : joinPath(workdir, value);
      }
      steps.push({ instruction, stage: s, workdir });
    }
  }
  return steps;
}

/** The working directory of the container: the last WORKDIR of the image, '/' by default. */
export function imageWorkdir(model: Model): string | undefined {
  const steps = imageSteps(model);
  return steps.length ? steps[steps.length - 1].workdir : '/';
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

/** Several rules ask per run; a build context may list tens of thousands of files. */
const copyCache = new WeakMap<Model, Map<BuildContext | undefined, Map<Stage | undefined, CopyResult[]>>>();

/** Every COPY/ADD of the image with the files it lands, using the build context when it can be listed. */
export function copiedFiles(model: Model, buildContext: BuildContext | undefined, stage: Stage | undefined = model.finalStage): readonly CopyResult[] {
  let byContext = copyCache.get(model);
  if (!byContext) copyCache.set(model, (byContext = new Map()));
  let byStage = byContext.get(buildContext);
  if (!byStage) byContext.set(buildContext, (byStage = new Map()));
  let results = byStage.get(stage);
  if (!results) {
    const listed = buildContext?.listFiles();
    results = copySteps(model, stage).map((step) => resolveCopy(step, listed));
    byStage.set(stage, results);
  }
  return results;
}

const GLOB = /[*?[]/;
const ARCHIVE = /\.(tar|tgz|tbz2?|txz|tar\.(gz|bz2|xz|zst))$/i;

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
    if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(value)) {
      // ADD <url> fetches one file; ADD <git repository> brings a whole tree.
      if (/\.git($|#)|^git@/.test(value)) result.opaque.push(destDir);
      else result.files.push({ path: landingPath(step, value.split(/[?#]/)[0]), source });
      continue;
    }
    if (step.from !== undefined || listed === undefined) {
      // Without a listing, a source path is taken as the file it names; one that may be a
      // directory may also bring files nobody can see.
      const file = value.replace(/\/+$/, '') !== value || GLOB.test(value) || value === '.' ? undefined : landingPath(step, value);
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
    if (matched.files.length === 0 && matched.inDirectories.length === 0) {
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

function matchContext(pattern: string, listed: readonly ContextFile[]) {
  const files: ContextFile[] = [];
  const inDirectories: { file: ContextFile; rest: string }[] = [];
  const glob = GLOB.test(pattern) ? globRegExp(pattern) : undefined;
  const matches = (path: string) => (glob ? glob.test(path) : path === pattern);
  for (const file of listed) {
    if (pattern === '') {
      inDirectories.push({ file, rest: file.path });
      continue;
    }
    if (matches(file.path)) {
      files.push(file);
    } else if (!glob) {
      if (file.path.startsWith(pattern + '/')) inDirectories.push({ file, rest: file.path.slice(pattern.length + 1) });
    } else {
      const parts = file.path.split('/');
      for (let i = 1; i < parts.length; i++) {
        if (matches(parts.slice(0, i).join('/'))) {
          inDirectories.push({ file, rest: parts.slice(i).join('/') });
          break;
        }
      }
    }
  }
  return { files, inDirectories };
}

/** A context path as listed by BuildContext: no leading './' or '/', no trailing '/'; '' is the root. */
function contextPath(source: string): string {
  return joinPath('/', source).slice(1);
}

function mayBeDirectory(source: string): boolean {
  const name = basename(source.replace(/\/+$/, ''));
  return source === '.' || source.endsWith('/') || GLOB.test(source) || !name.includes('.');
}

function basename(path: string): string {
  return path.split('/').pop() ?? path;
}

/** Docker's filepath.Match patterns: `*` and `?` stay within one path segment. */
export function globRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else if (c === '[') {
      const close = pattern.indexOf(']', i + 2);
      if (close < 0) { out += '\\['; continue; }
      out += '[' + pattern.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
      i = close;
    } else out += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${out}$`);
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
      if (commandName(command.words[0]) !== 'find') continue;
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
  const match = GLOB.test(target) ? (p: string) => globRegExp(target).test(p) : (p: string) => p === target;
  if (match(path)) return true;
  if (!recursive) return false;
  const parts = path.split('/');
  for (let i = parts.length - 1; i > 0; i--) if (match(parts.slice(0, i).join('/') || '/')) return true;
  return false;
}

function stripQuotes(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}
