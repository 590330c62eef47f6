/**
 * Starting and stopping code-server (VS Code in the browser) with every directory it writes to
 * inside one throwaway folder. Shared by the integration run and `npm run start:browser`.
 * Recipe and pitfalls: ../shared/reference/vscode-harness.md.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const CS_VERSION = process.env.CS_VERSION ?? '4.100.3';
export const CS_PREFIX = process.env.CS_PREFIX ?? join(process.env.HOME ?? '/root', '.cache', `code-server-${CS_VERSION}`);
export const CODE_SERVER = join(CS_PREFIX, 'node_modules', '.bin', 'code-server');

export interface CodeServer {
  process: ChildProcess;
  base: string;
  log: string;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** The environment that keeps code-server, its extension hosts and its watchers out of $HOME and /tmp. */
function isolatedEnv(run: string, extra: Record<string, string>): NodeJS.ProcessEnv {
  const xdg = join(run, 'xdg');
  return {
    ...process.env,
    XDG_CONFIG_HOME: xdg, XDG_DATA_HOME: xdg, XDG_CACHE_HOME: xdg, TMPDIR: join(run, 'tmp'),
    // No gallery: otherwise the workbench queries Open VSX and logs a DNS error on every load.
    EXTENSIONS_GALLERY: '{"serviceUrl":""}',
    ...extra,
  };
}

function prepare(run: string, settings: Record<string, unknown>): void {
  for (const dir of ['ud/User', 'ext', 'xdg', 'tmp']) mkdirSync(join(run, dir), { recursive: true });
  writeFileSync(join(run, 'ud/User/settings.json'), JSON.stringify({
    'telemetry.telemetryLevel': 'off', 'workbench.startupEditor': 'none', 'workbench.tips.enabled': false,
    'workbench.enableExperiments': false, 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    'update.mode': 'none', 'security.workspace.trust.enabled': false,
    ...settings,
  }, null, 2));
}

/** Installs a VSIX into the run's extensions folder (offline, about a second). */
export function installVsix(run: string, vsix: string): void {
  prepare(run, {});
  execFileSync(CODE_SERVER, ['--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'ext'), '--install-extension', vsix], {
    env: isolatedEnv(run, {}), stdio: 'inherit',
  });
}

/**
 * Starts code-server on 127.0.0.1:`port` in its own session and process group, so that
 * {@link stopCodeServer} ends the extension hosts and watchers with it. `env` reaches the
 * extension hosts, which inherit the server's environment.
 */
export async function startCodeServer(run: string, port: number, settings: Record<string, unknown>, env: Record<string, string> = {}): Promise<CodeServer> {
  prepare(run, settings);
  writeFileSync(join(run, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const log = join(run, 'code-server.log');
  const out = openSync(log, 'a');
  const child = spawn(CODE_SERVER, [
    '--config', join(run, 'config.yaml'), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none',
    '--user-data-dir', join(run, 'ud'), '--extensions-dir', join(run, 'ext'),
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--disable-proxy', '--ignore-last-opened',
  ], { detached: true, stdio: ['ignore', out, out], env: isolatedEnv(run, env) });
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode}:\n${readFileSync(log, 'utf8')}`);
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { process: child, base, log };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  await stopCodeServer(child);
  throw new Error(`code-server did not answer /healthz within 30 s:\n${readFileSync(log, 'utf8')}`);
}

export async function stopCodeServer(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const group = -child.pid;
  try { process.kill(group, 'SIGTERM'); } catch { return; }
  await new Promise((r) => setTimeout(r, 500));
  try { process.kill(group, 'SIGKILL'); } catch { /* already gone */ }
}
