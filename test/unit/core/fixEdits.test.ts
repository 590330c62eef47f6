import assert from 'node:assert/strict';
import type { Finding, TextEdit } from '../../../src/core';
import { fixEdits } from '../../../src/core/lint/edits';

const edit = (line: number, from: number, to: number, newText: string): TextEdit => ({ range: { start: { line, character: from }, end: { line, character: to } }, newText });
const finding = (ruleId: string, edits?: TextEdit[]): Finding => ({
  ruleId, messageId: 'm', severity: 'warning', message: 'm', docsUrl: 'u', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
  ...(edits ? { fix: { title: `fix ${ruleId}`, edits } } : {}),
});

describe('fixEdits: the fixes smlint --fix and the editor\'s fix-all apply', () => {
  it('takes every fix, in document order, and skips findings without one', () => {
    const edits = fixEdits([finding('b', [edit(3, 0, 1, 'B')]), finding('none'), finding('a', [edit(1, 0, 1, 'A')])]);
    assert.deepEqual(edits, [edit(1, 0, 1, 'A'), edit(3, 0, 1, 'B')]);
  });

  it('leaves out a whole fix when any of its edits overlaps or touches an earlier fix', () => {
    const edits = fixEdits([
      finding('first', [edit(1, 0, 5, 'x')]),
      finding('overlapping', [edit(1, 4, 8, 'y'), edit(2, 0, 0, 'z')]),
      finding('same-insertion', [edit(1, 0, 5, 'w')]),
      finding('touching', [edit(1, 5, 6, 'v')]),
    ]);
    // Touching edits wait for the next pass too: two edits meeting at one point have no defined order.
    assert.deepEqual(edits, [edit(1, 0, 5, 'x')]);
  });

  it('takes a fix that starts right after a chosen one on another line', () => {
    assert.deepEqual(fixEdits([finding('a', [edit(1, 0, 5, 'x')]), finding('b', [edit(2, 0, 0, 'y')])]), [edit(1, 0, 5, 'x'), edit(2, 0, 0, 'y')]);
  });
});
