/**
 * The one place where core data becomes VS Code data: positions, ranges, severities, findings and
 * edits. Everything else in the extension goes through these functions.
 */
import * as vscode from 'vscode';
import type { Finding, Position, Range, Severity, TextEdit } from '../core';

export const DIAGNOSTIC_SOURCE = 'smlint';

const SEVERITIES: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

export function toPosition(position: Position): vscode.Position {
  return new vscode.Position(position.line, position.character);
}

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(toPosition(range.start), toPosition(range.end));
}

export function toSeverity(severity: Severity): vscode.DiagnosticSeverity {
  return SEVERITIES[severity];
}

export function toDiagnostic(finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.range), finding.message, toSeverity(finding.severity));
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: vscode.Uri.parse(finding.docsUrl) };
  return diagnostic;
}

/** The rule id behind a diagnostic of ours, or undefined for anyone else's diagnostic. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

export function toTextEdits(edits: readonly TextEdit[]): vscode.TextEdit[] {
  return edits.map((edit) => new vscode.TextEdit(toRange(edit.range), edit.newText));
}

export function toWorkspaceEdit(uri: vscode.Uri, edits: readonly TextEdit[]): vscode.WorkspaceEdit {
  const workspaceEdit = new vscode.WorkspaceEdit();
  workspaceEdit.set(uri, toTextEdits(edits));
  return workspaceEdit;
}
