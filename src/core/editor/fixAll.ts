/** The edits of "fix all" (`source.fixAll.smlint`): every safe fix of a file, applied in one go. */
import type { Finding, Position, TextEdit } from '../lint/types';

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/**
 * The edits of every finding's `fix`. A fix that overlaps an earlier one is left out, whole, for
 * the next run: an editor refuses overlapping edits, and half a fix could break the file.
 */
export function fixAllEdits(findings: readonly Finding[]): TextEdit[] {
  const fixes = findings.flatMap((f) => (f.fix && f.fix.edits.length > 0 ? [f.fix.edits] : []));
  const taken: TextEdit[] = [];
  for (const edits of fixes) {
    const overlaps = edits.some((edit) => taken.some((t) => compare(edit.range.start, t.range.end) < 0 && compare(t.range.start, edit.range.end) < 0
      || (compare(edit.range.start, t.range.start) === 0 && compare(edit.range.end, t.range.end) === 0)));
    if (!overlaps) taken.push(...edits);
  }
  return taken.sort((a, b) => compare(a.range.start, b.range.start));
}
