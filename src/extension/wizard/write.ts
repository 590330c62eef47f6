/**
 * Writes the wizard's files into the workspace through `workspace.fs`, which also works in remote
 * and virtual workspaces. It asks for the folder, asks before replacing each file that exists, and
 * refuses anything that would land outside the workspace folder.
 */
import * as vscode from 'vscode';
import { DEFAULT_TARGET, folderProblem, isInside, normalizeFolder, type FileSpec } from '../../core/wizard';

export interface Target {
  /** the workspace folder (or, with no workspace, the folder the user picked) */
  root: vscode.Uri;
  /** '/'-separated, relative to `root`; empty for `root` itself */
  folder: string;
}

export interface WriteResult {
  folder: vscode.Uri;
  written: string[];
  skipped: string[];
}

/** Asks where to write: a workspace folder (or any folder when none is open), then a folder inside it. */
export async function askTarget(): Promise<Target | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  let root: vscode.Uri | undefined;
  if (folders.length === 1) root = folders[0].uri;
  else if (folders.length > 1) root = (await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Workspace folder for the container files' }))?.uri;
  else root = (await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: 'Create the container here' }))?.[0];
  if (!root) return undefined;
  const typed = await vscode.window.showInputBox({
    title: 'Create the container files',
    prompt: `A folder inside ${vscode.workspace.asRelativePath(root, true) || root.fsPath}; it is created if missing. Leave empty for the folder itself.`,
    value: DEFAULT_TARGET,
    validateInput: folderProblem,
  });
  if (typed === undefined) return undefined;
  return { root, folder: normalizeFolder(typed) };
}

/** Asks before replacing an existing file; the default answer keeps the user's file. */
async function confirmReplace(relative: string): Promise<boolean> {
  const replace = 'Replace';
  const answer = await vscode.window.showWarningMessage(`${relative} already exists. Replace it with the wizard's version?`, { modal: true }, replace, 'Keep mine');
  return answer === replace;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function within(root: vscode.Uri, uri: vscode.Uri): boolean {
  const base = root.path.endsWith('/') ? root.path : `${root.path}/`;
  return uri.scheme === root.scheme && uri.authority === root.authority && (uri.path === root.path || uri.path.startsWith(base));
}

/**
 * Writes `files` under `target`. Each path is checked twice: as text (no absolute path, no `..`)
 * and as the final URI (inside the root), so a bad path can never be written.
 */
export async function writeFiles(target: Target, files: readonly FileSpec[], confirm: (relative: string) => Promise<boolean> = confirmReplace): Promise<WriteResult> {
  const problem = folderProblem(target.folder);
  if (problem) throw new Error(problem);
  const folder = target.folder ? vscode.Uri.joinPath(target.root, ...target.folder.split('/')) : target.root;
  const written: string[] = [];
  const skipped: string[] = [];
  const encoder = new TextEncoder();
  for (const file of files) {
    const uri = vscode.Uri.joinPath(folder, ...file.path.split('/'));
    const relative = target.folder ? `${target.folder}/${file.path}` : file.path;
    if (!isInside(file.path) || !within(target.root, uri)) throw new Error(`Refusing to write ${file.path}: it is outside ${target.root.path}.`);
    if (await exists(uri) && !(await confirm(relative))) {
      skipped.push(relative);
      continue;
    }
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(uri, '..'));
    await vscode.workspace.fs.writeFile(uri, encoder.encode(file.contents));
    written.push(relative);
  }
  return { folder, written, skipped };
}
