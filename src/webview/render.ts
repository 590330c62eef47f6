/**
 * Draws a WizardView with createElement and textContent only: the view carries text from the
 * catalog and from the user (a script name), and none of it may ever be parsed as markup.
 */
import type { FileSpec, QuestionId, QuestionView, Reason, WizardView } from '../protocol/wizard';

/** What the user did, reported to main.ts, which turns it into protocol messages. */
export interface Actions {
  answer(question: QuestionId, value: string): void;
  back(): void;
  reset(): void;
  create(): void;
  openDocs(url: string): void;
  /** the file shown in the preview changed */
  preview(path: string): void;
}

/** Page-only state that survives a redraw. */
export interface Local {
  /** the file whose contents are shown */
  preview?: string;
  /** the last outcome of "Create files", or an error from the host */
  status?: { text: string; error: boolean };
}

/** More options than this become a drop-down list instead of radio buttons. */
const RADIO_LIMIT = 7;

type Children = (Node | string | false | undefined)[];

function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<Record<string, string>> = {}, ...children: Children): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) if (value !== undefined) element.setAttribute(name, value);
  for (const child of children) if (child !== false && child !== undefined) element.append(child);
  return element;
}

function docsLink(url: string, text: string, actions: Actions, label?: string): HTMLAnchorElement {
  const link = h('a', { href: url, 'aria-label': label }, text);
  // Links leave through the host, which opens only the URLs of the current view.
  link.addEventListener('click', (event) => {
    event.preventDefault();
    actions.openDocs(url);
  });
  return link;
}

function radios(q: QuestionView, actions: Actions): HTMLElement {
  const helpId = `help-${q.id}`;
  const fieldset = h('fieldset', { class: 'question', id: `q-${q.id}`, 'aria-describedby': helpId },
    h('legend', {}, q.label),
    h('p', { class: 'help', id: helpId }, q.help));
  q.options.forEach((option, i) => {
    const id = `${q.id}-${i}`;
    const input = h('input', { type: 'radio', name: q.id, id, value: option.value });
    input.checked = q.answer === option.value;
    input.addEventListener('change', () => actions.answer(q.id, option.value));
    fieldset.append(h('div', { class: 'option' }, input,
      h('label', { for: id }, option.label, option.description ? h('span', { class: 'description' }, ` — ${option.description}`) : undefined)));
  });
  return fieldset;
}

function dropdown(q: QuestionView, actions: Actions): HTMLElement {
  const id = `select-${q.id}`;
  const select = h('select', { id, 'aria-describedby': `help-${q.id}` });
  if (q.answer === undefined) select.append(h('option', { value: '', disabled: '', selected: '' }, 'Choose…'));
  for (const option of q.options) {
    const element = h('option', { value: option.value }, option.description ? `${option.label} — ${option.description}` : option.label);
    element.selected = q.answer === option.value;
    select.append(element);
  }
  select.addEventListener('change', () => actions.answer(q.id, select.value));
  return h('div', { class: 'question', id: `q-${q.id}` },
    h('label', { for: id, class: 'legend' }, q.label),
    h('p', { class: 'help', id: `help-${q.id}` }, q.help),
    select);
}

function textQuestion(q: QuestionView, actions: Actions): HTMLElement {
  const id = `text-${q.id}`;
  const problemId = `problem-${q.id}`;
  const input = h('input', {
    type: 'text', id, spellcheck: 'false', 'aria-describedby': `help-${q.id}${q.problem ? ` ${problemId}` : ''}`,
    'aria-invalid': q.problem ? 'true' : undefined,
  });
  input.value = q.problem?.value ?? q.answer ?? q.defaultValue ?? '';
  const apply = () => actions.answer(q.id, input.value.trim());
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') apply();
  });
  input.addEventListener('change', apply);
  return h('div', { class: 'question', id: `q-${q.id}` },
    h('label', { for: id, class: 'legend' }, q.label),
    h('p', { class: 'help', id: `help-${q.id}` }, q.help),
    input,
    q.problem && h('p', { class: 'problem', id: problemId, role: 'alert' }, q.problem.message));
}

function question(q: QuestionView, actions: Actions): HTMLElement {
  if (q.kind === 'text') return textQuestion(q, actions);
  return q.options.length > RADIO_LIMIT ? dropdown(q, actions) : radios(q, actions);
}

function reason(r: Reason, actions: Actions): HTMLElement {
  return h('li', { class: r.severity === 'warning' ? 'reason warning' : 'reason' },
    h('p', {}, r.severity === 'warning' ? h('strong', {}, 'Warning: ') : undefined, r.text),
    h('p', { class: 'cause' }, 'Because you answered ', h('q', {}, r.cause.label), ' to ', h('q', {}, r.cause.questionLabel), '. ',
      docsLink(r.url, 'AWS documentation', actions, `AWS documentation: ${r.text}`)));
}

function button(id: string, text: string, onClick: () => void, props: Partial<Record<string, string>> = {}): HTMLButtonElement {
  const element = h('button', { type: 'button', id, ...props }, text);
  element.addEventListener('click', onClick);
  return element;
}

function files(list: FileSpec[], local: Local, actions: Actions): HTMLElement {
  const shown = list.find((f) => f.path === local.preview) ?? list[0];
  const items = list.map((f) => h('li', {}, button(`file-${f.path}`, f.path, () => actions.preview(f.path), {
    class: 'file', 'aria-pressed': String(f === shown), 'aria-controls': 'preview',
  })));
  return h('div', { class: 'files' },
    h('h3', {}, 'Files'),
    h('ul', { class: 'file-list', 'aria-label': 'Files to create' }, ...items),
    h('pre', { id: 'preview', tabindex: '0', 'aria-label': `Contents of ${shown.path}` }, h('code', {}, shown.contents)));
}

function recommendation(v: WizardView, local: Local, actions: Actions): HTMLElement {
  const rec = v.recommendation;
  if (!rec) {
    return h('section', { class: 'result', 'aria-labelledby': 'result-title' },
      h('h2', { id: 'result-title' }, 'Recommendation'),
      h('p', { class: 'help' }, 'It appears as soon as your answers decide it.'));
  }
  return h('section', { class: 'result', 'aria-labelledby': 'result-title' },
    h('h2', { id: 'result-title' }, `Path ${rec.path.number}: ${rec.path.title}`),
    h('p', {}, rec.path.summary, ' ', docsLink(rec.path.url, 'AWS documentation', actions, `AWS documentation: ${rec.path.title}`)),
    rec.images.length > 0 && h('div', { class: 'images' },
      h('h3', {}, rec.images.length > 1 ? 'Pre-built images' : 'Pre-built image'),
      h('ul', {}, ...rec.images.map((i) => h('li', {}, `${i.role}: `, h('code', {}, i.uri))))),
    h('h3', {}, 'Why'),
    h('ul', { class: 'reasons' }, ...rec.reasons.map((r) => reason(r, actions))),
    v.files.length > 0 && files(v.files, local, actions),
    v.files.length > 0 && button('create', 'Create files…', actions.create, { class: 'primary' }),
    rec.complete && v.files.length === 0 && h('p', { class: 'help' }, 'There is nothing to build: use the image above.'),
    !rec.complete && h('p', { class: 'help' }, 'The files appear once every question is answered.'));
}

/** Replaces the page's content with the view, keeping focus and scroll where they were. */
export function render(root: HTMLElement, v: WizardView, local: Local, actions: Actions): void {
  const focused = document.activeElement?.id;
  const scroll = document.getElementById('preview')?.scrollTop;
  const rec = v.recommendation;
  root.replaceChildren(
    h('header', {},
      h('h1', {}, 'SageMaker Container Wizard'),
      h('p', { class: 'help' }, 'Answer a few questions. The wizard picks one of SageMaker\'s ways to build a container, says why, and writes the files.')),
    // Announced to screen readers when the path or an outcome changes, not on every redraw.
    h('p', { class: 'visually-hidden', role: 'status' }, rec ? `Recommendation: path ${rec.path.number}, ${rec.path.title}.` : ''),
    h('div', { class: 'columns' },
      h('section', { class: 'questions', 'aria-label': 'Questions' },
        ...v.questions.map((q) => question(q, actions)),
        h('div', { class: 'actions' },
          button('back', 'Back', actions.back, { class: 'secondary', ...v.canGoBack ? {} : { disabled: '' } }),
          button('reset', 'Start over', actions.reset, { class: 'secondary' }))),
      recommendation(v, local, actions)),
    local.status ? h('p', { class: local.status.error ? 'status error' : 'status', role: local.status.error ? 'alert' : 'status' }, local.status.text) : '',
  );
  const target = focused ? document.getElementById(focused) : null;
  if (target) target.focus();
  const preview = document.getElementById('preview');
  if (preview && scroll !== undefined) preview.scrollTop = scroll;
}
