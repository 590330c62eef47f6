import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import { EXTENSION_ID, metrics, workspaceUri } from './helpers';

describe('activation', () => {
  it('waits for a Dockerfile, then activates', async () => {
    const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.isActive, false, 'the extension activated before any Dockerfile was opened');
    const opened = performance.now();
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('train/Dockerfile')));
    for (let waited = 0; !extension.isActive; waited += 10) {
      assert.ok(waited < 10_000, 'opening a Dockerfile did not activate the extension');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    metrics.activateCallMs = Number(extension.exports.activationMs.toFixed(1));
    metrics.openToActiveMs = Math.round(performance.now() - opened);
  });
});
