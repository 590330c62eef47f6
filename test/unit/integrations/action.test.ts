/**
 * The composite GitHub Action, checked without GitHub: its documented inputs, and its `run:`
 * scripts executed with bash the way the runner does (`bash --noprofile --norc -eo pipefail`),
 * with the inputs passed as the environment variables the action declares.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { parse } from 'yaml';
import { cleanUp, EXEC_FORM, onlyRule, repoRoot, SHELL_FORM, SHELL_FORM_RULE, tempTree } from '../cli/harness';
import { assertValidSarif } from '../cli/sarifSchema';

interface Step { name: string; id?: string; shell?: string; env?: Record<string, string>; run?: string; uses?: string }
interface Action {
  name: string;
  description: string;
  inputs: Record<string, { description: string; required?: boolean; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
}

const action = parse(readFileSync(join(repoRoot, 'action.yml'), 'utf8')) as Action;

/** Expands the only expressions the action may use in `env:`; anything else fails the test. */
function expand(value: string, inputs: Record<string, string>, actionPath: string): string {
  return value.replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'github.action_path') return actionPath;
    const input = /^inputs\.([\w-]+)$/.exec(expression)?.[1];
    assert.ok(input !== undefined && input in action.inputs, `unsupported expression \${{ ${expression} }}`);
    return inputs[input];
  });
}

interface ActionRun { code: number; stdout: string; stderr: string; outputs: string }

function runAction(workspace: string, actionPath: string, given: Record<string, string>): ActionRun {
  const inputs = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, given[name] ?? input.default ?? '']));
  const outputFile = join(workspace, '.github-output');
  writeFileSync(outputFile, '');
  let stdout = '';
  let stderr = '';
  for (const step of action.runs.steps) {
    assert.ok(step.run, `step "${step.name}" is a run step`);
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) => [key, expand(value, inputs, actionPath)]));
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd: workspace, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_OUTPUT: outputFile, ...env },
    });
    stdout += result.stdout;
    stderr += result.stderr.split('\n').filter((line) => !line.startsWith('npm warn')).join('\n');
    if (result.status !== 0) return { code: result.status ?? -1, stdout, stderr, outputs: readFileSync(outputFile, 'utf8') };
  }
  return { code: 0, stdout, stderr, outputs: readFileSync(outputFile, 'utf8') };
}

describe('GitHub Action (action.yml)', () => {
  it('is a composite action with the documented inputs and a SARIF output', () => {
    assert.equal(action.runs.using, 'composite');
    assert.ok(action.name && action.description);
    assert.deepEqual(Object.keys(action.inputs).sort(),
      ['config', 'fail-level', 'format', 'mode', 'paths', 'sarif-file', 'target', 'working-directory']);
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(input.description.length > 20, `input ${name} is described`);
      assert.notEqual(input.required, true, `input ${name} has a default`);
    }
    assert.equal(action.outputs['sarif-file'].value, '${{ steps.lint.outputs.sarif-file }}');
    assert.ok(action.runs.steps.some((step) => step.id === 'lint'));
  });

  it('passes inputs only through env, never as ${{ }} inside a script', () => {
    for (const step of action.runs.steps) {
      assert.equal(step.shell, 'bash', `step "${step.name}" names its shell`);
      assert.doesNotMatch(step.run ?? '', /\$\{\{/, `step "${step.name}" interpolates an expression into its script`);
    }
  });

  describe('run locally', function () {
    this.timeout(60_000);
    let actionPath: string;
    const roots: string[] = [];
    const workspace = (files: Record<string, string>) => {
      const root = tempTree(files);
      roots.push(root);
      return root;
    };

    before(() => {
      // The action as checked out, with dist/cli.js already built so the build step has nothing
      // to install (the real checkout runs `npm ci` and esbuild; scripts/test-pack.sh covers that build).
      actionPath = tempTree({});
      mkdirSync(join(actionPath, 'dist'));
      buildSync({
        entryPoints: [join(repoRoot, 'src/cli/bin.ts')], outfile: join(actionPath, 'dist/cli.js'),
        bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'silent',
      });
    });
    after(() => cleanUp(actionPath));
    afterEach(() => roots.splice(0).forEach(cleanUp));

    it('fails on findings, writes a valid SARIF file and prints the text report', () => {
      const cwd = workspace({ 'images/train/Dockerfile': SHELL_FORM, 'images/serve/Dockerfile': EXEC_FORM, '.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'error') });
      const run = runAction(cwd, actionPath, {});
      assert.equal(run.code, 1, run.stderr);
      assert.equal(run.outputs, 'sarif-file=smlint.sarif\n');
      const log = assertValidSarif(readFileSync(join(cwd, 'smlint.sarif'), 'utf8'));
      assert.deepEqual(log.runs[0].results?.map((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri), ['images/train/Dockerfile']);
      assert.match(run.stdout, /images\/train\/Dockerfile:3:1 error entrypoint-shell-form/);
      assert.match(run.stdout, /1 error, 0 warnings, 0 info in 2 files/);
    });

    it('passes fail-level, and succeeds when findings stay below it', () => {
      const cwd = workspace({ Dockerfile: SHELL_FORM, '.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'warning') });
      assert.equal(runAction(cwd, actionPath, {}).code, 0);
      assert.equal(runAction(cwd, actionPath, { 'fail-level': 'warning' }).code, 1);
    });

    it('honours working-directory, paths, config, mode, target and format, and can skip SARIF', () => {
      const cwd = workspace({ 'svc/app/Containerfile': SHELL_FORM, 'svc/ci/smlint.yaml': `${onlyRule(SHELL_FORM_RULE)}target: endpoint\n` });
      const run = runAction(cwd, actionPath, {
        'working-directory': 'svc', paths: 'app/Containerfile', config: 'ci/smlint.yaml', mode: 'serve', target: 'batch', format: 'json', 'sarif-file': '',
      });
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.outputs, 'sarif-file=\n');
      assert.ok(!existsSync(join(cwd, 'svc', 'smlint.sarif')));
      const [report] = JSON.parse(run.stdout);
      assert.equal(report.filePath, join(cwd, 'svc/app/Containerfile'));
      assert.deepEqual(report.modes, ['serve']);
      assert.equal(report.warningCount, 1);
    });

    it('stops with exit 2 on a usage error, and does not expand globs in paths', () => {
      const cwd = workspace({ Dockerfile: EXEC_FORM });
      const run = runAction(cwd, actionPath, { paths: 'missing/* Dockerfile' });
      assert.equal(run.code, 2);
      assert.match(run.stderr, /smlint: missing\/\*: no such file or directory/);
      assert.equal(run.outputs, '', 'no SARIF output is announced');
    });
  });
});
