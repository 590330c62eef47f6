/**
 * The AWS-sample-shaped build contexts run through the real CLI (`smlint --format json`), as copies
 * in temporary folders where the test sets line endings and execute bits at run time (git keeps
 * neither reliably). Pristine samples must give no error and nothing from the build-context rules;
 * each broken variant must give exactly the findings of script-not-executable (17), script-crlf (41)
 * and copy-source-missing (42) listed here.
 */
import assert from 'node:assert/strict';
import { chmodSync, cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AWS_SAMPLES, awsSampleNames, executableFixtureFiles } from '../../helpers/fixtureContext';
import { cleanUp, smlint, tempTree } from '../cli/harness';

const CONTEXT_RULES = ['script-not-executable', 'script-crlf', 'copy-source-missing'];

interface JsonFinding { ruleId: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }
interface JsonReport { filePath: string; findings: JsonFinding[]; errorCount: number }

type Expected = Omit<JsonFinding, 'message'>;

describe('build-context rules on AWS-sample-shaped contexts, through the CLI', () => {
  const roots: string[] = [];
  afterEach(() => roots.splice(0).forEach(cleanUp));

  /** A copy of aws-samples/<name> with the README's modes (755 for the listed files, 644 for the rest), then `change` applied. */
  const stage = (name: string, change: (dir: string) => void = () => {}): string => {
    const dir = tempTree();
    roots.push(dir);
    cpSync(join(AWS_SAMPLES, name), dir, { recursive: true });
    for (const file of walk(dir)) chmodSync(file, 0o644);
    for (const listed of executableFixtureFiles()) {
      const [folder, ...rest] = listed.split('/');
      if (folder === name) chmodSync(join(dir, ...rest), 0o755);
    }
    change(dir);
    return dir;
  };

  const lintJson = async (dir: string): Promise<{ code: number; report: JsonReport }> => {
    const { code, stdout, stderr } = await smlint(['--format', 'json', 'Dockerfile'], { cwd: dir });
    assert.equal(stderr, '');
    const reports = JSON.parse(stdout) as JsonReport[];
    assert.equal(reports.length, 1);
    return { code, report: reports[0] };
  };

  const contextFindings = (report: JsonReport): Expected[] => report.findings
    .filter((f) => CONTEXT_RULES.includes(f.ruleId))
    .map(({ ruleId, severity, line, column, endLine, endColumn }) => ({ ruleId, severity, line, column, endLine, endColumn }));

  for (const name of awsSampleNames()) {
    it(`${name}: pristine (LF, README execute bits) has no error and no build-context finding`, async () => {
      const { code, report } = await lintJson(stage(name));
      const errors = report.findings.filter((f) => f.severity === 'error').map((f) => `${f.line}:${f.column} ${f.ruleId}: ${f.message}`);
      assert.deepStrictEqual(errors, []);
      assert.deepStrictEqual(contextFindings(report), []);
      assert.equal(code, 0);
    });
  }

  it('scikit-bring-your-own with CRLF train and serve: two script-crlf errors on the COPY source [ISS-aws/amazon-sagemaker-examples#571]', async () => {
    const dir = stage('scikit-bring-your-own', (d) => toCrlf(d, 'decision_trees/train', 'decision_trees/serve'));
    const { code, report } = await lintJson(dir);
    assert.deepStrictEqual(contextFindings(report), [
      { ruleId: 'script-crlf', severity: 'error', line: 24, column: 6, endLine: 24, endColumn: 20 },
      { ruleId: 'script-crlf', severity: 'error', line: 24, column: 6, endLine: 24, endColumn: 20 },
    ]);
    const crlf = report.findings.filter((f) => f.ruleId === 'script-crlf').map((f) => f.message);
    assert.match(crlf[0], /^decision_trees\/serve has Windows \(CRLF\) line endings/);
    assert.match(crlf[1], /^decision_trees\/train has Windows \(CRLF\) line endings/);
    assert.equal(code, 1);
  });

  it('scikit-bring-your-own with train and serve not executable: script-not-executable only [ISS-aws/sagemaker-python-sdk#4678]', async () => {
    const dir = stage('scikit-bring-your-own', (d) => {
      chmodSync(join(d, 'decision_trees/train'), 0o644);
      chmodSync(join(d, 'decision_trees/serve'), 0o644);
    });
    const { report } = await lintJson(dir);
    assert.deepStrictEqual(contextFindings(report), [
      { ruleId: 'script-not-executable', severity: 'warning', line: 24, column: 6, endLine: 24, endColumn: 20 },
    ]);
  });

  it('scikit-bring-your-own with CRLF and no execute bits: both rules, each once per problem', async () => {
    const dir = stage('scikit-bring-your-own', (d) => {
      toCrlf(d, 'decision_trees/train');
      chmodSync(join(d, 'decision_trees/train'), 0o644);
    });
    const { report } = await lintJson(dir);
    assert.deepStrictEqual(contextFindings(report), [
      { ruleId: 'script-crlf', severity: 'error', line: 24, column: 6, endLine: 24, endColumn: 20 },
      { ruleId: 'script-not-executable', severity: 'warning', line: 24, column: 6, endLine: 24, endColumn: 20 },
    ]);
  });

  it('scikit-bring-your-own with the program folder in .dockerignore: copy-source-missing', async () => {
    const dir = stage('scikit-bring-your-own', (d) => writeFileSync(join(d, '.dockerignore'), '# not needed in the image\ndecision_trees\n'));
    const { code, report } = await lintJson(dir);
    assert.deepStrictEqual(contextFindings(report), [
      { ruleId: 'copy-source-missing', severity: 'error', line: 24, column: 6, endLine: 24, endColumn: 20 },
    ]);
    assert.equal(code, 1);
  });

  it('scikit-bring-your-own with .dockerignore excluding everything but the program: clean', async () => {
    const dir = stage('scikit-bring-your-own', (d) => writeFileSync(join(d, '.dockerignore'), '*\n!decision_trees\ndecision_trees/*.pyc\n'));
    const { report } = await lintJson(dir);
    assert.deepStrictEqual(contextFindings(report), []);
  });

  it('basic-training-container without its code folder: the wildcard COPY matches nothing (warning)', async () => {
    const dir = stage('basic-training-container', (d) => rmSync(join(d, 'code'), { recursive: true }));
    const { code, report } = await lintJson(dir);
    assert.deepStrictEqual(contextFindings(report), [
      { ruleId: 'copy-source-missing', severity: 'warning', line: 17, column: 6, endLine: 17, endColumn: 12 },
    ]);
    assert.equal(code, 0);
  });

  it('script-mode-training without train.py, with a CRLF requirements file: copy-source-missing only', async () => {
    const dir = stage('script-mode-training', (d) => {
      rmSync(join(d, 'train.py'));
      toCrlf(d, 'requirements.txt');
    });
    const { report } = await lintJson(dir);
    assert.deepStrictEqual(contextFindings(report), [
      { ruleId: 'copy-source-missing', severity: 'error', line: 15, column: 6, endLine: 15, endColumn: 14 },
    ]);
  });

  it('multi-model-byo with a CRLF dockerd-entrypoint.py: Python reads it, so nothing is reported', async () => {
    const dir = stage('multi-model-byo', (d) => toCrlf(d, 'dockerd-entrypoint.py', 'model_handler.py'));
    const { report } = await lintJson(dir);
    assert.deepStrictEqual(contextFindings(report), []);
  });
});

function toCrlf(dir: string, ...paths: string[]): void {
  for (const path of paths) {
    const file = join(dir, path);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\r?\n/g, '\r\n'));
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? walk(path) : [path];
  });
}
