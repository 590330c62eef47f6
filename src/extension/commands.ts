/**
 * The palette commands: Insert Pre-built Image URI, Set Container Mode and Lint Workspace
 * Dockerfiles. Each also takes its answers as arguments, so keybindings, walkthrough links and the
 * integration tests can run it without the quick picks.
 */
import * as vscode from 'vscode';
import { type ImageChoices, fromImageTarget, nextImageStep } from '../core/editor/imagePicker';
import { setModeEdits } from '../core/editor/pragmaEdits';
import { type Mode, MODES } from '../core';
import { basename } from '../core/lint/commands';
import { isDockerfileName, SKIPPED_DIRECTORIES } from '../core/lint/dockerfiles';
import { DIAGNOSTIC_SOURCE, fromPosition, toRange, toWorkspaceEdit } from './convert';
import { type Diagnostics, isDockerfile } from './diagnostics';
import { type EditorConfigs, regionOf } from './settings';
import { SET_MODE_COMMAND } from './statusBar';

const COMMANDS = {
  insertImageUri: 'sagemakerContainers.insertImageUri',
  setContainerMode: SET_MODE_COMMAND,
  lintWorkspace: 'sagemakerContainers.lintWorkspace',
} as const;

/** A wide search; `isDockerfileName` then decides, as it does for smlint and the pre-commit hook. */
const CANDIDATES = '**/{Dockerfile,Dockerfile.*,Containerfile,Containerfile.*,*.dockerfile,*.Dockerfile,*.containerfile,*.Containerfile}';
const SKIPPED = `{${[...SKIPPED_DIRECTORIES].map((dir) => `**/${dir}/**`).join(',')}}`;

const MODE_DESCRIPTIONS: Record<Mode, string> = {
  train: 'training job: docker run IMAGE train',
  serve: 'endpoint, batch transform, async or serverless: docker run IMAGE serve',
  processing: 'processing job: the image\'s own ENTRYPOINT/CMD',
  studio: 'SageMaker Studio custom image',
};

export function registerCommands(diagnostics: Diagnostics, configs: EditorConfigs): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COMMANDS.insertImageUri, (choices?: ImageChoices) => insertImageUri(configs, choices)),
    vscode.commands.registerCommand(COMMANDS.setContainerMode, (modes?: Mode[]) => setContainerMode(diagnostics, modes)),
    vscode.commands.registerCommand(COMMANDS.lintWorkspace, () => lintWorkspace(diagnostics)),
  );
}

/** Returns the inserted URI, or undefined when the user cancelled or the catalog could not build one. */
async function insertImageUri(configs: EditorConfigs, given: ImageChoices = {}): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const preferred = editor ? regionOf((await configs.forDocument(editor.document.uri)).config) : undefined;
  const choices: ImageChoices = { ...given };
  for (;;) {
    const step = nextImageStep(choices, preferred);
    if (step.kind === 'done') {
      if (!step.result.ok) {
        void vscode.window.showErrorMessage(step.result.message);
        return undefined;
      }
      if (editor) {
        await insertUri(editor, step.result.uri);
      } else {
        await vscode.env.clipboard.writeText(step.result.uri);
        void vscode.window.showInformationMessage(`Copied ${step.result.uri}`);
      }
      return step.result.uri;
    }
    const picked = await vscode.window.showQuickPick(
      step.options.map((option) => ({ label: option.label, description: option.description, value: option.value })),
      { title: `SageMaker image: ${step.title}`, placeHolder: step.title, matchOnDescription: true },
    );
    if (!picked) return undefined;
    (choices as Record<string, string>)[step.id] = picked.value;
  }
}

async function insertUri(editor: vscode.TextEditor, uri: string): Promise<void> {
  const target = isDockerfile(editor.document) ? fromImageTarget(editor.document.getText(), fromPosition(editor.selection.active)) : undefined;
  await editor.edit((edit) => {
    if (target) edit.replace(toRange(target.range), target.prefix + uri);
    else edit.replace(editor.selection, uri);
  });
}

async function setContainerMode(diagnostics: Diagnostics, given?: Mode[]): Promise<Mode[] | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !isDockerfile(editor.document)) {
    void vscode.window.showInformationMessage('Open a Dockerfile to set its SageMaker container modes.');
    return undefined;
  }
  const document = editor.document;
  let modes = given;
  if (!modes) {
    const current = diagnostics.resultFor(document)?.modes.modes ?? [];
    const picked = await vscode.window.showQuickPick(
      MODES.map((mode) => ({ label: mode, description: MODE_DESCRIPTIONS[mode], picked: current.includes(mode) })),
      { canPickMany: true, title: 'SageMaker container modes', placeHolder: 'The jobs this image is built for (none: detect from the file)' },
    );
    if (!picked) return undefined;
    modes = picked.map((item) => item.label);
  }
  await vscode.workspace.applyEdit(toWorkspaceEdit(document.uri, setModeEdits(document.getText(), modes)));
  return modes;
}

/** Lints every Dockerfile in the workspace into the Problems panel; returns how many files and findings. */
async function lintWorkspace(diagnostics: Diagnostics): Promise<{ files: number; findings: number }> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'smlint: linting Dockerfiles', cancellable: true },
    async (progress, token) => {
      const uris = (await vscode.workspace.findFiles(CANDIDATES, SKIPPED, undefined, token))
        .filter((uri) => isDockerfileName(basename(uri.path)));
      let files = 0;
      let findings = 0;
      for (const uri of uris) {
        if (token.isCancellationRequested) break;
        progress.report({ message: vscode.workspace.asRelativePath(uri), increment: 100 / uris.length });
        const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
        if (open) {
          await diagnostics.lintNow(open);
        } else {
          const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
          await diagnostics.lintUnopened(uri, text);
        }
        files++;
        findings += vscode.languages.getDiagnostics(uri).filter((d) => d.source === DIAGNOSTIC_SOURCE).length;
      }
      return { files, findings };
    },
  );
}
