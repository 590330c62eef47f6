import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../src/core/lint/rules';
import { withRuleTable } from './rule-table';

const path = join(__dirname, '..', 'README.md');
writeFileSync(path, withRuleTable(readFileSync(path, 'utf8'), allRules));
console.log(`README.md: rule table written (${allRules.length} rules)`);
