/**
 * Variables in instructions, the two ways the linter needs them:
 * - expanded as Docker does it, at the two moments that matter: at build time, for the
 *   instructions whose arguments Docker expands (COPY, USER, WORKDIR, VOLUME, EXPOSE, …) from the
 *   ARG and ENV values declared *before* them; and at run time, when a shell in ENTRYPOINT/CMD
 *   expands `$X` from the image's final ENV (ARGs are gone by then);
 * - found as references (`$X`, `${X}`, `${X:-default}` …) the way the shell (RUN) or Docker's own
 *   substitution (ENV, COPY, FROM, …) would expand them: not inside single quotes, not after an
 *   escape, not `$$`, not in comments, and not in heredocs with a quoted delimiter.
 *   dockerfile-ast's `getVariables()` ignores quoting, so it cannot answer this.
 */
import type { Heredoc, Instruction } from 'dockerfile-ast';
import type { Model, RunStep } from '../model';
import { commandName } from '../shell';
import type { Position, Range } from '../types';

export interface Expansion {
  value: string;
  /** names the linter cannot see a value for; when non-empty, `value` keeps them as written */
  unresolved: string[];
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * Expands `value` as Docker expands the arguments of `instruction`. A variable that the stage
 * sets only later, or sets again later (the model keeps the last value), counts as unresolved.
 */
export function expandAt(model: Model, instruction: Instruction, value: string): Expansion {
  if (!value.includes('$')) return { value, unresolved: [] };
  const stage = model.stageOf(instruction);
  const at = instruction.getRange().start;
  const lookup = (name: string): string | undefined => {
    if (!stage) return undefined;
    const env = stage.env.get(name);
    // ENV wins over ARG; set again after this point, its value here is no longer known.
    if (env) return before(env.instruction.getRange().start, at) ? env.value : undefined;
    const arg = stage.args.get(name);
    if (arg && before(arg.range.start, at)) return arg.value;
    return undefined;
  };
  return model.substitute(value, lookup);
}

/** Expands `value` as a shell in the running container would, from the image's final ENV. */
export function expandAtRuntime(model: Model, value: string): Expansion {
  if (!value.includes('$')) return { value, unresolved: [] };
  const env = model.finalStage?.env;
  return model.substitute(value, (name) => env?.get(name)?.value);
}

export interface VariableReference {
  name: string;
  /**
   * true for `${X-d}`, `${X:-d}`, `${X=d}`, `${X:?m}`, `${X:+a}` and their colon-less forms: the
   * text itself says what happens when X is unset, so an unset X is not a mistake there.
   */
  guarded: boolean;
  /** the whole reference, `$X` or `${…}` */
  range: Range;
}

/**
 * - `shell`: RUN text; quotes, escapes and `#` comments as sh reads them.
 * - `docker`: Docker's substitution in ENV, LABEL, COPY, FROM …: quotes and escapes, no comments.
 * - `heredoc`: an unquoted heredoc body; quotes are plain text, `\` still escapes `$`.
 */
export type ExpansionMode = 'shell' | 'docker' | 'heredoc';

/** References in `range` of the document. */
export function variableReferences(model: Model, range: Range, mode: ExpansionMode): VariableReference[] {
  const start = model.offsetAt(range.start);
  const text = model.text.slice(start, model.offsetAt(range.end));
  if (!text.includes('$')) return [];
  return scan(text, mode, model.escape)
    .map((r) => ({ name: r.name, guarded: r.guarded, range: model.rangeOf(start + r.start, start + r.end) }));
}

/**
 * References in an instruction's arguments. Heredoc bodies are read as the shell reads them: an
 * unquoted delimiter (`<<EOF`) expands variables, a quoted one (`<<'EOF'`, `<<"EOF"`, `<<\EOF`) does not.
 */
export function instructionVariableReferences(model: Model, instruction: Instruction, mode: Exclude<ExpansionMode, 'heredoc'>): VariableReference[] {
  const args = model.argumentsRange(instruction);
  if (!args) return [];
  const start = model.offsetAt(args.start);
  const end = model.offsetAt(args.end);
  // Heredoc bodies are inside the arguments' range, so text with no `$` refers to nothing.
  const dollar = model.text.indexOf('$', start);
  if (dollar < 0 || dollar >= end) return [];
  const heredocs = model.textOf(args).includes('<<')
    ? (instruction as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs?.() ?? []
    : [];
  let text = model.text.slice(start, end);
  const bodies: { from: number; to: number; expands: boolean }[] = [];
  for (const heredoc of heredocs) {
    const body = heredoc.getContentRange();
    if (!body) continue;
    const from = model.offsetAt(body.start) - start;
    const to = model.offsetAt(body.end) - start;
    bodies.push({ from, to, expands: !/['"\\]/.test(model.textOf(heredoc.getStartRange())) });
    // Blank the body out of the command text, keeping offsets and line breaks.
    text = text.slice(0, from) + text.slice(from, to).replace(/[^\n]/g, ' ') + text.slice(to);
  }
  const escape = model.escape;
  const found = scan(text, mode, escape);
  for (const body of bodies) {
    if (!body.expands) continue;
    found.push(...scan(model.text.slice(start + body.from, start + body.to), 'heredoc', escape)
      .map((r) => ({ ...r, start: r.start + body.from, end: r.end + body.from })));
  }
  return found
    .sort((a, b) => a.start - b.start)
    .map((r) => ({ name: r.name, guarded: r.guarded, range: model.rangeOf(start + r.start, start + r.end) }));
}

/** Builtins whose operands name the variables they set. */
const ASSIGNING = new Set(['export', 'local', 'declare', 'typeset', 'readonly']);
/** `source`/`.`/`eval` run text the linter cannot see. */
const OPAQUE = new Set(['source', '.', 'eval']);

/**
 * The shell variables a RUN step sets itself (`X=1`, `export X=…`, `for X in`, `read X`), which
 * are therefore not build arguments wherever they are used in that step. `undefined` when the step
 * sources or evaluates other text, so that any variable may be set.
 */
export function shellAssignedNames(run: RunStep): Set<string> | undefined {
  const names = new Set<string>();
  const nameOf = (value: string) => /^[A-Za-z_][A-Za-z0-9_]*/.exec(value)?.[0];
  for (const command of run.commands) {
    for (const assignment of command.assignments) {
      const name = nameOf(assignment.value);
      if (name) names.add(name);
    }
    const [first, ...rest] = command.words;
    const verb = commandName(first);
    if (OPAQUE.has(verb)) return undefined;
    if (ASSIGNING.has(verb) || verb === 'read' || verb === 'getopts') {
      for (const word of rest) {
        const name = !word.value.startsWith('-') ? nameOf(word.value) : undefined;
        if (name) names.add(name);
      }
    } else if ((verb === 'for' || verb === 'select') && rest[0]) {
      const name = nameOf(rest[0].value);
      if (name) names.add(name);
    }
  }
  return names;
}

interface RawReference { name: string; guarded: boolean; start: number; end: number }

function scan(text: string, mode: ExpansionMode, escape: string): RawReference[] {
  const found: RawReference[] = [];
  const n = text.length;
  const lineBreak = (i: number) => (text[i] === '\n' ? 1 : text[i] === '\r' && text[i + 1] === '\n' ? 2 : 0);
  let double = false;
  let i = 0;
  while (i < n) {
    const c = text[i];
    if (c === escape || c === '\\') {
      const br = lineBreak(i + 1);
      if (br && c === escape && mode !== 'heredoc') {
        i = skipCommentLines(text, i + 1 + br);
      } else {
        i += 2;
      }
      continue;
    }
    if (mode !== 'heredoc') {
      if (c === "'" && !double) {
        const close = text.indexOf("'", i + 1);
        i = close < 0 ? n : close + 1;
        continue;
      }
      if (c === '"') { double = !double; i++; continue; }
      if (c === '#' && mode === 'shell' && !double && (i === 0 || /\s/.test(text[i - 1]))) {
        while (i < n && text[i] !== '\n') i++;
        continue;
      }
    }
    if (c !== '$') { i++; continue; }
    const next = text[i + 1];
    if (next === '$') { i += 2; continue; }
    if (next === '{') {
      let j = i + 2;
      if (text[j] === '#' && /[A-Za-z_]/.test(text[j + 1] ?? '')) j++;
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(j))?.[0];
      if (!name) { i += 2; continue; }
      const after = j + name.length;
      const operator = text.slice(after, after + 2);
      const guarded = /^:?[-=?+]/.test(operator);
      // Scanning goes on inside the braces: `${A:-$B}` refers to B as well.
      found.push({ name, guarded, start: i, end: closingBrace(text, i + 1) });
      i = after;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
    if (name) {
      found.push({ name, guarded: false, start: i, end: i + 1 + name.length });
      i += 1 + name.length;
      continue;
    }
    i++;
  }
  return found;
}

/** Docker drops comment lines inside a continued instruction before anything expands. */
function skipCommentLines(text: string, i: number): number {
  for (;;) {
    let j = i;
    while (text[j] === ' ' || text[j] === '\t') j++;
    if (text[j] !== '#') return i;
    while (j < text.length && text[j] !== '\n') j++;
    i = j + 1;
  }
}

function closingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i + 1;
  }
  return text.length;
}
