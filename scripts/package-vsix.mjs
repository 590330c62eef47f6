// Packages the VSIX from a staging folder. package.json's `files` lists what the npm package of
// the smlint CLI ships, and vsce refuses a manifest with `files` next to a .vscodeignore, so the
// stage gets the manifest without it (and without the CLI's `bin`) plus the .vscodeignore
// allowlist, which stays the one list of what the VSIX ships. Run after `node esbuild.mjs --production`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const stage = join(root, 'out', 'vsix');
const out = join(root, 'sagemaker-containers.vsix');
const MAX_BYTES = 1024 * 1024;

rmSync(stage, { recursive: true, force: true });
mkdirSync(stage, { recursive: true });
const { files: _files, bin: _bin, scripts: _scripts, ...manifest } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const entry of ['.vscodeignore', 'dist', 'media', 'snippets', 'README.md', 'LICENSE', 'CHANGELOG.md']) {
  if (existsSync(join(root, entry))) cpSync(join(root, entry), join(stage, entry), { recursive: true });
}
execFileSync(join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--out', out], { cwd: stage, stdio: 'inherit' });
const size = statSync(out).size;
console.log(`${out}: ${(size / 1024).toFixed(1)} KB`);
if (size > MAX_BYTES) {
  console.error(`the VSIX is larger than ${MAX_BYTES / 1024} KB`);
  process.exit(1);
}
