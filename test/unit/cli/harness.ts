import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { allRules } from '../../../src/core/lint/rules';
import type { Rule } from '../../../src/core/lint/types';
import { type Io, run } from '../../../src/cli/main';

export const repoRoot = join(__dirname, '..', '..', '..');
export const docsDir = join(repoRoot, 'docs', 'rules');

export interface CliRun { code: number; stdout: string; stderr: string }

export interface RunOptions {
  cwd: string;
  stdin?: string;
  env?: Record<string, string>;
  isTTY?: boolean;
  rules?: readonly Rule[];
}

/** Runs the real command in-process and captures what it prints. */
export async function smlint(argv: string[], options: RunOptions): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  let stdinReads = 0;
  const io: Io = {
    stdout: (text) => { stdout += text; },
    stderr: (text) => { stderr += text; },
    readStdin: async () => {
      if (stdinReads++ > 0) throw new Error('stdin read twice');
      return options.stdin ?? '';
    },
    cwd: options.cwd,
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    docsDir,
  };
  const code = await run(argv, io, options.rules);
  return { code, stdout, stderr };
}

/** A temporary folder holding `files` (path → text; a trailing '/' makes an empty folder), removed by `cleanUp`. */
export function tempTree(files: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'smlint-'));
  for (const [path, text] of Object.entries(files)) {
    const full = join(root, path);
    if (path.endsWith('/')) {
      mkdirSync(full, { recursive: true });
      continue;
    }
    mkdirSync(dirname(full), { recursive: true });
    writeFileSync(full, text);
  }
  return root;
}

export function cleanUp(root: string): void {
  // A test may have taken permissions away; give them back so the folder can be removed.
  try { chmodSync(root, 0o755); } catch { /* already gone */ }
  rmSync(root, { recursive: true, force: true });
}

/**
 * A `.smlint.yaml` that turns every registered rule off except `id` (at `level` when given), so
 * exit codes and counts depend on one known rule however many rules the registry gains.
 */
export function onlyRule(id: string, level?: string): string {
  const lines = allRules.filter((rule) => rule.meta.id !== id).map((rule) => `  ${rule.meta.id}: off`);
  if (level) lines.push(`  ${id}: ${level}`);
  return lines.length > 0 ? `rules:\n${lines.join('\n')}\n` : '';
}

export const SHELL_FORM_RULE = 'entrypoint-shell-form';
/** Shell-form ENTRYPOINT on line 3, columns 1–27: an `entrypoint-shell-form` finding. */
export const SHELL_FORM = 'FROM python:3.11-slim\nRUN pip install sagemaker-training\nENTRYPOINT python train.py\n';
/** The same image done right. */
export const EXEC_FORM = 'FROM python:3.11-slim\nRUN pip install sagemaker-training\nENTRYPOINT ["python", "train.py"]\n';
