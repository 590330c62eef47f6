/**
 * Edits on whole instructions, keeping the rest of the file exactly as it was.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Model } from '../model';
import type { TextEdit } from '../types';

/**
 * Deletes an instruction with its line(s) and line ending. Text sharing its first line (which a
 * Dockerfile does not normally have) is left alone: then only the instruction's own range goes.
 */
export function removeInstructionEdit(model: Model, instruction: Instruction): TextEdit {
  const range = instruction.getRange();
  const lineStart = { line: range.start.line, character: 0 };
  const before = model.textOf({ start: lineStart, end: range.start });
  if (before.trim() !== '') return { range, newText: '' };
  const endOffset = model.offsetAt(range.end);
  const text = model.text;
  let next = endOffset;
  while (text[next] === ' ' || text[next] === '\t') next++;
  if (text[next] === '\r' && text[next + 1] === '\n') next += 2;
  else if (text[next] === '\n' || text[next] === '\r') next += 1;
  else if (next < text.length) return { range, newText: '' };
  return { range: { start: lineStart, end: model.positionAt(next) }, newText: '' };
}
