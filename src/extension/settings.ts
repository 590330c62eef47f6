/**
 * The config each Dockerfile is linted with: the `sagemakerContainers.*` settings, overlaid by the
 * `.smlint.yaml` found for the file the way the CLI finds it (next to the Dockerfile, then each
 * parent folder up to the workspace folder). Files are read through `workspace.fs`, so this works
 * in remote and web workspaces too. A broken config is reported once, with its problems shown in
 * the file, and linting goes on without it.
 */
import * as vscode from 'vscode';
import { DEFAULT_REGION, editorConfig, SETTINGS_SECTION, settingsToConfig } from '../core/editor/settings';
import { CONFIG_FILE_NAMES, type Config, type ConfigProblem, formatConfigProblem, parseConfig } from '../core/lint/config';
import { DIAGNOSTIC_SOURCE } from './convert';

export interface DocumentConfig {
  enabled: boolean;
  config: Config;
}

export function regionOf(config: Config): string {
  return config.region ?? DEFAULT_REGION;
}

export class EditorConfigs implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** settings or a config file changed: every Dockerfile needs linting again */
  readonly onDidChange = this.changed.event;
  /** folder → the config file that applies there */
  private readonly located = new Map<string, Promise<vscode.Uri | undefined>>();
  /** config file → its config, undefined when it cannot be used */
  private readonly parsed = new Map<string, Promise<Config | undefined>>();
  /** messages already shown, so a broken file is announced once and not on every keystroke */
  private readonly shown = new Set<string>();
  private readonly problems = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-config`);
  private readonly disposables: vscode.Disposable[] = [this.changed, this.problems];
  private explicitWatcher: vscode.Disposable | undefined;

  constructor() {
    this.disposables.push(this.watch(`**/{${CONFIG_FILE_NAMES.join(',')}}`));
    this.watchExplicitFile();
    this.disposables.push(vscode.workspace.onDidChangeConfiguration((event) => {
      if (!event.affectsConfiguration(SETTINGS_SECTION)) return;
      if (event.affectsConfiguration(`${SETTINGS_SECTION}.configFile`)) this.watchExplicitFile();
      this.invalidate();
    }));
  }

  async forDocument(uri: vscode.Uri): Promise<DocumentConfig> {
    const settings = vscode.workspace.getConfiguration(SETTINGS_SECTION, uri);
    const fromSettings = settingsToConfig({
      rules: settings.get('rules'), modes: settings.get('modes'), target: settings.get('target'),
      region: settings.get('region'), instanceType: settings.get('instanceType'),
    });
    if (fromSettings.problems.length > 0) {
      this.once(fromSettings.problems.join('\n'), () => vscode.window.showWarningMessage(
        `SageMaker Containers ignores invalid settings: ${fromSettings.problems.join('; ')}`));
    }
    const configFile = await this.configFileFor(uri, settings.get<string>('configFile', ''));
    const fromFile = configFile && await this.read(configFile);
    return { enabled: settings.get<boolean>('enable', true), config: editorConfig(fromSettings.config, fromFile) };
  }

  dispose(): void {
    this.explicitWatcher?.dispose();
    for (const disposable of this.disposables) disposable.dispose();
  }

  private invalidate(): void {
    this.located.clear();
    this.parsed.clear();
    // Re-reading marks the files that are still broken; a deleted one keeps no stale marks.
    this.problems.clear();
    this.changed.fire();
  }

  private watch(pattern: vscode.GlobPattern): vscode.Disposable {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    const invalidate = () => this.invalidate();
    return vscode.Disposable.from(watcher, watcher.onDidCreate(invalidate), watcher.onDidChange(invalidate), watcher.onDidDelete(invalidate));
  }

  /** A `configFile` setting may name any file, which the `.smlint.yaml` watcher would miss. */
  private watchExplicitFile(): void {
    this.explicitWatcher?.dispose();
    const file = explicitConfigFile(vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('configFile', ''), undefined);
    this.explicitWatcher = file && this.watch(new vscode.RelativePattern(parentOf(file), file.path.slice(file.path.lastIndexOf('/') + 1)));
  }

  private async configFileFor(uri: vscode.Uri, configured: string): Promise<vscode.Uri | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const explicit = explicitConfigFile(configured, folder);
    if (explicit) return explicit;
    if (uri.scheme === 'untitled') return undefined;
    for (let dir = parentOf(uri); ; dir = parentOf(dir)) {
      const found = await this.locateIn(dir);
      if (found) return found;
      // Within a workspace the search stops at its folder: a CI checkout has nothing above it, so a
      // config there would make the editor disagree with CI. Outside one it goes to the root, as the CLI does.
      if ((folder && dir.toString() === folder.uri.toString()) || parentOf(dir).toString() === dir.toString()) return undefined;
    }
  }

  private locateIn(dir: vscode.Uri): Promise<vscode.Uri | undefined> {
    const key = dir.toString();
    let found = this.located.get(key);
    if (!found) {
      found = (async () => {
        for (const name of CONFIG_FILE_NAMES) {
          const candidate = vscode.Uri.joinPath(dir, name);
          if (await isFile(candidate)) return candidate;
        }
        return undefined;
      })();
      this.located.set(key, found);
    }
    return found;
  }

  private read(file: vscode.Uri): Promise<Config | undefined> {
    const key = file.toString();
    let config = this.parsed.get(key);
    if (!config) {
      config = this.parse(file);
      this.parsed.set(key, config);
    }
    return config;
  }

  private async parse(file: vscode.Uri): Promise<Config | undefined> {
    const name = vscode.workspace.asRelativePath(file);
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    } catch (error) {
      this.once(`${file}\0unreadable`, () => vscode.window.showErrorMessage(`SageMaker Containers cannot read ${name}: ${describe(error)}`));
      return undefined;
    }
    const result = parseConfig(text, name);
    if (result.ok) {
      this.problems.delete(file);
      return result.config;
    }
    this.problems.set(file, result.problems.map(toDiagnostic));
    const [first] = result.problems;
    const more = result.problems.length > 1 ? ` (and ${result.problems.length - 1} more)` : '';
    this.once(`${file}\0${text}`, async () => {
      const choice = await vscode.window.showErrorMessage(
        `${formatConfigProblem(first)}${more}. smlint lints without this file until it is fixed.`, 'Open config');
      if (choice) await vscode.window.showTextDocument(file, { selection: toDiagnostic(first).range });
    });
    return undefined;
  }

  private once(key: string, show: () => unknown): void {
    if (this.shown.has(key)) return;
    this.shown.add(key);
    void show();
  }
}

function toDiagnostic(problem: ConfigProblem): vscode.Diagnostic {
  const at = new vscode.Position(Math.max(0, problem.line - 1), Math.max(0, problem.column - 1));
  const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), problem.message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

/** The `configFile` setting as a URI: absolute, or relative to the (first) workspace folder. */
function explicitConfigFile(configured: string, folder: vscode.WorkspaceFolder | undefined): vscode.Uri | undefined {
  const path = configured.trim();
  if (path === '') return undefined;
  const base = folder ?? vscode.workspace.workspaceFolders?.[0];
  return /^([/\\]|[A-Za-z]:[/\\])/.test(path) || !base ? vscode.Uri.file(path) : vscode.Uri.joinPath(base.uri, path);
}

function parentOf(uri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(uri, '..');
}

async function isFile(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
