import assert from 'node:assert/strict';
import { applyEdits, lint } from '../../../src/core';
import {
  afterDirectives, ignoreForInstructionEdits, ignoreInFileEdits, instructionStartLine, setModeEdits,
} from '../../../src/core/editor/pragmaEdits';

const SHELL_FORM = 'FROM python:3.12\nENTRYPOINT python train.py\n';

const shellFormFindings = (text: string) => lint(text).findings.filter((f) => f.ruleId === 'entrypoint-shell-form').length;

function apply(text: string, edits: ReturnType<typeof setModeEdits> | undefined): string {
  assert.ok(edits, 'expected edits');
  return applyEdits(text, edits);
}

describe('editor: pragma edits', () => {
  describe('ignore for this instruction', () => {
    it('inserts the pragma above the instruction and silences the finding', () => {
      const out = apply(SHELL_FORM, ignoreForInstructionEdits(SHELL_FORM, 1, 'entrypoint-shell-form'));
      assert.equal(out, 'FROM python:3.12\n# smlint ignore=entrypoint-shell-form\nENTRYPOINT python train.py\n');
      assert.equal(shellFormFindings(SHELL_FORM), 1);
      assert.equal(shellFormFindings(out), 0);
    });

    it('keeps the indentation and CRLF line endings', () => {
      const text = 'FROM python:3.12\r\n  ENTRYPOINT python train.py\r\n';
      assert.equal(apply(text, ignoreForInstructionEdits(text, 1, 'x-rule')), 'FROM python:3.12\r\n  # smlint ignore=x-rule\r\n  ENTRYPOINT python train.py\r\n');
    });

    it('goes above the first line of a continued instruction', () => {
      const text = 'FROM python:3.12\nRUN pip install \\\n    flask\n';
      assert.equal(instructionStartLine(text, 2), 1);
      assert.equal(apply(text, ignoreForInstructionEdits(text, 2, 'a')), 'FROM python:3.12\n# smlint ignore=a\nRUN pip install \\\n    flask\n');
    });

    it('joins an ignore pragma already above, once', () => {
      const text = 'FROM python:3.12\n# smlint ignore=a\nENTRYPOINT python train.py\n';
      assert.equal(apply(text, ignoreForInstructionEdits(text, 2, 'b')), 'FROM python:3.12\n# smlint ignore=a,b\nENTRYPOINT python train.py\n');
      assert.deepEqual(ignoreForInstructionEdits(text, 2, 'a'), []);
    });

    it('offers nothing on a line outside any instruction', () => {
      assert.equal(ignoreForInstructionEdits('# just a comment\n', 0, 'a'), undefined);
    });
  });

  describe('ignore in this file', () => {
    it('goes after parser directives, which must stay first', () => {
      const text = '# syntax=docker/dockerfile:1\n# escape=`\nFROM python:3.12\n';
      assert.equal(afterDirectives(text), 2);
      assert.equal(apply(text, ignoreInFileEdits(text, 'a')), '# syntax=docker/dockerfile:1\n# escape=`\n# smlint global ignore=a\nFROM python:3.12\n');
    });

    it('silences the finding everywhere in the file', () => {
      const out = apply(SHELL_FORM, ignoreInFileEdits(SHELL_FORM, 'entrypoint-shell-form'));
      assert.equal(out, '# smlint global ignore=entrypoint-shell-form\n' + SHELL_FORM);
      assert.equal(shellFormFindings(out), 0);
    });

    it('extends an existing global pragma', () => {
      const text = 'FROM python:3.12\n# smlint global ignore=a\n';
      assert.equal(apply(text, ignoreInFileEdits(text, 'b')), 'FROM python:3.12\n# smlint global ignore=a,b\n');
    });
  });

  describe('set container mode', () => {
    it('adds a mode pragma that the engine obeys', () => {
      const out = apply(SHELL_FORM, setModeEdits(SHELL_FORM, ['train', 'serve']));
      assert.equal(out, '# smlint mode=train,serve\n' + SHELL_FORM);
      assert.deepEqual(lint(out).modes.modes, ['train', 'serve']);
      assert.equal(lint(out).modes.origin, 'pragma');
    });

    it('rewrites the pragma in place, and removes it for no modes', () => {
      const text = 'FROM python:3.12\n# smlint mode=train\nCMD ["x"]\n';
      assert.equal(apply(text, setModeEdits(text, ['processing'])), 'FROM python:3.12\n# smlint mode=processing\nCMD ["x"]\n');
      assert.equal(apply(text, setModeEdits(text, [])), 'FROM python:3.12\nCMD ["x"]\n');
      assert.deepEqual(setModeEdits(SHELL_FORM, []), []);
    });
  });
});
