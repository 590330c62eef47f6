/**
 * `npm run start:browser`: opens the packaged extension in a local browser VS Code (code-server)
 * on the examples/ workspace and prints the URL. Expects the VSIX (`npm run package`) and
 * code-server (install-code-server.sh); the npm script does both first. PORT picks the port.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, installVsix, startCodeServer, stopCodeServer } from './codeServer';

const ROOT = resolve(__dirname, '..', '..');
const VSIX = join(ROOT, 'sagemaker-containers.vsix');

async function main(): Promise<void> {
  const run = mkdtempSync(join(tmpdir(), 'smlint-browser-'));
  installVsix(run, VSIX);
  const port = process.env.PORT ? Number(process.env.PORT) : await freePort();
  const server = await startCodeServer(run, port, {});
  const stop = async () => {
    await stopCodeServer(server.process);
    rmSync(run, { recursive: true, force: true });
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  console.log(`\nSageMaker Containers in VS Code for the browser (code-server): ${server.base}/?folder=${encodeURIComponent(join(ROOT, 'examples'))}`);
  console.log(`In desktop VS Code instead: code --install-extension ${VSIX}`);
  console.log('Ctrl+C stops the server and deletes its temporary folder.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
