// `npm run test:integration` works from a fresh clone: it builds when the bundles it loads are
// missing. It never rebuilds existing bundles; run `npm run build` after changing the sources.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needed = ['dist/extension.js', 'out/test/suite/index.js'];
if (needed.some((file) => !existsSync(file))) execSync('npm run build', { stdio: 'inherit' });
