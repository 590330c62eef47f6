import { type Dirent, readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface WalkOptions {
  /** directory names never entered, at any depth */
  skip: ReadonlySet<string>;
  /** stop after this many files; the result says whether it stopped early */
  limit?: number;
  /** called for a subdirectory that cannot be read; the walk goes on without it */
  onUnreadable?: (relativeDir: string, error: NodeJS.ErrnoException) => void;
}

export interface WalkResult {
  /** relative to the root, '/'-separated, in a stable (sorted) order */
  files: string[];
  truncated: boolean;
}

/**
 * Lists the files under `root` (throws only when `root` itself cannot be read). A hand-written walk
 * rather than `readdirSync({ recursive: true })`, because that one enters `node_modules` and `.git`
 * before they can be filtered out, and cannot stop at a limit.
 * Symbolic links are listed but never followed, as `docker build` sends them as links.
 */
export function walk(root: string, options: WalkOptions): WalkResult {
  const files: string[] = [];
  const limit = options.limit ?? Infinity;
  const pending: string[] = [''];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    let entries: Dirent[];
    try {
      entries = readdirSync(join(root, dir), { withFileTypes: true });
    } catch (error) {
      if (dir === '') throw error;
      options.onUnreadable?.(dir, error as NodeJS.ErrnoException);
      continue;
    }
    // readdir order differs between file systems; sorting keeps a truncated list the same everywhere.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!options.skip.has(entry.name)) pending.push(path);
      } else if (files.length >= limit) {
        return { files: files.sort(), truncated: true };
      } else {
        files.push(path);
      }
    }
  }
  return { files: files.sort(), truncated: false };
}
