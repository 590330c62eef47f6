/**
 * Edits that write `# smlint …` pragmas: the "Ignore <id>" quick fixes and "Set Container Mode".
 * They keep the file's line endings and extend a pragma already in place rather than stacking a
 * second one, so repeated use leaves one tidy line.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { cachedByString } from '../cache';
import { eolOf } from '../lint/edits';
import type { Mode, Position, TextEdit } from '../lint/types';

// Docker reads parser directives only before the first comment, blank line or instruction, so a
// pragma inserted above them would turn them into plain comments.
const DIRECTIVE = /^\s*#\s*(syntax|escape|check)\s*=/i;
const IGNORE_PRAGMA = /^(\s*#\s*smlint\s+ignore\s*=\s*)(\S*)/;
const GLOBAL_PRAGMA = /^(\s*#\s*smlint\s+global\s+ignore\s*=\s*)(\S*)/;
const MODE_PRAGMA = /^(\s*#\s*smlint\s+mode\s*=\s*)(\S*)/;

function linesOf(text: string): string[] {
  return text.split('\n').map((line) => line.replace(/\r$/, ''));
}

function at(line: number, character: number): Position {
  return { line, character };
}

function insertLine(line: number, content: string, eol: string): TextEdit {
  return { range: { start: at(line, 0), end: at(line, 0) }, newText: content + eol };
}

/** Adds `id` to the comma list matched by `pattern` on `line`; no edit when it is already there. */
function extendList(line: string, lineNo: number, pattern: RegExp, id: string): TextEdit[] | undefined {
  const match = pattern.exec(line);
  if (!match) return undefined;
  const [, lead, list] = match;
  if (list.split(',').includes(id)) return [];
  const end = lead.length + list.length;
  return [{ range: { start: at(lineNo, end), end: at(lineNo, end) }, newText: list ? `,${id}` : id }];
}

/**
 * The line span of every instruction of a text. The quick-fix provider asks once per diagnostic
 * whenever the cursor moves, so the spans of the last few texts are kept instead of re-parsing.
 */
const instructionSpans = cachedByString((text) => DockerfileParser.parse(text).getInstructions()
  .map((i) => ({ start: i.getRange().start.line, end: i.getRange().end.line })), 4);

/** The first line of the instruction that spans `line`, or undefined when no instruction does. */
export function instructionStartLine(text: string, line: number): number | undefined {
  return instructionSpans(text).find((span) => span.start <= line && line <= span.end)?.start;
}

/**
 * `# smlint ignore=<id>` above the instruction that spans `line`, indented like it. When a smlint
 * ignore pragma already sits directly above, `id` joins its list.
 */
export function ignoreForInstructionEdits(text: string, line: number, id: string): TextEdit[] | undefined {
  const start = instructionStartLine(text, line);
  if (start === undefined) return undefined;
  const lines = linesOf(text);
  const above = start > 0 ? extendList(lines[start - 1], start - 1, IGNORE_PRAGMA, id) : undefined;
  if (above) return above;
  const indent = /^\s*/.exec(lines[start])?.[0] ?? '';
  return [insertLine(start, `${indent}# smlint ignore=${id}`, eolOf(text))];
}

/** The line after the parser directives at the top of the file: where file-wide pragmas go. */
export function afterDirectives(text: string): number {
  const lines = linesOf(text);
  let line = 0;
  while (line < lines.length && DIRECTIVE.test(lines[line].replace(/^\uFEFF/, ''))) line++;
  return line;
}

/** `# smlint global ignore=<id>` at the top of the file, or `id` added to the one already there. */
export function ignoreInFileEdits(text: string, id: string): TextEdit[] {
  const lines = linesOf(text);
  for (let i = 0; i < lines.length; i++) {
    const extended = extendList(lines[i], i, GLOBAL_PRAGMA, id);
    if (extended) return extended;
  }
  return [insertLine(afterDirectives(text), `# smlint global ignore=${id}`, eolOf(text))];
}

/**
 * Writes the modes into the `# smlint mode=` pragma: rewrites the one in place, or adds one at the
 * top. An empty list removes the pragma, handing the decision back to detection.
 */
export function setModeEdits(text: string, modes: readonly Mode[]): TextEdit[] {
  const lines = linesOf(text);
  const existing = lines.findIndex((line) => MODE_PRAGMA.test(line));
  if (existing >= 0) {
    if (modes.length === 0) {
      const end = existing + 1 < lines.length ? at(existing + 1, 0) : at(existing, lines[existing].length);
      return [{ range: { start: at(existing, 0), end }, newText: '' }];
    }
    const [, lead, list] = MODE_PRAGMA.exec(lines[existing]) as RegExpExecArray;
    return [{ range: { start: at(existing, lead.length), end: at(existing, lead.length + list.length) }, newText: modes.join(',') }];
  }
  return modes.length === 0 ? [] : [insertLine(afterDirectives(text), `# smlint mode=${modes.join(',')}`, eolOf(text))];
}
