/**
 * Lints Dockerfiles and publishes the findings as diagnostics: on open, on change (debounced), on
 * save, when settings, a `.smlint.yaml` or the build context change, and clears them on close. It
 * keeps the last result per document and version, so code actions and the status bar use the
 * findings behind the diagnostics without linting again.
 */
import * as vscode from 'vscode';
import { lint, type LintResult } from '../core';
import { toLintOptions } from '../core/lint/config';
import type { BuildContexts } from './buildContext';
import { toDiagnostic } from './convert';
import type { EditorConfigs } from './settings';

export const LANGUAGE_ID = 'dockerfile';

/** Long enough to skip the keystrokes of a word, short enough to feel live. */
export const LINT_DEBOUNCE_MS = 200;

export interface LintedDocument {
  uri: vscode.Uri;
  /** the document version linted; undefined for files linted from disk without opening them */
  version: number | undefined;
  result: LintResult;
}

export function isDockerfile(document: vscode.TextDocument): boolean {
  return document.languageId === LANGUAGE_ID;
}

export class Diagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('smlint');
  private readonly results = new Map<string, LintedDocument>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** files linted from disk by "Lint Workspace Dockerfiles", refreshed with the open ones */
  private readonly unopened = new Set<string>();
  private readonly linted = new vscode.EventEmitter<LintedDocument>();
  readonly onDidLint = this.linted.event;
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly configs: EditorConfigs, private readonly contexts: BuildContexts | undefined) {
    this.disposables = [
      this.collection,
      this.linted,
      vscode.workspace.onDidOpenTextDocument((document) => this.lintNow(document)),
      vscode.workspace.onDidChangeTextDocument((event) => this.schedule(event.document)),
      vscode.workspace.onDidSaveTextDocument((document) => this.lintNow(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      configs.onDidChange(() => this.lintAll()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.lintAll()),
      ...(contexts ? [contexts.onDidChange(() => this.lintAll())] : []),
    ];
    for (const document of vscode.workspace.textDocuments) void this.lintNow(document);
  }

  /** The result behind the current diagnostics of `document`, or undefined when it is outdated. */
  resultFor(document: vscode.TextDocument): LintResult | undefined {
    const linted = this.results.get(document.uri.toString());
    return linted && linted.version === document.version ? linted.result : undefined;
  }

  async lintNow(document: vscode.TextDocument): Promise<void> {
    if (!isDockerfile(document)) return;
    this.cancelTimer(document.uri);
    const version = document.version;
    const { enabled, config } = await this.configs.forDocument(document.uri);
    // Whatever happened while the config was read, a newer version gets its own run.
    if (document.isClosed || document.version !== version) return;
    if (!enabled) {
      this.forget(document.uri);
      return;
    }
    const buildContext = this.contexts?.contextFor(document.uri);
    this.publish({ uri: document.uri, version, result: lint(document.getText(), { ...toLintOptions(config), buildContext }) });
  }

  /** Lints a file from disk without opening it; open documents keep their own, newer, results. */
  async lintUnopened(uri: vscode.Uri, text: string): Promise<void> {
    const { enabled, config } = await this.configs.forDocument(uri);
    if (this.isOpen(uri)) return;
    if (!enabled) {
      this.forget(uri);
      return;
    }
    const result = lint(text, { ...toLintOptions(config), buildContext: this.contexts?.contextFor(uri) });
    this.unopened.add(uri.toString());
    this.publish({ uri, version: undefined, result });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const disposable of this.disposables) disposable.dispose();
  }

  private schedule(document: vscode.TextDocument): void {
    if (!isDockerfile(document)) return;
    this.cancelTimer(document.uri);
    this.timers.set(document.uri.toString(), setTimeout(() => void this.lintNow(document), LINT_DEBOUNCE_MS));
  }

  private lintAll(): void {
    for (const document of vscode.workspace.textDocuments) this.schedule(document);
    for (const key of this.unopened) {
      const uri = vscode.Uri.parse(key);
      void vscode.workspace.fs.readFile(uri).then(
        (bytes) => this.lintUnopened(uri, new TextDecoder().decode(bytes)),
        () => this.forget(uri),
      );
    }
  }

  private publish(linted: LintedDocument): void {
    this.results.set(linted.uri.toString(), linted);
    this.collection.set(linted.uri, linted.result.findings.map(toDiagnostic));
    this.linted.fire(linted);
  }

  private forget(uri: vscode.Uri): void {
    this.cancelTimer(uri);
    this.results.delete(uri.toString());
    this.unopened.delete(uri.toString());
    this.collection.delete(uri);
  }

  private cancelTimer(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
  }

  private isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((document) => document.uri.toString() === uri.toString());
  }
}
