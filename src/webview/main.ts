/**
 * The wizard page. It holds no logic: it draws the host's view, reports what the user does, and
 * saves the answers with setState so the panel serializer can restore them after a window reload.
 */
import { assertNever, type HostToWebview, type WebviewState, type WebviewToHost, type WizardView } from '../protocol/wizard';
import { render, type Actions, type Local } from './render';

// acquireVsCodeApi may be called once per page, and the handle must not leak to other scripts.
const vscode = acquireVsCodeApi<WebviewState>();
const root = document.getElementById('app') as HTMLElement;

function post(message: WebviewToHost): void {
  vscode.postMessage(message);
}

let current: WizardView | undefined;
const local: Local = {};

const actions: Actions = {
  answer: (question, value) => post({ type: 'answer', question, value }),
  back: () => post({ type: 'back' }),
  reset: () => {
    local.status = undefined;
    post({ type: 'reset' });
  },
  create: () => post({ type: 'scaffold' }),
  openDocs: (url) => post({ type: 'openDocs', url }),
  preview: (path) => {
    local.preview = path;
    draw();
  },
};

function draw(): void {
  if (current) render(root, current, local, actions);
}

function receive(message: HostToWebview): void {
  switch (message.type) {
    case 'state':
      current = message.view;
      vscode.setState({ answers: Object.fromEntries(current.questions.filter((q) => q.answer !== undefined).map((q) => [q.id, q.answer as string])) });
      break;
    case 'scaffolded':
      local.status = {
        text: `Wrote ${message.written.length} file${message.written.length === 1 ? '' : 's'} to ${message.folder}`
          + `${message.skipped.length ? `; kept your ${message.skipped.length} existing file${message.skipped.length === 1 ? '' : 's'}` : ''}.`,
        error: false,
      };
      break;
    case 'error':
      local.status = { text: message.message, error: true };
      break;
    default:
      assertNever(message);
  }
  draw();
}

window.addEventListener('message', (event: MessageEvent<HostToWebview>) => receive(event.data));
// Only now can the page hear the answer: the host replies to "ready" with the state.
post({ type: 'ready' });
