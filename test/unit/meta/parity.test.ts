/**
 * Every rule is registered, tested and documented, with consistent metadata (ESLint's
 * checkRuleFiles, typescript-eslint's docs.test, Biome's rules_check), and its docs examples run.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint } from '../../../src/core/lint/engine';
import { allRules } from '../../../src/core/lint/rules';
import { memoryContext } from '../../helpers/ruleTester';

const root = join(__dirname, '..', '..', '..');
const ruleFiles = readdirSync(join(root, 'src/core/lint/rules')).filter((f) => f !== 'index.ts' && f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''));
const SOURCE_TAG = /^(DG|TT|IT|SDK|API|EX|EXP|DLC|DLCold|PTI|PTT|HFI|MMS|WEB|ISS)(:|-|$)/;

describe('rule parity', () => {
  it('registers every rule file, alphabetically, with unique ids', () => {
    const ids = allRules.map((r) => r.meta.id);
    assert.deepStrictEqual([...ids].sort(), [...ruleFiles].sort());
    assert.deepStrictEqual(ids, [...ids].sort(), 'keep rules/index.ts alphabetical');
    assert.equal(new Set(ids).size, ids.length);
  });

  for (const rule of allRules) {
    const { id } = rule.meta;
    describe(id, () => {
      it('has a test file and a docs page', () => {
        assert.ok(existsSync(join(root, 'test/unit/rules', `${id}.test.ts`)), `missing test/unit/rules/${id}.test.ts`);
        assert.ok(existsSync(join(root, 'docs/rules', `${id}.md`)), `missing docs/rules/${id}.md`);
      });

      it('has metadata that follows the policy', () => {
        assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
        assert.ok(rule.meta.summary.length > 10 && !rule.meta.summary.includes('\n'));
        assert.ok(rule.meta.modes.length > 0, 'a rule applies to at least one mode');
        assert.ok(rule.meta.source.length > 0 && rule.meta.source.every((s) => SOURCE_TAG.test(s)), `source tags must come from sagemaker-contract.md §0: ${rule.meta.source.join(', ')}`);
        assert.ok(!(rule.meta.basis === 'heuristic' && rule.meta.severity === 'error'), 'a heuristic rule is never an error');
        assert.ok(Object.keys(rule.meta.messages).length > 0);
      });

      it('has a docs page whose title is the id, whose first line is the summary, and whose examples hold', () => {
        const page = readFileSync(join(root, 'docs/rules', `${id}.md`), 'utf8');
        const lines = page.split('\n');
        assert.equal(lines[0], `# ${id}`);
        assert.equal(lines[2], rule.meta.summary, 'the line under the title is meta.summary');
        for (const heading of ['## What SageMaker does at run time', '## Why it fails', '## Incorrect', '## Correct', '## Sources']) {
          assert.ok(lines.includes(heading), `missing "${heading}"`);
        }
        // A ```json context block right after an example is its build context: path → file text.
        const blocks = [...page.matchAll(/```dockerfile (incorrect|correct)\n([\s\S]*?)```(?:\s*```json context\n([\s\S]*?)```)?/g)];
        assert.ok(blocks.some((b) => b[1] === 'incorrect') && blocks.some((b) => b[1] === 'correct'), 'needs an incorrect and a correct example');
        for (const [, kind, code, files] of blocks) {
          const buildContext = files === undefined ? undefined : memoryContext(JSON.parse(files) as Record<string, string>);
          const found = lint(code, { ruleSet: [rule], buildContext }).findings.filter((f) => f.ruleId === id);
          if (kind === 'incorrect') assert.ok(found.length > 0, `incorrect example reports nothing:\n${code}`);
          else assert.deepStrictEqual(found.map((f) => f.message), [], `correct example reports:\n${code}`);
        }
      });
    });
  }
});
