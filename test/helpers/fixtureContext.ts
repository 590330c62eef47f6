/**
 * Build contexts on disk for whole-folder fixtures. A fixture folder is copied to a temporary
 * directory where execute bits are set from the fixtures' README (git does not keep them reliably),
 * and read back with node:fs, the way a real build context is.
 */
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { BuildContext, ContextFile } from '../../src/core/lint/types';

export const AWS_SAMPLES = join(__dirname, '..', 'fixtures', 'aws-samples');

export const REAL_WORLD = join(__dirname, '..', 'fixtures', 'real-world');

/** Every fixture folder under test/fixtures/aws-samples (or another fixture collection). */
export function awsSampleNames(root = AWS_SAMPLES): string[] {
  return readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();
}

/** The paths (relative to the collection) its README's "Executable files" section lists. */
export function executableFixtureFiles(root = AWS_SAMPLES): string[] {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
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

export interface StagedFixture {
  dockerfile: string;
  context: BuildContext;
  dispose(): void;
}

/** Copies aws-samples/<name> (or <root>/<name>) to a temporary folder with the README's modes and opens it as a context. */
export function stageAwsSample(name: string, root = AWS_SAMPLES): StagedFixture {
  const dir = mkdtempSync(join(tmpdir(), `smlint-${name}-`));
  cpSync(join(root, name), dir, { recursive: true });
  for (const file of walk(dir)) chmodSync(file, 0o644);
  for (const listed of executableFixtureFiles(root)) {
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
