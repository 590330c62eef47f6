import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { docsUrl } from '../../../src/core';
import type { ExtensionApi } from '../../../src/extension/extension';
import {
  byRule, closeAllEditors, codeOf, EXTENSION_ID, lintedNow, openDockerfile, openUntitled, waitForDiagnostics,
} from './helpers';

const RULE = 'entrypoint-shell-form';
const hasRule = (d: vscode.Diagnostic[]) => d.some((x) => codeOf(x) === RULE);
const lacksRule = (d: vscode.Diagnostic[]) => !hasRule(d);

describe('diagnostics', () => {
  afterEach(closeAllEditors);

  it('publish a finding with its rule id, documentation link, range and severity', async () => {
    const { document } = await openDockerfile('train/Dockerfile');
    await waitForDiagnostics(document.uri, hasRule, RULE);
    const [diagnostic] = byRule(document.uri, RULE);
    assert.equal(diagnostic.source, 'smlint');
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
    assert.deepEqual(
      [diagnostic.range.start.line, diagnostic.range.start.character, diagnostic.range.end.line, diagnostic.range.end.character],
      [5, 0, 5, 'ENTRYPOINT python train.py'.length],
    );
    assert.ok(typeof diagnostic.code === 'object');
    assert.equal(diagnostic.code.target.toString(), vscode.Uri.parse(docsUrl(RULE)).toString());
    assert.match(diagnostic.message, /^Shell-form ENTRYPOINT runs under \/bin\/sh -c/);
  });

  it('use the .smlint.yaml next to the Dockerfile', async () => {
    const { document } = await openDockerfile('configured/Dockerfile');
    const [diagnostic] = await waitForDiagnostics(document.uri, hasRule, RULE).then(() => byRule(document.uri, RULE));
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
  });

  it('follow edits, debounced, and never publish a stale version', async () => {
    const editor = await openUntitled('FROM python:3.12\nENTRYPOINT python train.py\n');
    const { document } = editor;
    await waitForDiagnostics(document.uri, hasRule, RULE);
    const api = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID)?.exports;
    assert.ok(api);
    const published: { version: number | undefined; current: number }[] = [];
    const listener = api.onDidLint((linted) => {
      if (linted.uri.toString() === document.uri.toString()) published.push({ version: linted.version, current: document.version });
    });
    try {
      // Ten edits sent at once, as fast typing would: each is its own document version.
      const edits = Array.from({ length: 10 }, (_, i) => {
        const edit = new vscode.WorkspaceEdit();
        edit.insert(document.uri, new vscode.Position(0, 0), `# edit ${i}\n`);
        return vscode.workspace.applyEdit(edit);
      });
      assert.ok((await Promise.all(edits)).every(Boolean));
      const diagnostics = await lintedNow(document);
      assert.ok(hasRule(diagnostics));
      assert.equal(byRule(document.uri, RULE)[0].range.start.line, 11, 'the finding moved down with the inserted lines');
      assert.ok(published.length < 10, `every edit was linted (${published.length} publishes for 10 edits)`);
      assert.deepEqual(published.filter((p) => p.version !== p.current), [], 'a result was published for an outdated version');
    } finally {
      listener.dispose();
    }
  });

  it('are cleared when the document closes', async () => {
    // An untitled document closes with its editor; a file's stays open in the background for a while.
    const editor = await openUntitled('FROM python:3.12\nENTRYPOINT python train.py\n');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, hasRule, RULE);
    await closeAllEditors();
    await waitForDiagnostics(uri, (d) => d.length === 0, 'no diagnostics after closing');
  });

  it('go away when the extension is disabled for the workspace', async () => {
    const { document } = await openDockerfile('train/Dockerfile');
    await waitForDiagnostics(document.uri, hasRule, RULE);
    const settings = vscode.workspace.getConfiguration('sagemakerContainers');
    await settings.update('enable', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDiagnostics(document.uri, lacksRule, 'no diagnostics while disabled');
    } finally {
      await settings.update('enable', undefined, vscode.ConfigurationTarget.Workspace);
    }
    await waitForDiagnostics(document.uri, hasRule, `${RULE} after enabling again`);
  });
});
