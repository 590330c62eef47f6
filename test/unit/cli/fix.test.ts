import assert from 'node:assert/strict';
import { fixText, MAX_FIX_PASSES } from '../../../src/cli/fix';
import type { Finding, LintResult, Range, TextEdit } from '../../../src/core/lint/types';

const at = (line: number, from: number, to: number): Range => ({ start: { line, character: from }, end: { line, character: to } });

function result(findings: Finding[]): LintResult {
  return { modes: { modes: ['train'], origin: 'default', reasons: [] }, findings };
}

function withFix(edits: TextEdit[], fix = true): Finding {
  const change = { title: 't', edits };
  return { ruleId: 'r', messageId: 'm', severity: 'warning', message: 'm', docsUrl: '', range: edits[0].range, ...(fix ? { fix: change } : { suggestions: [change] }) };
}

describe('fixText', () => {
  it('repeats until a pass changes nothing, reporting the last lint result', () => {
    // Each pass can fix only the first "x", as when one fix makes the next one possible.
    const lint = (text: string) => result(text.includes('x') ? [withFix([{ range: at(0, text.indexOf('x'), text.indexOf('x') + 1), newText: 'y' }])] : []);
    const outcome = fixText('axbxcx', lint);
    assert.equal(outcome.text, 'aybycy');
    assert.equal(outcome.passes, 3);
    assert.deepEqual(outcome.result.findings, []);
  });

  it('applies a fix whole or not at all when fixes overlap, and never applies suggestions', () => {
    const first = withFix([{ range: at(0, 0, 2), newText: 'AB' }, { range: at(1, 0, 1), newText: 'C' }]);
    const overlapping = withFix([{ range: at(0, 1, 3), newText: '??' }, { range: at(1, 2, 3), newText: '!' }]);
    const suggestion = withFix([{ range: at(1, 2, 3), newText: 'S' }], false);
    let calls = 0;
    const outcome = fixText('abc\ncde', () => result(calls++ === 0 ? [first, overlapping, suggestion] : []));
    assert.equal(outcome.text, 'ABc\nCde');
  });

  it('stops after the pass limit when fixes undo each other', () => {
    const flip = (text: string) => result([withFix([{ range: at(0, 0, 1), newText: text === 'a' ? 'b' : 'a' }])]);
    const outcome = fixText('a', flip);
    assert.equal(outcome.passes, MAX_FIX_PASSES);
    assert.equal(outcome.result.findings.length, 1, 'the remaining finding is reported');
  });
});
