/**
 * The integration run: a real VS Code (code-server) with the extension loaded from this folder as
 * an Extension Development Host, driven by Debian Chromium through playwright-core. It runs
 * (a) the mocha suite inside the extension host and (b) UI checks in the workbench, which also
 * write the README screenshots. It builds nothing: `npm run test:integration` installs
 * code-server and builds first. Recipe: ../shared/reference/vscode-harness.md.
 *
 * Environment: CS_VERSION, CS_PREFIX (as install-code-server.sh), CHROMIUM (default
 * /usr/bin/chromium), SMLINT_SCREENSHOTS=0 to leave docs/images alone, SMLINT_TEST_GREP=<text>
 * to run only the in-host tests whose names contain it (and no UI checks).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { type BrowserContext, chromium } from 'playwright-core';
import { CODE_SERVER, type CodeServer, freePort, startCodeServer, stopCodeServer } from '../../scripts/harness/codeServer';
import { runUiChecks, type UiCheck } from './ui';
import { runWizardUiChecks } from './wizardUi.test';

const ROOT = resolve(__dirname, '..', '..');
/** User settings for both windows: a quiet workbench, and nothing carried over between windows. */
const SETTINGS = {
  'window.commandCenter': false, 'workbench.welcomePage.walkthroughs.openOnInstall': false, 'editor.hover.delay': 100,
  // Nothing from the suite's window (untitled editors) may reappear in the UI checks' window.
  'files.hotExit': 'off', 'window.restoreWindows': 'none',
  // code-server offers to forward any port some other process on the machine opens.
  'remote.autoForwardPorts': false,
};
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const SUITE_TIMEOUT_MS = 120_000;
/** The workbench logs its start-up through the same channel as the suite; these lines say nothing. */
const WORKBENCH_CHATTER = /^(Resolving connection token|Resolved connection token|Creating a socket|\[Service Worker\]|Ignoring fetching additional builtin|Updating additional builtin|ChatSessionStore)/;

interface SuiteResults {
  passed: number;
  failed: number;
  pending: number;
  metrics: Record<string, number | string>;
}

function payloadUrl(base: string, workspace: string, extras: [string, string][] = []): string {
  const payload = JSON.stringify([['extensionDevelopmentPath', `vscode-remote://remote${ROOT}`], ...extras]);
  return `${base}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`;
}

/** (a) The mocha suite in the extension host; resolves with the workbench's exit code. */
async function runSuite(browser: BrowserContext, base: string, workspace: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
      const line = format(...args);
      if (!WORKBENCH_CHATTER.test(line)) process.stdout.write(`  ${line}\n`);
    });
    const exited = new Promise<number>((done) => {
      void page.exposeFunction('codeAutomationExit', (code: number) => done(code));
    });
    const suite = `vscode-remote://remote${join(ROOT, 'out', 'test', 'suite', 'index.js')}`;
    await page.goto(payloadUrl(base, workspace, [['extensionTestsPath', suite]]));
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<number>((done) => { timer = setTimeout(() => done(-1), SUITE_TIMEOUT_MS); });
    const code = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (code === -1) console.log(`  the in-host suite did not finish within ${SUITE_TIMEOUT_MS / 1000} s`);
    return code;
  } finally {
    await page.close();
  }
}

function sizeOf(path: string): string {
  return existsSync(path) ? `${(statSync(path).size / 1024).toFixed(1)} KB` : 'not built';
}

async function main(): Promise<number> {
  const started = performance.now();
  for (const [what, path] of [['code-server', CODE_SERVER], ['Chromium', CHROMIUM], ['the extension bundle', join(ROOT, 'dist', 'extension.js')], ['the in-host suite', join(ROOT, 'out', 'test', 'suite', 'index.js')]]) {
    if (!existsSync(path)) throw new Error(`${what} is missing (${path}); run npm run test:integration, which installs and builds`);
  }
  const run = mkdtempSync(join(tmpdir(), 'smlint-vsc-'));
  // Copies, one per window: the suite edits settings and .smlint.yaml files, and the UI checks'
  // screenshots should not show what it left behind.
  const workspaceOf = (window: string) => {
    const workspace = join(run, window, 'workspace');
    cpSync(join(ROOT, 'test', 'fixtures', 'workspace'), workspace, { recursive: true });
    return workspace;
  };
  const results = join(run, 'results.json');
  let server: CodeServer | undefined;
  let browser: BrowserContext | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (server) await stopCodeServer(server.process);
    rmSync(run, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(130)));
  try {
    // The extension host inherits the server's environment; the in-host suite writes its counts there.
    server = await startCodeServer(run, await freePort(), SETTINGS, { SMLINT_TEST_RESULTS: results });
    const { base, log } = server;
    browser = await chromium.launchPersistentContext(join(run, 'chromium'), {
      executablePath: CHROMIUM, headless: true, viewport: { width: 1280, height: 800 },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      // Chromium's crash reporter writes to ~/.config otherwise.
      env: { ...process.env, XDG_CONFIG_HOME: join(run, 'xdg') },
    });

    console.log('In-host suite (mocha in the extension host):');
    const suiteStarted = performance.now();
    const exitCode = await runSuite(browser, base, workspaceOf('suite'));
    const suiteMs = performance.now() - suiteStarted;
    const suite: SuiteResults = existsSync(results)
      ? JSON.parse(readFileSync(results, 'utf8')) as SuiteResults
      : { passed: 0, failed: 1, pending: 0, metrics: {} };
    if (exitCode !== 0 && suite.failed === 0) suite.failed = 1;

    const uiStarted = performance.now();
    const ui: UiCheck[] = [];
    // A focused run (SMLINT_TEST_GREP) is for iterating on in-host tests: no UI checks.
    if (!process.env.SMLINT_TEST_GREP) {
      console.log('\nUI checks (Playwright in the workbench):');
      const screenshots = process.env.SMLINT_SCREENSHOTS === '0' ? undefined : join(ROOT, 'docs', 'images');
      ui.push(...await runUiChecks(browser, payloadUrl(base, workspaceOf('ui')), screenshots, join(ROOT, 'test-results')));
      ui.push(...await runWizardUiChecks(browser, payloadUrl(base, workspaceOf('wizard')), screenshots, join(ROOT, 'test-results')));
    }
    const uiMs = performance.now() - uiStarted;
    for (const check of ui) console.log(`  ${check.ok ? '✔' : '✘'} ${check.name}${check.detail ? ` (${check.detail})` : ''}`);

    const uiFailed = ui.filter((c) => !c.ok).length;
    const metrics = { ...suite.metrics, ...Object.assign({}, ...ui.map((c) => c.metrics ?? {})) } as Record<string, unknown>;
    console.log('\nMeasurements:');
    for (const [name, value] of Object.entries(metrics)) console.log(`  ${name}: ${value}`);
    console.log(`  dist/extension.js: ${sizeOf(join(ROOT, 'dist', 'extension.js'))}`);
    console.log(`  sagemaker-containers.vsix: ${sizeOf(join(ROOT, 'sagemaker-containers.vsix'))}`);
    console.log(`  in-host suite: ${(suiteMs / 1000).toFixed(1)} s, UI checks: ${(uiMs / 1000).toFixed(1)} s, whole run: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (suite.pending > 0) console.log(`  ${suite.pending} in-host test(s) pending`);

    const passed = suite.passed + ui.length - uiFailed;
    const failed = suite.failed + uiFailed;
    if (failed > 0) console.log(`\ncode-server log: ${readFileSync(log, 'utf8').split('\n').slice(-30).join('\n')}`);
    console.log(`\n${passed} passed, ${failed} failed`);
    return failed > 0 ? 1 : 0;
  } finally {
    await stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  console.log('\n0 passed, 1 failed');
  process.exit(1);
});
