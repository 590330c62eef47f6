/** Completion of SageMaker images in FROM, toolkit variables in ENV and capability labels in LABEL. */
import * as vscode from 'vscode';
import { type CompletionKind, completionsAt } from '../core/editor/completion';
import { fromPosition, toRange } from './convert';
import { LANGUAGE_ID } from './diagnostics';
import { type EditorConfigs, regionOf } from './settings';

const KINDS: Record<CompletionKind, vscode.CompletionItemKind> = {
  image: vscode.CompletionItemKind.Module,
  tag: vscode.CompletionItemKind.Constant,
  variable: vscode.CompletionItemKind.Variable,
  label: vscode.CompletionItemKind.Property,
};

export function registerCompletion(configs: EditorConfigs): vscode.Disposable {
  return vscode.languages.registerCompletionItemProvider({ language: LANGUAGE_ID }, {
    async provideCompletionItems(document, position) {
      const { config } = await configs.forDocument(document.uri);
      return completionsAt(document.getText(), fromPosition(position), regionOf(config)).map((completion) => {
        const item = new vscode.CompletionItem(completion.label, KINDS[completion.kind]);
        item.insertText = completion.snippet ? new vscode.SnippetString(completion.insertText) : completion.insertText;
        item.range = toRange(completion.range);
        item.detail = completion.detail;
        if (completion.documentation) item.documentation = new vscode.MarkdownString(completion.documentation);
        item.sortText = completion.sortText;
        if (completion.filterText) item.filterText = completion.filterText;
        if (completion.retrigger) item.command = { title: 'Pick a tag', command: 'editor.action.triggerSuggest' };
        return item;
      });
    },
  }, ':', '/');
}
