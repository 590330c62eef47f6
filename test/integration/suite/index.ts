/**
 * The in-host suite: VS Code (code-server through the harness, or Electron through test-electron)
 * loads this file in the extension host and awaits `run()`. The test files are listed here rather
 * than globbed, so esbuild bundles them and a missing file fails the build.
 */
import { writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import { metrics } from './helpers';

export function run(): Promise<void> {
  // The extension host inherits code-server's environment, so the harness can narrow the run.
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec', grep: process.env.SMLINT_TEST_GREP });
  mocha.suite.emit('pre-require', globalThis, 'suite', mocha);
  // Activation first: it checks that nothing activated the extension before a Dockerfile opened.
  require('./activation.test');
  require('./diagnostics.test');
  require('./codeActions.test');
  require('./configuration.test');
  require('./languageFeatures.test');
  require('./commands.test');
  require('./snippets.test');
  require('./wizard.test');
  require('./latency.test');
  return new Promise((resolve, reject) => {
    const counts = { passed: 0, failed: 0, pending: 0 };
    const runner = mocha.run((failures) => {
      // The harness reads this file: the extension host inherits code-server's environment.
      const out = process.env.SMLINT_TEST_RESULTS;
      if (out) writeFileSync(out, JSON.stringify({ ...counts, metrics }, null, 2));
      if (failures > 0) reject(new Error(`${failures} in-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => counts.passed++);
    runner.on('fail', () => counts.failed++);
    runner.on('pending', () => counts.pending++);
  });
}
