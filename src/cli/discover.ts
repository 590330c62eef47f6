import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/lint/config';
import { walk } from './walk';
import { isDockerfileName, SKIPPED_DIRECTORIES } from '../core/lint/dockerfiles';

/** What to lint: a file on disk (absolute path) or standard input. */
export type Target = { kind: 'file'; path: string } | { kind: 'stdin' };

export interface Discovery {
  targets: Target[];
  /** one line each, already worded for the user */
  errors: string[];
}

/**
 * Turns the command-line paths into lint targets: `-` is stdin, a file is linted whatever its
 * name, and a directory is searched for Dockerfiles (skipping node_modules and .git).
 */
export function discover(inputs: readonly string[], cwd: string): Discovery {
  const targets: Target[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    targets.push({ kind: 'file', path });
  };
  for (const input of inputs) {
    if (input === '-') {
      if (!seen.has('-')) targets.push({ kind: 'stdin' });
      seen.add('-');
      continue;
    }
    const path = resolve(cwd, input);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      errors.push(`${input}: ${describeError(error)}`);
      continue;
    }
    if (!isDirectory) {
      add(path);
      continue;
    }
    try {
      const found = walk(path, {
        skip: SKIPPED_DIRECTORIES,
        onUnreadable: (dir, error) => errors.push(`${join(input, dir)}: ${describeError(error)}`),
      }).files.filter((file) => isDockerfileName(file.slice(file.lastIndexOf('/') + 1)));
      if (found.length === 0) errors.push(`${input}: no Dockerfiles found in this directory`);
      for (const file of found) add(join(path, file));
    } catch (error) {
      errors.push(`${input}: ${describeError(error)}`);
    }
  }
  return { targets, errors };
}

/** The nearest `.smlint.yaml` (or `.yml`) in `dir` or a parent directory, up to the file-system root. */
export function findConfigFile(dir: string): string | undefined {
  for (let current = resolve(dir); ; current = dirname(current)) {
    for (const name of CONFIG_FILE_NAMES) {
      const candidate = join(current, name);
      if (isFile(candidate)) return candidate;
    }
    if (dirname(current) === current) return undefined;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A one-line reason for a file-system error, without Node's stack or syscall details. */
export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    default: return error instanceof Error ? error.message : String(error);
  }
}
