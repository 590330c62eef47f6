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
  /** files were created or deleted in a listed context: rules that look at it may answer differently */
  readonly onDidChange: vscode.Event<void>;
}

/** How long a burst of file events (npm install, a build, a git checkout) is gathered into one reset. */
const RESET_DEBOUNCE_MS = 300;

export function nodeBuildContexts(): BuildContexts {
  // A context lists its folder once; it is dropped when files appear or disappear below that folder.
  const cache = new Map<string, NodeBuildContext>();
  const changed = new vscode.EventEmitter<void>();
  const watcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
  const touched = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    timer = undefined;
    let dropped = false;
    for (const dir of cache.keys()) {
      if ([...touched].some((file) => isBelow(file, dir))) dropped = cache.delete(dir) || dropped;
    }
    touched.clear();
    if (dropped) changed.fire();
  };
  const reset = (uri: vscode.Uri) => {
    touched.add(uri.fsPath);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, RESET_DEBOUNCE_MS);
  };
  const disposables = [changed, watcher, watcher.onDidCreate(reset), watcher.onDidDelete(reset), { dispose: () => timer && clearTimeout(timer) }];
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

function isBelow(file: string, dir: string): boolean {
  return file.length > dir.length && file.startsWith(dir) && (file[dir.length] === '/' || file[dir.length] === '\\');
}
