/** Hovers on FROM images, SageMaker variables, capability labels and /opt/ml paths. */
import * as vscode from 'vscode';
import { hoverAt } from '../core/editor/hover';
import { fromPosition, toRange } from './convert';
import { LANGUAGE_ID } from './diagnostics';
import type { EditorConfigs } from './settings';

export function registerHover(configs: EditorConfigs): vscode.Disposable {
  return vscode.languages.registerHoverProvider({ language: LANGUAGE_ID }, {
    async provideHover(document, position) {
      const { config } = await configs.forDocument(document.uri);
      const hover = hoverAt(document.getText(), fromPosition(position), { region: config.region, buildArgs: config.buildArgs });
      if (!hover) return undefined;
      const markdown = new vscode.MarkdownString(hover.markdown);
      return new vscode.Hover(markdown, toRange(hover.range));
    },
  });
}
