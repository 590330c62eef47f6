import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../../src/core/lint/rules';
import { withRuleTable } from '../../../scripts/rule-table';

describe('README', () => {
  const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

  it('has the current rule table (run npm run gen:readme after changing rule metadata)', () => {
    assert.equal(readme, withRuleTable(readme, allRules));
  });

  it('names the test command that .ci/run runs', () => {
    const ci = readFileSync(join(__dirname, '..', '..', '..', '.ci', 'run'), 'utf8');
    assert.match(readme, /^npm test$/m);
    assert.match(ci, /^npm test$/m);
  });
});
