/**
 * Every rule together against paraphrases of public SageMaker Dockerfiles (test/fixtures/real-world,
 * whose README names where each shape comes from). A working image must give no error and no
 * warning; where the public file is broken, exactly the finding the README explains is expected.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../../src/core/lint/engine';
import { awsSampleNames, REAL_WORLD, stageAwsSample } from '../../helpers/fixtureContext';

/** `line:column rule severity` of the errors and warnings each fixture must give; none when absent. */
const EXPECTED: Record<string, string[]> = {
  'fastapi-cmd-only': ['16:1 cmd-only-launcher error'],
};

describe('real-world-shaped images (all rules, with their build contexts)', () => {
  for (const name of awsSampleNames(REAL_WORLD)) {
    it(`${name}: ${EXPECTED[name] ? 'only the genuine problem the README explains' : 'no error and no warning'}`, () => {
      const fixture = stageAwsSample(name, REAL_WORLD);
      try {
        const { findings } = lint(fixture.dockerfile, { buildContext: fixture.context });
        const loud = findings.filter((f) => f.severity !== 'info')
          .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.severity}`);
        assert.deepStrictEqual(loud, EXPECTED[name] ?? [], findings.filter((f) => f.severity !== 'info').map((f) => f.message).join('\n'));
      } finally {
        fixture.dispose();
      }
    });
  }

  it('has a README row for every folder, and every expected finding belongs to a folder', () => {
    const readme = readFileSync(join(REAL_WORLD, 'README.md'), 'utf8');
    const listed = [...readme.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]).sort();
    assert.deepStrictEqual(listed, awsSampleNames(REAL_WORLD));
    for (const name of Object.keys(EXPECTED)) assert.ok(listed.includes(name), name);
  });
});
