import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatSarif } from '../../../src/cli/format/sarif';
import type { FileReport } from '../../../src/cli/report';
import { docsUrl } from '../../../src/core/lint/docs';
import { ENGINE_DOCS_URL, ENGINE_IDS } from '../../../src/core/lint/engine';
import { allRules } from '../../../src/core/lint/rules';
import type { Finding, Severity } from '../../../src/core/lint/types';
import { cleanUp, onlyRule, SHELL_FORM, SHELL_FORM_RULE, smlint, tempTree } from './harness';
import { assertValidSarif, validateSarif } from './sarifSchema';

const cwd = join('/work', 'repo');
const ruleId = allRules[0].meta.id;

function finding(severity: Severity, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId, messageId: 'm', severity, message: `a ${severity}`, docsUrl: docsUrl(ruleId),
    range: { start: { line: 2, character: 0 }, end: { line: 2, character: 26 } },
    ...extra,
  };
}

function report(path: string | undefined, findings: Finding[]): FileReport {
  return { path, displayPath: path ?? '<stdin>', result: { modes: { modes: ['train'], origin: 'detected', reasons: [] }, findings } };
}

describe('SARIF output', () => {
  it('validates against the SARIF 2.1.0 schema, including fixes and engine findings', () => {
    const fix = { title: 'Do it', edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, newText: 'FROM' }] };
    const engine: Finding = { ...finding('info'), ruleId: ENGINE_IDS.pragma, docsUrl: ENGINE_DOCS_URL };
    const text = formatSarif([
      report(join(cwd, 'images', 'train image', 'Dockerfile'), [finding('error', { fix }), finding('warning'), finding('info'), engine]),
      report(undefined, [finding('info')]),
    ], { rules: allRules, version: '1.2.3', cwd, docsPage: (id) => `# ${id}\n` });
    const log = assertValidSarif(text);
    const [run] = log.runs;
    const { driver } = run.tool;
    assert.equal(driver.name, 'smlint');
    assert.equal(driver.version, '1.2.3');
    assert.ok(driver.informationUri?.startsWith('https://'));
    assert.deepEqual(driver.rules?.slice(0, allRules.length).map((rule) => rule.id), allRules.map((rule) => rule.meta.id));
    const descriptor = driver.rules?.[0];
    assert.equal(descriptor?.helpUri, docsUrl(ruleId));
    assert.equal(descriptor?.help?.markdown, `# ${ruleId}\n`);
    assert.equal(descriptor?.defaultConfiguration?.level, { error: 'error', warning: 'warning', info: 'note' }[allRules[0].meta.severity]);

    const results = run.results ?? [];
    assert.deepEqual(results.map((r) => r.level), ['error', 'warning', 'note', 'note', 'note'], 'info becomes note');
    for (const result of results) assert.equal(driver.rules?.[result.ruleIndex ?? -1]?.id, result.ruleId, 'ruleIndex points at its rule');
    const location = results[0].locations?.[0].physicalLocation;
    assert.deepEqual(location?.artifactLocation, { uri: 'images/train%20image/Dockerfile', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location?.region, { startLine: 3, startColumn: 1, endLine: 3, endColumn: 27 });
    assert.deepEqual(results[0].fixes?.[0].artifactChanges[0].replacements[0], {
      deletedRegion: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 5 }, insertedContent: { text: 'FROM' },
    });
    assert.equal(results[1].fixes, undefined, 'suggestions are not SARIF fixes');
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%'].uri, pathToFileURL(`${cwd}/`).href);
  });

  it('gives files outside the working directory an absolute file: URI', () => {
    const outside = join('/elsewhere', 'Dockerfile');
    const log = assertValidSarif(formatSarif([report(outside, [finding('warning')])], { rules: allRules, version: '0.0.0', cwd }));
    assert.deepEqual(log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation, { uri: pathToFileURL(outside).href });
  });

  it('is what `smlint --format sarif` prints, and the schema rejects a broken log', async () => {
    const root = tempTree({ 'svc/Dockerfile': SHELL_FORM, '.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'error') });
    try {
      const { code, stdout } = await smlint(['--format', 'sarif', 'svc'], { cwd: root });
      assert.equal(code, 1);
      const log = assertValidSarif(stdout);
      assert.equal(log.runs[0].results?.[0].locations?.[0].physicalLocation?.artifactLocation?.uri, 'svc/Dockerfile');
      const broken = JSON.parse(stdout);
      broken.runs[0].results[0].level = 'fatal';
      assert.equal(validateSarif(broken), false, 'the validator can fail');
    } finally {
      cleanUp(root);
    }
  });
});
