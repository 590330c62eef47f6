import type { Position, TextEdit } from './types';

/**
 * Offsets of the start of every line, with LSP's line breaks (`\r\n`, `\n`, and a lone `\r`) so
 * that positions agree with dockerfile-ast and the editor.
 */
export function lineStarts(text: string): number[] {
  const starts = [0];
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
