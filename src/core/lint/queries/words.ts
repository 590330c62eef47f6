/**
 * Edits on single shell words inside an instruction, keeping the instruction's layout: its line
 * continuations, its indentation, and whatever command follows on the same line.
 */
import type { Model } from '../model';
import type { Word } from '../shell';
import type { TextEdit } from '../types';

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';

/**
 * Deletes `word` from its command (e.g. one package of an install list). A word alone on a
 * continuation line takes its line with it; the last word of a continued command takes the
 * preceding `\` with it, so the next instruction is never pulled into this one.
 */
export function removeWordEdit(model: Model, word: Word): TextEdit {
  const text = model.text;
  const escape = model.dockerfile.getEscapeCharacter();
  const start = model.offsetAt(word.range.start);
  const end = model.offsetAt(word.range.end);
  let left = start;
  while (isBlank(text[left - 1])) left--;
  let right = end;
  while (isBlank(text[right])) right++;
  const lineBreakAt = (i: number) => (text[i] === '\n' ? 1 : text[i] === '\r' && text[i + 1] === '\n' ? 2 : 0);
  const continuesAt = (i: number) => text[i] === escape && lineBreakAt(i + 1) > 0;
  const endsLine = right >= text.length || lineBreakAt(right) > 0;
  const aloneOnLine = left === 0 || text[left - 1] === '\n';

  let from = start;
  let to = end;
  if (aloneOnLine && continuesAt(right)) {
    from = left;
    to = right + 1 + lineBreakAt(right + 1);
  } else if (aloneOnLine && endsLine) {
    // The previous line ends with the continuation that joined this word to the command.
    let i = left - 1;
    if (text[i - 1] === '\r') i--;
    if (text[i - 1] === escape) {
      i--;
      while (isBlank(text[i - 1])) i--;
      from = i;
    } else {
      from = left;
    }
  } else if (endsLine || continuesAt(right)) {
    from = left;
  } else {
    to = right;
  }
  return { range: model.rangeOf(from, to), newText: '' };
}
