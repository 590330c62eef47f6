// Lets mocha load TypeScript directly: each file is transpiled on its own by esbuild (no type-check,
// that is `npm run check-types`), so a half-finished file elsewhere never blocks a test run.
const fs = require('node:fs');
const { transformSync } = require('esbuild');
require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    loader: 'ts', format: 'cjs', target: 'node20', sourcemap: 'inline', sourcefile: filename,
  });
  module._compile(code, filename);
};
