import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import type { BuildContext, ContextFile } from '../core/lint/types';
import { walk } from './walk';

export interface NodeBuildContextOptions {
  /** the most files listed; a larger context cannot be listed, and `notice` says so */
  maxFiles?: number;
  /** larger files read as undefined ("cannot tell"), so a stray model file is never loaded */
  maxBytes?: number;
  /** receives one-line remarks for the user, such as a cut file list */
  notice?: (message: string) => void;
}

export const DEFAULT_MAX_FILES = 50_000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;

/**
 * The build context on disk. Lazy: nothing is listed, statted or run until a rule asks, because
 * most lint runs never look at the context. The `.git` folder is left out as it holds no image
 * content. Executable bits come from the git index when the file is tracked: a CI checkout creates
 * files with the index mode, so a script that is executable only on the author's disk fails there.
 */
export class NodeBuildContext implements BuildContext {
  /** null once the listing turned out incomplete: asked again, the answer stays "cannot tell" */
  private files: ContextFile[] | null | undefined;
  private readonly maxFiles: number;
  private readonly maxBytes: number;

  constructor(readonly root: string, private readonly options: NodeBuildContextOptions = {}) {
    this.maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  /**
   * Every file, or undefined when the listing would be partial (a context over the file limit, a
   * folder that cannot be read): a file missing from a partial list is not a missing file, and
   * copy-source-missing would report it.
   */
  listFiles(): readonly ContextFile[] | undefined {
    if (this.files === undefined) {
      let listed;
      const unreadable: string[] = [];
      try {
        listed = walk(this.root, { skip: new Set(['.git']), limit: this.maxFiles, onUnreadable: (dir) => unreadable.push(dir) });
      } catch {
        return undefined;
      }
      if (listed.truncated) {
        this.options.notice?.(`build context ${this.root} has more than ${this.maxFiles} files; the checks that need its file list are skipped`);
      } else if (unreadable.length > 0) {
        this.options.notice?.(`build context ${this.root}: cannot read ${unreadable.join(', ')}; the checks that need its file list are skipped`);
      }
      if (listed.truncated || unreadable.length > 0) {
        this.files = null;
      } else {
        const gitModes = readGitModes(this.root);
        this.files = listed.files.map((path) => ({ path, executable: gitModes?.get(path) ?? this.fileModeExecutable(path) }));
      }
    }
    return this.files ?? undefined;
  }

  readText(path: string): string | undefined {
    const relative = normalize(path);
    if (isAbsolute(relative) || relative === '..' || relative.startsWith(`..${sep}`)) return undefined;
    const absolute = join(this.root, relative);
    try {
      if (statSync(absolute).size > this.maxBytes) return undefined;
      return readFileSync(absolute, 'utf8');
    } catch {
      return undefined;
    }
  }

  private fileModeExecutable(path: string): boolean | undefined {
    // Windows has no execute bits; answer "cannot tell" rather than "not executable".
    if (process.platform === 'win32') return undefined;
    try {
      return (statSync(join(this.root, path)).mode & 0o111) !== 0;
    } catch {
      return undefined;
    }
  }
}

/**
 * The executable bit of each tracked file under `dir`, from `git ls-files -s` (paths relative to
 * `dir`). Undefined when git is not installed or `dir` is not in a work tree: then the disk decides.
 */
export function readGitModes(dir: string): Map<string, boolean> | undefined {
  let output: string;
  try {
    output = execFileSync('git', ['ls-files', '-s', '-z'], {
      cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024, windowsHide: true,
    });
  } catch {
    return undefined;
  }
  const modes = new Map<string, boolean>();
  // Each entry is "<mode> <object> <stage>\t<path>\0".
  for (const entry of output.split('\0')) {
    const tab = entry.indexOf('\t');
    if (tab < 0) continue;
    const mode = entry.slice(0, entry.indexOf(' '));
    modes.set(entry.slice(tab + 1), mode === '100755');
  }
  return modes;
}
