/** The container modes of the active Dockerfile in the status bar; a click sets them. */
import * as vscode from 'vscode';
import { modesText, modesTooltip } from '../core/editor/status';
import { type Diagnostics, isDockerfile } from './diagnostics';

export const SET_MODE_COMMAND = 'sagemakerContainers.setContainerMode';

export function registerStatusBar(diagnostics: Diagnostics): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('sagemakerContainers.modes', vscode.StatusBarAlignment.Right, 100);
  item.name = 'SageMaker container modes';
  item.command = SET_MODE_COMMAND;
  const update = () => {
    const document = vscode.window.activeTextEditor?.document;
    const result = document && isDockerfile(document) ? diagnostics.resultFor(document) : undefined;
    // While a new version is being linted the last modes stay up, rather than flicker away.
    if (!document || !isDockerfile(document)) {
      item.hide();
    } else if (result) {
      item.text = modesText(result.modes);
      item.tooltip = new vscode.MarkdownString(modesTooltip(result.modes));
      item.show();
    }
  };
  update();
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor(update),
    diagnostics.onDidLint((linted) => {
      if (linted.uri.toString() === vscode.window.activeTextEditor?.document.uri.toString()) update();
    }),
  );
}
