import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { run } from './main';

// Bundled to dist/cli.js, so the package's docs/rules folder is one level up.
run(process.argv.slice(2), {
  stdout: (chunk) => process.stdout.write(chunk),
  stderr: (chunk) => process.stderr.write(chunk),
  readStdin: () => text(process.stdin),
  cwd: process.cwd(),
  env: process.env,
  isTTY: process.stdout.isTTY === true,
  docsDir: join(__dirname, '..', 'docs', 'rules'),
}).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    // Only a bug gets here; the stack is what a bug report needs.
    process.stderr.write(`smlint: internal error: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  },
);
