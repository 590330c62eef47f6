import assert from 'node:assert/strict';
import { lint } from '../../../src/core';
import { expandSnippet, readSnippets, SNIPPET_CASES, snippetDocument } from '../../helpers/snippets';

describe('editor: snippets', () => {
  const snippets = readSnippets();

  it('all start with sm-, are unique and each has a lint case', () => {
    const prefixes = snippets.map((s) => s.prefix);
    assert.ok(prefixes.every((p) => p.startsWith('sm-')), prefixes.join(', '));
    assert.equal(new Set(prefixes).size, prefixes.length);
    assert.deepEqual([...prefixes].sort(), Object.keys(SNIPPET_CASES).sort());
    assert.ok(snippets.every((s) => s.description.length > 20), 'every snippet explains itself');
  });

  for (const snippet of snippets) {
    it(`${snippet.prefix}, at its defaults, lints with no error or warning in ${SNIPPET_CASES[snippet.prefix]?.modes.join('+')}`, () => {
      const testCase = SNIPPET_CASES[snippet.prefix];
      const { modes, findings } = lint(snippetDocument(snippet), { modes: testCase.modes, deployment: testCase.target ? { target: testCase.target } : undefined });
      assert.deepEqual(modes.modes, testCase.modes);
      assert.deepEqual(findings.filter((f) => f.severity !== 'info').map((f) => `${f.ruleId} (line ${f.range.start.line + 1}): ${f.message}`), []);
    });
  }

  it('whole-file snippets are detected as the mode they are for', () => {
    for (const snippet of snippets.filter((s) => !SNIPPET_CASES[s.prefix].host)) {
      const detected = lint(snippetDocument(snippet)).modes.modes;
      assert.deepEqual([...detected].sort(), [...SNIPPET_CASES[snippet.prefix].modes].sort(), snippet.prefix);
    }
  });

  it('placeholders expand to their defaults, mirrors included, and escapes are kept literal', () => {
    assert.equal(expandSnippet('COPY ${1:a.py} /x/${1:a.py}\nENV P="\\${PATH}" ${2|one,two|}$0'), 'COPY a.py /x/a.py\nENV P="${PATH}" one');
    assert.equal(expandSnippet('${1:outer ${2:inner}}'), 'outer inner');
    assert.throws(() => expandSnippet('$TM_FILENAME'), /not supported/);
  });
});
