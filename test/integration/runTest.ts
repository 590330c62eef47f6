/**
 * The same in-host suite in desktop VS Code through @vscode/test-electron, for machines that can
 * download VS Code (this one cannot; CI uses the code-server harness in run.ts). Expects
 * `npm run build`, which `npm run test:electron` does first.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = resolve(__dirname, '..', '..');
  const run = mkdtempSync(join(tmpdir(), 'smlint-electron-'));
  const workspace = join(run, 'workspace');
  cpSync(join(root, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'test', 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(run, 'user-data')}`],
    });
  } finally {
    rmSync(run, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
