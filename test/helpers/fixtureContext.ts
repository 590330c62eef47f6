/**
 * Build contexts on disk for whole-folder fixtures. A fixture folder is copied to a temporary
 * directory where execute bits are set from the fixtures' README (git does not keep them reliably),
 * and read back with node:fs, the way a real build context is.
 */
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { BuildContext, ContextFile } from '../../src/core/lint/types';
import { memoryContext } from './ruleTester';

export const AWS_SAMPLES = join(__dirname, '..', 'fixtures', 'aws-samples');

/** Every fixture folder under test/fixtures/aws-samples. */
export function awsSampleNames(): string[] {
  return readdirSync(AWS_SAMPLES, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** The paths (relative to aws-samples/) the README's "Executable files" section lists. */
export function executableFixtureFiles(): string[] {
  const readme = readFileSync(join(AWS_SAMPLES, 'README.md'), 'utf8');
  const section = readme.split(/^## Executable files$/m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^- `([^`]+)`$/gm)].map((m) => m[1]);
}

/** A BuildContext over a folder on disk; execute bits come from the file modes. */
export function fsContext(root: string): BuildContext {
  let files: ContextFile[] | undefined;
  return {
    listFiles() {
      files ??= walk(root).map((absolute) => ({
        path: relative(root, absolute).split(sep).join('/'),
        // Windows has no execute bits: "cannot tell", as the CLI answers.
        executable: process.platform === 'win32' ? undefined : (statSync(absolute).mode & 0o111) !== 0,
      }));
      return files;
    },
    readText(path) {
      try {
        return readFileSync(join(root, path), 'utf8');
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * memoryContext, serialisable: the RuleTester tells duplicate cases apart by JSON.stringify of
 * their options, which turns a plain BuildContext into `{}`; cases that differ only in the
 * context (the same Dockerfile with and without execute bits) need their files in that key.
 */
/** memoryContext already tells contexts apart for the duplicate-case check. */
export const contextOf = memoryContext;

export interface StagedFixture {
  dockerfile: string;
  context: BuildContext;
  dispose(): void;
}

/** Copies aws-samples/<name> to a temporary folder with the README's modes and opens it as a context. */
export function stageAwsSample(name: string): StagedFixture {
  const dir = mkdtempSync(join(tmpdir(), `smlint-${name}-`));
  cpSync(join(AWS_SAMPLES, name), dir, { recursive: true });
  for (const file of walk(dir)) chmodSync(file, 0o644);
  for (const listed of executableFixtureFiles()) {
    const [folder, ...rest] = listed.split('/');
    if (folder === name) chmodSync(join(dir, ...rest), 0o755);
  }
  return {
    dockerfile: readFileSync(join(dir, 'Dockerfile'), 'utf8'),
    context: fsContext(dir),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : entry.isFile() ? [path] : [];
  });
}
