import assert from 'node:assert/strict';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { version } from '../../../package.json';
import { docsUrl } from '../../../src/core/lint/docs';
import { lint } from '../../../src/core/lint/engine';
import { allRules } from '../../../src/core/lint/rules';
import { defineRule } from '../../../src/core/lint/types';
import {
  cleanUp, EXEC_FORM, onlyRule, SHELL_FORM, SHELL_FORM_RULE, smlint, tempTree,
} from './harness';

const ANSI = /\x1b\[/;

describe('smlint CLI', () => {
  const roots: string[] = [];
  const tree = (files: Record<string, string>) => {
    const root = tempTree(files);
    roots.push(root);
    return root;
  };
  afterEach(() => roots.splice(0).forEach(cleanUp));

  describe('exit codes', () => {
    it('is 0 when nothing reaches the fail level', async () => {
      const cwd = tree({ Dockerfile: EXEC_FORM, '.smlint.yaml': onlyRule(SHELL_FORM_RULE) });
      const { code, stderr } = await smlint([], { cwd });
      assert.equal(stderr, '');
      assert.equal(code, 0);
    });

    it('is 1 for a finding at the fail level, and --fail-level moves the line', async () => {
      const cwd = tree({ Dockerfile: SHELL_FORM, '.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'warning') });
      assert.equal((await smlint([], { cwd })).code, 0, 'a warning passes the default fail level (error)');
      assert.equal((await smlint(['--fail-level', 'warning'], { cwd })).code, 1);
      assert.equal((await smlint(['--fail-level=info'], { cwd })).code, 1);
    });

    it('honours failLevel from the config file, and a flag overrides it', async () => {
      const cwd = tree({ Dockerfile: SHELL_FORM, '.smlint.yaml': `${onlyRule(SHELL_FORM_RULE, 'warning')}failLevel: warning\n` });
      assert.equal((await smlint([], { cwd })).code, 1);
      assert.equal((await smlint(['--fail-level', 'error'], { cwd })).code, 0);
    });

    it('is 1 when warnings exceed --max-warnings', async () => {
      const cwd = tree({ Dockerfile: SHELL_FORM, '.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'warning') });
      assert.equal((await smlint(['--max-warnings', '1'], { cwd })).code, 0);
      assert.equal((await smlint(['--max-warnings', '0'], { cwd })).code, 1);
    });

    it('is 2 for an unknown flag or a bad value, with one line pointing at --help', async () => {
      const cwd = tree({ Dockerfile: EXEC_FORM });
      for (const argv of [['--frmat', 'json'], ['--format', 'xml'], ['--mode', 'train,trian'], ['--target', 'edge'],
        ['--build-arg', 'NOVALUE'], ['--max-warnings', 'many'], ['--instance-type', 'c5.xlarge'], ['--format']]) {
        const { code, stdout, stderr } = await smlint(argv, { cwd });
        assert.equal(code, 2, argv.join(' '));
        assert.equal(stdout, '');
        assert.equal(stderr.trimEnd().split('\n').length, 1, stderr);
        assert.match(stderr, /^smlint: .*smlint --help/, stderr);
      }
      assert.match((await smlint(['--frmat', 'json'], { cwd })).stderr, /did you mean '--format'\?/);
      assert.match((await smlint(['--mode', 'trian'], { cwd })).stderr, /did you mean 'train'\?/);
    });

    it('is 2 for a missing file, with a one-line message and no report', async () => {
      const cwd = tree({});
      const { code, stdout, stderr } = await smlint(['nope/Dockerfile'], { cwd });
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.equal(stderr, 'smlint: nope/Dockerfile: no such file or directory\n');
      assert.equal((await smlint([], { cwd })).stderr, 'smlint: Dockerfile: no such file or directory\n', 'default input is ./Dockerfile');
    });

    it('is 2 for a directory without Dockerfiles, and for a bad --context', async () => {
      const cwd = tree({ 'empty/README.md': 'x', Dockerfile: EXEC_FORM });
      assert.deepEqual(await smlint(['empty'], { cwd }), { code: 2, stdout: '', stderr: 'smlint: empty: no Dockerfiles found in this directory\n' });
      const context = await smlint(['--context', 'missing'], { cwd });
      assert.equal(context.code, 2);
      assert.match(context.stderr, /--context missing: no such file or directory/);
    });

    it('is 2 for an unreadable directory, with a one-line message', async function () {
      if (process.getuid?.() === 0) this.skip(); // root reads everything, so the error cannot be produced
      const cwd = tree({ 'a/locked/Dockerfile': EXEC_FORM, 'a/Dockerfile': EXEC_FORM });
      chmodSync(join(cwd, 'a/locked'), 0o000);
      try {
        const { code, stderr } = await smlint(['a'], { cwd });
        assert.equal(code, 2);
        assert.match(stderr, /^smlint: a[/\\]locked: permission denied\n$/);
      } finally {
        chmodSync(join(cwd, 'a/locked'), 0o755);
      }
    });

    it('lints binary junk without crashing', async () => {
      const cwd = tree({});
      writeFileSync(join(cwd, 'Dockerfile'), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
      const { code, stdout } = await smlint(['--format', 'json'], { cwd });
      assert.ok(code === 0 || code === 1, `exit ${code}`);
      assert.equal(JSON.parse(stdout).length, 1);
    });
  });

  describe('--format json', () => {
    it('prints one entry per file in the documented shape, with 1-based positions', async () => {
      const cwd = tree({ Dockerfile: SHELL_FORM, '.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'error') });
      const { code, stdout } = await smlint(['--format', 'json'], { cwd });
      assert.equal(code, 1);
      const message = lint(SHELL_FORM).findings.find((f) => f.ruleId === SHELL_FORM_RULE)?.message;
      assert.deepEqual(JSON.parse(stdout), [{
        filePath: join(cwd, 'Dockerfile'),
        modes: ['train'],
        findings: [{
          ruleId: SHELL_FORM_RULE, severity: 'error', message,
          line: 3, column: 1, endLine: 3, endColumn: 27, docsUrl: docsUrl(SHELL_FORM_RULE),
        }],
        errorCount: 1,
        warningCount: 0,
        infoCount: 0,
      }]);
    });

    it('passes --mode, --stage and config settings to the engine', async () => {
      const twoStages = 'FROM python:3.11 AS app\nENTRYPOINT python serve.py\n\nFROM python:3.11-slim\nENTRYPOINT ["python", "serve.py"]\n';
      const cwd = tree({ Dockerfile: twoStages, '.smlint.yaml': onlyRule(SHELL_FORM_RULE) });
      const json = async (...argv: string[]) => JSON.parse((await smlint(['-f', 'json', ...argv], { cwd })).stdout)[0];
      assert.deepEqual((await json('--mode', 'serve,processing')).modes, ['serve', 'processing']);
      assert.deepEqual((await json('--mode', 'serve')).findings, [], 'the last stage is fine');
      assert.deepEqual((await json('--mode', 'serve', '--stage', 'app')).findings.map((f: { ruleId: string }) => f.ruleId), [SHELL_FORM_RULE]);
      writeFileSync(join(cwd, '.smlint.yaml'), `${onlyRule(SHELL_FORM_RULE)}stage: app\nmodes: [serve]\n`);
      assert.equal((await json()).findings.length, 1, 'stage and modes from the config file');
    });
  });

  describe('--format text', () => {
    it('groups findings under a header per file, shows the modes, and ends with a summary', async () => {
      const cwd = tree({ 'a/Dockerfile': SHELL_FORM, 'b/Dockerfile': EXEC_FORM, '.smlint.yaml': onlyRule(SHELL_FORM_RULE) });
      const { stdout } = await smlint(['a', 'b'], { cwd });
      const lines = stdout.split('\n');
      assert.equal(lines[0], join('a', 'Dockerfile'));
      assert.match(lines[1], /^ {2}modes: train \(detected: installs sagemaker-training; ENTRYPOINT starts train\.py\)$/);
      assert.match(lines[2], new RegExp(`^ {2}a[/\\\\]Dockerfile:3:1 warning ${SHELL_FORM_RULE} Shell-form ENTRYPOINT`));
      assert.equal(lines[4], join('b', 'Dockerfile'));
      assert.equal(lines.at(-2), '0 errors, 1 warning, 0 info in 2 files');
      assert.doesNotMatch(stdout, ANSI, 'no colour when stdout is not a terminal');
    });

    it('uses colour on a terminal unless NO_COLOR or --no-color, and FORCE_COLOR forces it', async () => {
      const cwd = tree({ Dockerfile: SHELL_FORM });
      assert.match((await smlint([], { cwd, isTTY: true })).stdout, ANSI);
      assert.doesNotMatch((await smlint([], { cwd, isTTY: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
      assert.doesNotMatch((await smlint(['--no-color'], { cwd, isTTY: true, env: { FORCE_COLOR: '1' } })).stdout, ANSI);
      assert.match((await smlint([], { cwd, env: { FORCE_COLOR: '1' } })).stdout, ANSI);
      assert.doesNotMatch((await smlint([], { cwd, isTTY: true, env: { FORCE_COLOR: '0' } })).stdout, ANSI);
    });
  });

  describe('configuration', () => {
    it('reports a bad config with file:line:col, exit 2 and no report', async () => {
      const cwd = tree({ Dockerfile: SHELL_FORM, '.smlint.yaml': 'target: endpoint\nrules:\n  entrypoint-shel-form: off\nfailLevl: info\n' });
      const { code, stdout, stderr } = await smlint([], { cwd });
      assert.equal(code, 2);
      assert.equal(stdout, '');
      const lines = stderr.trimEnd().split('\n');
      assert.equal(lines.length, 2);
      assert.match(lines[0], /^\.smlint\.yaml:3:3: rules: unknown rule 'entrypoint-shel-form'; did you mean 'entrypoint-shell-form'\?/);
      assert.match(lines[1], /^\.smlint\.yaml:4:1: unknown setting 'failLevl'; did you mean 'failLevel'\?/);
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    });

    it('finds .smlint.yaml or .smlint.yml in the nearest parent directory', async () => {
      const cwd = tree({
        'repo/.smlint.yml': onlyRule(SHELL_FORM_RULE, 'error'),
        'repo/images/train/Dockerfile': SHELL_FORM,
        'repo/images/serve/Dockerfile': SHELL_FORM,
        'repo/images/serve/.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'info'),
      });
      const [serve, train] = JSON.parse((await smlint(['-f', 'json', 'repo'], { cwd })).stdout);
      assert.equal(serve.findings[0].severity, 'info', 'the nearest config wins');
      assert.equal(train.findings[0].severity, 'error', 'a parent directory config applies');
    });

    it('uses only --config FILE when given, ignoring the config next to the Dockerfile', async () => {
      const cwd = tree({ 'app/Dockerfile': SHELL_FORM, 'app/.smlint.yaml': 'broken: [', 'ci.yaml': onlyRule(SHELL_FORM_RULE, 'error') });
      const { code, stdout } = await smlint(['-f', 'json', '--config', 'ci.yaml', 'app'], { cwd });
      assert.equal(code, 1);
      assert.equal(JSON.parse(stdout)[0].errorCount, 1);
      const missing = await smlint(['--config', 'nope.yaml', 'app'], { cwd });
      assert.equal(missing.code, 2);
      assert.equal(missing.stderr, 'smlint: cannot read config nope.yaml: no such file or directory\n');
    });
  });

  describe('inputs', () => {
    it('lints standard input for -, with the config of the working directory', async () => {
      const cwd = tree({ '.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'error') });
      const { code, stdout } = await smlint(['-', '--format', 'json'], { cwd, stdin: SHELL_FORM });
      assert.equal(code, 1);
      const [report] = JSON.parse(stdout);
      assert.equal(report.filePath, '<stdin>');
      assert.equal(report.errorCount, 1);
      assert.match((await smlint(['-'], { cwd, stdin: SHELL_FORM })).stdout, /^<stdin>\n/);
    });

    it('finds Dockerfiles in directories by name, skipping node_modules and .git', async () => {
      const cwd = tree({
        'svc/Dockerfile': EXEC_FORM,
        'svc/Dockerfile.gpu': EXEC_FORM,
        'svc/Dockerfile.dockerignore': 'data/\n',
        'svc/train.Dockerfile': EXEC_FORM,
        'svc/deep/er/serve.dockerfile': EXEC_FORM,
        'svc/Containerfile': EXEC_FORM,
        'svc/notes.md': 'FROM x',
        'svc/node_modules/pkg/Dockerfile': EXEC_FORM,
        'svc/.git/Dockerfile': EXEC_FORM,
      });
      const reports = JSON.parse((await smlint(['-f', 'json', 'svc', 'svc/Dockerfile'], { cwd })).stdout);
      assert.deepEqual(reports.map((r: { filePath: string }) => r.filePath), [
        'Containerfile', 'Dockerfile', 'Dockerfile.gpu', 'deep/er/serve.dockerfile', 'train.Dockerfile',
      ].map((path) => join(cwd, 'svc', path)), 'sorted, each file once');
    });

    it('lints a file given by name whatever it is called', async () => {
      const cwd = tree({ 'image.txt': SHELL_FORM, '.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'error') });
      assert.equal((await smlint(['image.txt'], { cwd })).code, 1);
    });
  });

  describe('--fix', () => {
    // No registered rule may have a safe fix yet, so a test rule provides one: lower-case keywords.
    const upperCase = defineRule({
      meta: {
        id: 'test-uppercase-keyword', severity: 'warning', basis: 'doc', modes: ['train', 'serve', 'processing', 'studio'],
        summary: 'Keywords are upper case.', source: ['WEB-docker'], fixable: true, messages: { lower: 'Write {keyword} in upper case.' },
      },
      check(ctx) {
        for (const instruction of ctx.dockerfile.getInstructions()) {
          const keyword = instruction.getInstruction();
          if (keyword === keyword.toUpperCase()) continue;
          const range = instruction.getInstructionRange();
          ctx.report({ messageId: 'lower', range, data: { keyword }, fix: { title: 'Upper-case it', edits: [{ range, newText: keyword.toUpperCase() }] } });
        }
      },
    });
    const rules = [...allRules, upperCase];
    const config = onlyRule(SHELL_FORM_RULE);

    it('applies safe fixes, writes the file back and reports what remains', async () => {
      const cwd = tree({ Dockerfile: 'from python:3.11-slim\nrun pip install sagemaker-training\nentrypoint python train.py\n', '.smlint.yaml': config });
      const { code, stdout } = await smlint(['--fix', '-f', 'json'], { cwd, rules });
      assert.equal(code, 0);
      assert.equal(readFileSync(join(cwd, 'Dockerfile'), 'utf8'), SHELL_FORM, 'fixed; the shell-form suggestion is not applied');
      assert.deepEqual(JSON.parse(stdout)[0].findings.map((f: { ruleId: string }) => f.ruleId), [SHELL_FORM_RULE]);
      writeFileSync(join(cwd, 'Dockerfile'), 'from python:3.11-slim\n');
      assert.match((await smlint(['--fix'], { cwd, rules })).stdout, /^Dockerfile \(fixed\)\n/, 'the text report says so');
    });

    it('leaves a file with nothing to fix untouched', async () => {
      const cwd = tree({ Dockerfile: SHELL_FORM, '.smlint.yaml': config });
      const file = join(cwd, 'Dockerfile');
      const before = statSync(file).mtimeMs;
      await new Promise((resolve) => setTimeout(resolve, 20));
      assert.match((await smlint(['--fix'], { cwd, rules })).stdout, /^Dockerfile\n/);
      assert.equal(statSync(file).mtimeMs, before);
      assert.equal(readFileSync(file, 'utf8'), SHELL_FORM);
    });

    it('prints the fixed stdin on stdout and the report on stderr', async () => {
      const cwd = tree({ '.smlint.yaml': config });
      const { code, stdout, stderr } = await smlint(['--fix', '-'], { cwd, rules, stdin: 'from python:3.11\n' });
      assert.equal(code, 0);
      assert.equal(stdout, 'FROM python:3.11\n');
      assert.match(stderr, /^<stdin> \(fixed\)\n/);
      assert.match(stderr, /0 errors, 0 warnings, 0 info in 1 file/);
    });
  });

  describe('rule information', () => {
    it('--list-rules shows every registered rule with its severity, modes and summary', async () => {
      const { code, stdout } = await smlint(['--list-rules'], { cwd: tree({}) });
      assert.equal(code, 0);
      const lines = stdout.trimEnd().split('\n');
      assert.equal(lines.length, allRules.length);
      allRules.forEach(({ meta }, i) => {
        assert.deepEqual(lines[i].split(/\s{2,}/), [meta.id, meta.severity, meta.modes.join(','), meta.summary]);
      });
      const json = JSON.parse((await smlint(['--list-rules', '-f', 'json'], { cwd: tree({}) })).stdout);
      assert.deepEqual(json.map((rule: { id: string }) => rule.id), allRules.map((rule) => rule.meta.id));
    });

    it('--explain shows the metadata and the docs page', async () => {
      const { meta } = allRules[0];
      const { code, stdout } = await smlint(['--explain', meta.id], { cwd: tree({}) });
      assert.equal(code, 0);
      assert.ok(stdout.startsWith(`${meta.id}: ${meta.summary}\n`));
      for (const text of [`Severity: ${meta.severity}`, `Basis:    ${meta.basis}`, `Modes:    ${meta.modes.join(', ')}`, meta.source[0], docsUrl(meta.id), `# ${meta.id}\n`]) {
        assert.ok(stdout.includes(text), `missing ${text}`);
      }
    });

    it('--explain suggests the closest id for an unknown one, with exit 2', async () => {
      const { meta } = allRules[0];
      const { code, stdout, stderr } = await smlint(['--explain', meta.id.slice(0, -2)], { cwd: tree({}) });
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, new RegExp(`did you mean '${meta.id}'\\?`));
    });

    it('--help documents --stage as docker build --target, and --version prints the package version', async () => {
      const help = await smlint(['--help'], { cwd: tree({}) });
      assert.equal(help.code, 0);
      assert.match(help.stdout, /--stage <name>[^]*docker build --target/);
      assert.deepEqual(await smlint(['--version'], { cwd: tree({}) }), { code: 0, stdout: `${version}\n`, stderr: '' });
    });
  });
});
