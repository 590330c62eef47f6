import type { Finding, Position, TextEdit } from './types';

/**
 * Offsets of the start of every line, with LSP's line breaks (`\r\n`, `\n`, and a lone `\r`) so
 * that positions agree with dockerfile-ast and the editor.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
  // Without a carriage return, the engine's own search finds the line feeds far faster than a loop.
  if (!text.includes('\r')) {
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
    return starts;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

export function offsetAt(starts: readonly number[], text: string, position: Position): number {
  if (position.line < 0) return 0;
  if (position.line >= starts.length) return text.length;
  const lineEnd = position.line + 1 < starts.length ? starts[position.line + 1] - 1 : text.length;
  return Math.min(starts[position.line] + Math.max(0, position.character), lineEnd);
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * Applies edits to a text, as LSP does: all ranges refer to the original text. Overlapping edits
 * are an error in the caller, so the later of two overlapping edits is dropped rather than
 * producing garbage.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const starts = lineStarts(text);
  const sorted = [...edits].sort((a, b) => compare(a.range.start, b.range.start) || compare(a.range.end, b.range.end));
  let out = '';
  let cursor = 0;
  for (const edit of sorted) {
    const start = offsetAt(starts, text, edit.range.start);
    const end = Math.max(start, offsetAt(starts, text, edit.range.end));
    if (start < cursor) continue;
    out += text.slice(cursor, start) + edit.newText;
    cursor = end;
  }
  return out + text.slice(cursor);
}

/** The line-ending a file uses, so inserted lines match it. */
export function eolOf(text: string): '\r\n' | '\n' {
  return /\r\n/.test(text) ? '\r\n' : '\n';
}

/**
 * The edits of every finding's safe `fix`, in document order, each fix whole or not at all. A fix
 * with an edit that touches or overlaps one already chosen waits for the next pass, as in ESLint:
 * an editor refuses overlapping edits, two insertions at one point have no defined order, and half
 * a fix could break the file. `smlint --fix` and the editor's fix-all both use it, so they agree.
 */
export function fixEdits(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  for (const finding of findings) {
    const edits = finding.fix?.edits;
    if (!edits?.length) continue;
    const conflicts = edits.some((edit) => chosen.some((taken) =>
      compare(edit.range.start, taken.range.end) <= 0 && compare(taken.range.start, edit.range.end) <= 0));
    if (!conflicts) chosen.push(...edits);
  }
  return chosen.sort((a, b) => compare(a.range.start, b.range.start));
}
