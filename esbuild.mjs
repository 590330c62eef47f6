// Bundles every entry point. esbuild does not type-check: `npm run check-types` does.
import * as esbuild from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'info', legalComments: 'none' };

const targets = [
  // The VS Code extension (Node extension host); `vscode` is provided by the host.
  { entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  // The same extension for VS Code for the Web (web-worker host, no Node APIs).
  { entryPoints: ['src/extension/web.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'] },
  // The smlint CLI: one self-contained file, so `npm i -g` and `npx` need nothing else.
  { entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  // The wizard's webview page.
  { entryPoints: ['src/webview/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'es2022' },
  // Not shipped: the in-host integration suite (code-server harness and test-electron); mocha is
  // loaded from node_modules as mocha's own runner expects.
  { entryPoints: ['test/integration/suite/index.ts'], outfile: 'out/test/suite/index.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'] },
  // Not shipped: proves the pure core bundles for a browser (no node:* or vscode can sneak in).
  { entryPoints: ['src/core/index.ts'], outfile: 'out/core-browser-check.js', platform: 'browser', format: 'esm', target: 'es2022', external: [] },
].filter((t) => existsSync(t.entryPoints[0]));

const contexts = await Promise.all(targets.map((t) => esbuild.context({ ...common, ...t })));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
