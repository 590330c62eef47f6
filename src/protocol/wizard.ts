/**
 * The messages between the wizard's webview and the extension host, typed on both sides
 * (architecture.md §3.6). The page is a renderer: it sends what the user did and receives the whole
 * view to draw. Everything from the page is untrusted and goes through {@link isWebviewToHost}.
 *
 * Only types come from the core, so the page's bundle carries none of the wizard's logic.
 */
import type { QuestionId, WizardView } from '../core/wizard';

export type { FileSpec, QuestionId, QuestionView, Reason, WizardView } from '../core/wizard';

/** The page → the host. */
export type WebviewToHost =
  /** the page's listener is installed: send the state */
  | { type: 'ready' }
  | { type: 'answer'; question: QuestionId; value: string }
  | { type: 'back' }
  | { type: 'reset' }
  /** write the files of the current view */
  | { type: 'scaffold' }
  /** open one of the view's AWS documentation links */
  | { type: 'openDocs'; url: string };

/** The host → the page. */
export type HostToWebview =
  | { type: 'state'; view: WizardView }
  | { type: 'scaffolded'; folder: string; written: string[]; skipped: string[] }
  | { type: 'error'; message: string };

/** What the page saves with `setState`, for the panel serializer after a window reload. */
export interface WebviewState {
  answers: Partial<Record<QuestionId, string>>;
}

/** Every question id; `satisfies` keeps the list in step with the core's union. */
const QUESTIONS = {
  purpose: true, hosting: true, endpoint: true, approach: true, algorithm: true, framework: true, dependencies: true,
  networkIsolation: true, existingImage: true, instanceType: true, version: true, pyVersion: true, region: true, entryScript: true,
} as const satisfies Record<QuestionId, true>;

/** Long enough for any option value or script name; a longer string is not an answer. */
const MAX_VALUE = 200;
const MAX_URL = 2048;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isQuestionId(value: unknown): value is QuestionId {
  return typeof value === 'string' && Object.hasOwn(QUESTIONS, value);
}

function isAnswerValue(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_VALUE;
}

/** Whether an object has exactly these keys: extra fields mean the sender is not our page. */
function hasKeys(value: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Object.keys(value);
  return own.length === keys.length && keys.every((k) => Object.hasOwn(value, k));
}

/** Checks a message from the page before the host acts on it. */
export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'ready': case 'back': case 'reset': case 'scaffold':
      return hasKeys(value, ['type']);
    case 'answer':
      return hasKeys(value, ['type', 'question', 'value']) && isQuestionId(value.question) && isAnswerValue(value.value);
    case 'openDocs':
      return hasKeys(value, ['type', 'url']) && typeof value.url === 'string' && value.url.length <= MAX_URL && value.url.startsWith('https://');
    default:
      return false;
  }
}

/** Checks state handed back by VS Code after a reload: the page wrote it, so it is untrusted too. */
export function isWebviewState(value: unknown): value is WebviewState {
  return isRecord(value) && hasKeys(value, ['answers']) && isRecord(value.answers)
    && Object.entries(value.answers).every(([k, v]) => isQuestionId(k) && isAnswerValue(v));
}

/** The default branch of an exhaustive switch over a message union: a new message fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected message: ${JSON.stringify(value)}`);
}
