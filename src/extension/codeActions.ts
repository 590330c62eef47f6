/**
 * Quick fixes for smlint diagnostics (the safe fix first and preferred, each suggestion, the two
 * ignore pragmas, the rule's documentation) and `source.fixAll.smlint` for fix-on-save. Findings
 * come from the diagnostics' last lint of the same document version.
 */
import * as vscode from 'vscode';
import { ENGINE_IDS, type Finding } from '../core';
import { fixEdits } from '../core/lint/edits';
import { ignoreForInstructionEdits, ignoreInFileEdits } from '../core/editor/pragmaEdits';
import type { TextEdit } from '../core';
import { ruleIdOf, toRange, toWorkspaceEdit } from './convert';
import { type Diagnostics, LANGUAGE_ID } from './diagnostics';

export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('smlint');

const ENGINE: ReadonlySet<string> = new Set(Object.values(ENGINE_IDS));

class SmlintCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly diagnostics: Diagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const result = this.diagnostics.resultFor(document);
    if (!result) return [];
    const only = context.only;
    const actions: vscode.CodeAction[] = [];
    if (!only || only.contains(vscode.CodeActionKind.QuickFix)) {
      const text = document.getText();
      for (const diagnostic of context.diagnostics) {
        const finding = result.findings.find((f) => f.ruleId === ruleIdOf(diagnostic) && toRange(f.range).isEqual(diagnostic.range));
        if (finding) actions.push(...quickFixes(document, text, finding, diagnostic));
      }
    }
    if (only?.contains(FIX_ALL_KIND)) {
      const edits = fixEdits(result.findings);
      if (edits.length > 0) actions.push(action('Fix all smlint problems', FIX_ALL_KIND, document, edits));
    }
    return actions;
  }
}

function quickFixes(document: vscode.TextDocument, text: string, finding: Finding, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
  const { ruleId } = finding;
  const actions: vscode.CodeAction[] = [];
  if (finding.fix) {
    const fix = action(finding.fix.title, vscode.CodeActionKind.QuickFix, document, finding.fix.edits, diagnostic);
    fix.isPreferred = true;
    actions.push(fix);
  }
  for (const suggestion of finding.suggestions ?? []) {
    actions.push(action(suggestion.title, vscode.CodeActionKind.QuickFix, document, suggestion.edits, diagnostic));
  }
  // Engine findings (pragma problems, internal errors) are not rules and cannot be ignored.
  if (!ENGINE.has(ruleId)) {
    const local = ignoreForInstructionEdits(text, finding.range.start.line, ruleId);
    if (local) actions.push(action(`Ignore ${ruleId} for this instruction`, vscode.CodeActionKind.QuickFix, document, local, diagnostic));
    actions.push(action(`Ignore ${ruleId} in this file`, vscode.CodeActionKind.QuickFix, document, ignoreInFileEdits(text, ruleId), diagnostic));
  }
  const docs = new vscode.CodeAction(`Show documentation for ${ruleId}`, vscode.CodeActionKind.QuickFix);
  docs.command = { title: docs.title, command: 'vscode.open', arguments: [vscode.Uri.parse(finding.docsUrl)] };
  docs.diagnostics = [diagnostic];
  actions.push(docs);
  return actions;
}

function action(title: string, kind: vscode.CodeActionKind, document: vscode.TextDocument, edits: readonly TextEdit[], diagnostic?: vscode.Diagnostic): vscode.CodeAction {
  const codeAction = new vscode.CodeAction(title, kind);
  codeAction.edit = toWorkspaceEdit(document.uri, edits);
  if (diagnostic) codeAction.diagnostics = [diagnostic];
  return codeAction;
}

export function registerCodeActions(diagnostics: Diagnostics): vscode.Disposable {
  return vscode.languages.registerCodeActionsProvider({ language: LANGUAGE_ID }, new SmlintCodeActions(diagnostics), {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  });
}
