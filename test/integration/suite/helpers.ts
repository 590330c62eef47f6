/** What the in-host tests share: fixture access and waiting for diagnostics. */
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';

export const EXTENSION_ID = 'sagemaker-containers.sagemaker-containers';

/** Numbers the harness prints in its closing report (activation time, lint latency). */
export const metrics: Record<string, number | string> = {};

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the integration tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/**
 * Opening a Dockerfile starts activation but does not wait for it; a provider queried at once
 * would not be registered yet, so the helpers wait. (The activation test opens its file itself.)
 */
async function shown(document: vscode.TextDocument): Promise<vscode.TextEditor> {
  const editor = await vscode.window.showTextDocument(document);
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  return editor;
}

export async function openDockerfile(relative: string): Promise<vscode.TextEditor> {
  return shown(await vscode.workspace.openTextDocument(workspaceUri(relative)));
}

export async function openUntitled(content: string): Promise<vscode.TextEditor> {
  return shown(await vscode.workspace.openTextDocument({ language: 'dockerfile', content }));
}

export function smlintDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'smlint');
}

export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export function byRule(uri: vscode.Uri, ruleId: string): vscode.Diagnostic[] {
  return smlintDiagnostics(uri).filter((d) => codeOf(d) === ruleId);
}

/**
 * Resolves with the smlint diagnostics of `uri` once `accept` approves them, at once if it already
 * does. Fails after `timeoutMs` with what was there, so a failure explains itself.
 */
export function waitForDiagnostics(
  uri: vscode.Uri, accept: (diagnostics: vscode.Diagnostic[]) => boolean, what: string, timeoutMs = 10_000,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const current = smlintDiagnostics(uri);
      if (!accept(current)) return false;
      cleanup();
      resolve(current);
      return true;
    };
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (event.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      cleanup();
      const seen = smlintDiagnostics(uri).map((d) => `${codeOf(d)}@${d.range.start.line}:${d.range.start.character} ${vscode.DiagnosticSeverity[d.severity]}`);
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} in ${vscode.workspace.asRelativePath(uri)}; diagnostics: [${seen.join(', ')}]`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      listener.dispose();
    };
    check();
  });
}

/**
 * Resolves with the smlint diagnostics of `document` once the extension has published them for
 * its current version: after an edit, the debounced lint of exactly that text has landed.
 */
export function lintedNow(document: vscode.TextDocument, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  const api = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.exports;
  if (!api) return Promise.reject(new Error('the extension is not active'));
  return new Promise((resolve, reject) => {
    const listener = api.onDidLint((linted) => {
      if (linted.uri.toString() !== document.uri.toString() || linted.version !== document.version) return;
      cleanup();
      resolve(smlintDiagnostics(document.uri));
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`version ${document.version} of ${document.uri.toString()} was not linted within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(timer);
      listener.dispose();
    };
  });
}

/**
 * Resolves with the smlint diagnostics of `uri` once they have been published at least once and
 * then left alone for `quietMs`. For files the tests do not edit themselves; after an edit of an
 * open document, {@link lintedNow} is exact.
 */
export function waitForQuiet(uri: vscode.Uri, quietMs = 300, timeoutMs = 10_000): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    const listener = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((u) => u.toString() === uri.toString())) return;
      clearTimeout(quiet);
      quiet = setTimeout(() => {
        cleanup();
        resolve(smlintDiagnostics(uri));
      }, quietMs);
    });
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error(`no diagnostics were published for ${uri.toString()} within ${timeoutMs} ms`));
    }, timeoutMs);
    const cleanup = () => {
      clearTimeout(quiet);
      clearTimeout(timer);
      listener.dispose();
    };
  });
}

/**
 * Closes every editor, discarding changes (`closeAllEditors` would ask whether to save them), and
 * waits until the extension host has dropped the untitled documents: the next untitled document
 * gets the same URI, and must not meet the old one's text.
 */
export async function closeAllEditors(): Promise<void> {
  for (let i = 0; i < 100 && vscode.window.tabGroups.all.some((group) => group.tabs.length > 0); i++) {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  for (let waited = 0; vscode.workspace.textDocuments.some((d) => d.isUntitled) && waited < 5_000; waited += 20) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function readText(uri: vscode.Uri): Thenable<string> {
  return vscode.workspace.fs.readFile(uri).then((bytes) => new TextDecoder().decode(bytes));
}

export function writeText(uri: vscode.Uri, text: string): Thenable<void> {
  return vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}
