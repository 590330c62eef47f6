/** Small position helpers shared by the hover and completion builders. */
import { lineStarts } from '../lint/edits';
import type { Position, Range } from '../lint/types';

/** Line `line` without its line break, counting lines as positions do (`\r\n`, `\n` and a lone `\r`). */
export function lineAt(text: string, line: number): string {
  const starts = lineStarts(text);
  if (line < 0 || line >= starts.length) return '';
  const end = line + 1 < starts.length ? starts[line + 1] : text.length;
  return text.slice(starts[line], end).replace(/\r?\n$|\r$/, '');
}

/** The run of characters matching `chars` (a one-character class) around `position`, or undefined. */
export function tokenAt(text: string, position: Position, chars: RegExp): { text: string; range: Range } | undefined {
  const line = lineAt(text, position.line);
  let start = Math.min(position.character, line.length);
  let end = start;
  while (start > 0 && chars.test(line[start - 1])) start--;
  while (end < line.length && chars.test(line[end])) end++;
  if (start === end) return undefined;
  return { text: line.slice(start, end), range: { start: { line: position.line, character: start }, end: { line: position.line, character: end } } };
}

export function contains(range: Range, position: Position): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
