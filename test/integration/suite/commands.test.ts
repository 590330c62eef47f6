import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { byRule, closeAllEditors, codeOf, openUntitled, waitForDiagnostics, workspaceUri } from './helpers';

describe('commands', () => {
  afterEach(closeAllEditors);

  it('Insert Pre-built Image URI replaces the FROM argument under the cursor', async () => {
    const editor = await openUntitled('FROM python:3.12\nRUN echo hi\n');
    editor.selection = new vscode.Selection(0, 7, 0, 7);
    const uri = await vscode.commands.executeCommand<string>('sagemakerContainers.insertImageUri', {
      framework: 'pytorch', scope: 'training', version: '2.6.0', processor: 'gpu', region: 'us-east-1',
    });
    assert.equal(uri, '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312');
    assert.equal(editor.document.getText(), `FROM ${uri}\nRUN echo hi\n`);
  });

  it('Set Container Mode writes, rewrites and removes the mode pragma', async () => {
    const editor = await openUntitled('FROM python:3.12\nENTRYPOINT ["python3"]\n');
    await vscode.commands.executeCommand('sagemakerContainers.setContainerMode', ['train', 'serve']);
    assert.equal(editor.document.getText(), '# smlint mode=train,serve\nFROM python:3.12\nENTRYPOINT ["python3"]\n');
    await vscode.commands.executeCommand('sagemakerContainers.setContainerMode', ['processing']);
    assert.equal(editor.document.lineAt(0).text, '# smlint mode=processing');
    await vscode.commands.executeCommand('sagemakerContainers.setContainerMode', []);
    assert.equal(editor.document.getText(), 'FROM python:3.12\nENTRYPOINT ["python3"]\n');
  });

  it('Lint Workspace Dockerfiles fills the Problems panel for files that are not open', async () => {
    const unopened = workspaceUri('unopened/Dockerfile');
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()));
    const summary = await vscode.commands.executeCommand<{ files: number; findings: number }>('sagemakerContainers.lintWorkspace');
    assert.ok(summary.files >= 5, `only ${summary.files} Dockerfiles found`);
    await waitForDiagnostics(unopened, (d) => d.some((x) => codeOf(x) === 'entrypoint-shell-form'), 'entrypoint-shell-form in an unopened file');
    assert.equal(byRule(workspaceUri('configured/Dockerfile'), 'entrypoint-shell-form')[0]?.severity, vscode.DiagnosticSeverity.Error);
  });
});
