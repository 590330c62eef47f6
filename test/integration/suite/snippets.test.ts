import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readSnippets, SNIPPET_CASES, snippetDocument } from '../../helpers/snippets';
import { closeAllEditors, lintedNow, openUntitled } from './helpers';

describe('snippets', () => {
  afterEach(closeAllEditors);

  for (const snippet of readSnippets()) {
    it(`${snippet.prefix} inserts and lints clean`, async () => {
      const testCase = SNIPPET_CASES[snippet.prefix];
      assert.ok(testCase, `no case for ${snippet.prefix} in test/helpers/snippets.ts`);
      const settings = vscode.workspace.getConfiguration('sagemakerContainers');
      if (testCase.target) await settings.update('target', testCase.target, vscode.ConfigurationTarget.Workspace);
      try {
        const [before, after] = (testCase.host ?? '{}').split('{}');
        const pragma = `# smlint mode=${testCase.modes.join(',')}\n`;
        const editor = await openUntitled(pragma + before + after);
        const at = editor.document.positionAt(pragma.length + before.length);
        assert.ok(await editor.insertSnippet(new vscode.SnippetString(snippet.body), at));
        assert.equal(editor.document.getText(), pragma + snippetDocument(snippet));
        const problems = (await lintedNow(editor.document)).filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
        assert.deepEqual(problems.map((d) => `${d.range.start.line + 1}: ${d.message}`), []);
      } finally {
        if (testCase.target) await settings.update('target', undefined, vscode.ConfigurationTarget.Workspace);
      }
    });
  }
});
