/**
 * Registers every editor feature. The desktop and web entries differ only in the build contexts
 * they can offer, so both call this.
 */
import type * as vscode from 'vscode';
import type { BuildContexts } from './buildContext';
import { registerCodeActions } from './codeActions';
import { registerCommands } from './commands';
import { registerCompletion } from './completion';
import { Diagnostics, type LintedDocument } from './diagnostics';
import { registerHover } from './hover';
import { EditorConfigs } from './settings';
import { registerStatusBar } from './statusBar';
import { registerWizard } from './wizard/panel';

/** Registers the features; returns the event of published lint results, for the extension's API. */
export function registerFeatures(context: vscode.ExtensionContext, contexts: BuildContexts | undefined): vscode.Event<LintedDocument> {
  const configs = new EditorConfigs();
  const diagnostics = new Diagnostics(configs, contexts);
  context.subscriptions.push(
    configs,
    diagnostics,
    ...(contexts ? [contexts] : []),
    registerCodeActions(diagnostics),
    registerHover(configs),
    registerCompletion(configs),
    registerCommands(diagnostics, configs),
    registerStatusBar(diagnostics),
  );
  registerWizard(context);
  return diagnostics.onDidLint;
}
