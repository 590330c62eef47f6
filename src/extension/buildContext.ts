/**
 * Build contexts for the desktop (Node) extension host: the CLI's lazy `NodeBuildContext` on the
 * Dockerfile's folder, as `smlint` uses it. Not part of the web entry, which has no file system
 * the checks could stat. In an untrusted workspace there is none either: the context reads
 * executable bits through `git`, and a repository's git config can run commands.
 */
import * as vscode from 'vscode';
import { NodeBuildContext } from '../cli/buildContext';
import type { BuildContext } from '../core';

export interface BuildContexts extends vscode.Disposable {
  contextFor(uri: vscode.Uri): BuildContext | undefined;
  /** files were created or deleted: rules that look at the context may answer differently */
  readonly onDidChange: vscode.Event<void>;
}

export function nodeBuildContexts(): BuildContexts {
  // A context lists its folder once; the cache is dropped whenever files appear or disappear.
  const cache = new Map<string, NodeBuildContext>();
  const changed = new vscode.EventEmitter<void>();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  const reset = () => {
    cache.clear();
    changed.fire();
  };
  const disposables = [changed, watcher, watcher.onDidCreate(reset), watcher.onDidDelete(reset)];
  return {
    onDidChange: changed.event,
    contextFor(uri) {
      if (uri.scheme !== 'file' || !vscode.workspace.isTrusted) return undefined;
      const dir = vscode.Uri.joinPath(uri, '..').fsPath;
      let context = cache.get(dir);
      if (!context) cache.set(dir, (context = new NodeBuildContext(dir)));
      return context;
    },
    dispose: () => disposables.forEach((d) => d.dispose()),
  };
}
