/** The desktop entry (Node extension host): every feature, with build-context checks on disk. */
import type * as vscode from 'vscode';
import { nodeBuildContexts } from './buildContext';
import type { LintedDocument } from './diagnostics';
import { registerFeatures } from './features';

/** What `activate` returns, for other extensions and the integration run. */
export interface ExtensionApi {
  /** how long `activate` took */
  activationMs: number;
  /** fires after the diagnostics of a document (or an unopened file) are published */
  onDidLint: vscode.Event<LintedDocument>;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  const onDidLint = registerFeatures(context, nodeBuildContexts());
  return { activationMs: performance.now() - started, onDidLint };
}
