/**
 * The VS Code for the Web entry (web-worker host). The same features, the wizard included, without
 * build-context checks: they need to list files and read executable bits, which `workspace.fs` cannot give.
 */
import type * as vscode from 'vscode';
import { registerFeatures } from './features';

export function activate(context: vscode.ExtensionContext): void {
  registerFeatures(context, undefined);
}
