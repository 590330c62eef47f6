/**
 * The wizard's webview panel: one at a time (a second "open" reveals it), restored after a window
 * reload by a serializer from the answers the page saved. The panel object holds the session,
 * which outlives the page: VS Code destroys a hidden webview's page and the page asks again with
 * `ready` when it is shown (cheaper than `retainContextWhenHidden`).
 */
import * as vscode from 'vscode';
import { EMPTY_SESSION, sessionOf, update, view, type Session, type WizardView } from '../../core/wizard';
import { assertNever, isWebviewState, isWebviewToHost, type HostToWebview, type WebviewToHost } from '../../protocol/wizard';
import { askTarget, writeFiles } from './write';

export const VIEW_TYPE = 'sagemakerContainers.wizard';
export const OPEN_COMMAND = 'sagemakerContainers.openWizard';
const TITLE = 'SageMaker Container Wizard';

/** The page may load only the built script and the stylesheet. */
function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

/** A nonce from a cryptographic source: a guessable one would let injected markup run scripts. */
function nonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

function html(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', 'main.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'wizard.css'));
  const once = nonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${once}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${TITLE}</title>
</head>
<body>
<main id="app"><p>Loading the wizard…</p></main>
<script nonce="${once}" src="${script}"></script>
</body>
</html>`;
}

/** The links the view shows: the only URLs an `openDocs` message may open. */
function linksOf(v: WizardView): string[] {
  const rec = v.recommendation;
  return rec ? [rec.path.url, ...rec.reasons.map((r) => r.url)] : [];
}

class WizardPanel implements vscode.Disposable {
  static current: WizardPanel | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private session: Session;
  /** the view of `session`, refreshed wherever `session` changes */
  private current: WizardView;

  static show(extensionUri: vscode.Uri): void {
    if (WizardPanel.current) {
      WizardPanel.current.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, TITLE, vscode.ViewColumn.Active, webviewOptions(extensionUri));
    WizardPanel.current = new WizardPanel(panel, extensionUri, EMPTY_SESSION);
  }

  /**
   * After a window reload. VS Code revives a panel only when its tab is shown, so the command may
   * have opened a new wizard first; that one is kept. The saved state came from the page, so it is
   * checked like a message.
   */
  static revive(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, state: unknown): void {
    if (WizardPanel.current) {
      panel.dispose();
      return;
    }
    WizardPanel.current = new WizardPanel(panel, extensionUri, isWebviewState(state) ? sessionOf(state.answers) : EMPTY_SESSION);
  }

  private constructor(private readonly panel: vscode.WebviewPanel, extensionUri: vscode.Uri, session: Session) {
    this.session = session;
    this.current = view(session);
    // A restored panel keeps the options it was saved with; set them again in case they changed.
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = html(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message).catch((error: unknown) => {
        this.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      })),
    );
  }

  private setSession(session: Session): void {
    this.session = session;
    this.current = view(session);
  }

  private post(message: HostToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  private async receive(message: unknown): Promise<void> {
    // The page is untrusted: anything that is not one of our messages is dropped.
    if (!isWebviewToHost(message)) return;
    const msg: WebviewToHost = message;
    switch (msg.type) {
      case 'ready':
        break;
      case 'answer':
        this.setSession(update(this.session, { type: 'answer', question: msg.question, value: msg.value }));
        break;
      case 'back':
      case 'reset':
        this.setSession(update(this.session, { type: msg.type }));
        break;
      case 'scaffold':
        await this.scaffold();
        return;
      case 'openDocs':
        if (linksOf(this.current).includes(msg.url)) await vscode.env.openExternal(vscode.Uri.parse(msg.url, true));
        return;
      default:
        assertNever(msg);
    }
    this.post({ type: 'state', view: this.current });
  }

  private async scaffold(): Promise<void> {
    const current = this.current;
    if (current.files.length === 0) {
      this.post({ type: 'error', message: 'Answer every question first: the files depend on all of them.' });
      return;
    }
    const target = await askTarget();
    if (!target) return;
    try {
      const result = await writeFiles(target, current.files);
      // Opening the file also shows it in the Explorer (explorer.autoReveal) and keeps the focus on it.
      if (current.primary) {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(result.folder, ...current.primary.split('/')), { viewColumn: vscode.ViewColumn.Beside });
      }
      this.post({ type: 'scaffolded', folder: vscode.workspace.asRelativePath(result.folder, true), written: result.written, skipped: result.skipped });
    } catch (error) {
      this.post({ type: 'error', message: `The files could not be written: ${error instanceof Error ? error.message : String(error)}` });
    }
  }

  dispose(): void {
    if (WizardPanel.current === this) WizardPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/**
 * The wizard opens only when asked (command palette, walkthrough, welcome view): VS Code's UX
 * guidelines discourage webviews that open by themselves.
 */
export function registerWizard(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(OPEN_COMMAND, () => WizardPanel.show(context.extensionUri)),
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      deserializeWebviewPanel: async (panel, state) => WizardPanel.revive(panel, context.extensionUri, state),
    }),
    { dispose: () => WizardPanel.current?.dispose() },
  );
}
