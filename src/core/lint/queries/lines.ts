/**
 * Edits that add whole instructions, in the file's own line endings and at exact positions.
 */
import type { Instruction } from 'dockerfile-ast';
import type { Model, Stage } from '../model';
import type { TextEdit } from '../types';

/** Inserts `line` as a new line right after `instruction` (after its last continuation line). */
export function insertLineAfter(model: Model, instruction: Instruction, line: string): TextEdit {
  const end = instruction.getRange().end;
  return { range: { start: end, end }, newText: model.eol() + line };
}

/** The instruction a line is best added after to change the image: the last one of the stage. */
export function lastInstruction(stage: Stage): Instruction {
  return stage.instructions[stage.instructions.length - 1] ?? stage.from;
}
