/**
 * Every reachable combination of answers, enumerated (not sampled), must scaffold files that work:
 * Dockerfiles lint with no error or warning under every registered rule, in the modes their pragma
 * names and with the deployment facts of the generated .smlint.yaml; shell scripts pass `bash -n`
 * and shellcheck; Python files pass py_compile.
 *
 * Checking each distinct file once keeps this fast: a script's answer-dependent values are all
 * `name='value'` lines, which are checked by pattern (a single-quoted word without a quote is
 * always valid shell) and then blanked, so shellcheck sees each script shape once.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint, type BuildContext, type Finding } from '../../../src/core';
import { parseConfig, toLintOptions } from '../../../src/core/lint/config';
import { isInside, recommend, scaffold, type Answers, type FileSpec, type Recommendation } from '../../../src/core/wizard';
import { memoryContext } from '../../helpers/ruleTester';
import { reachableAnswers } from './enumerate';

const SETTING = /^([a-z_]+)='([^']*)'$/;

interface Seen { answers: Answers; path: string }

function isShell(file: FileSpec): boolean {
  return file.path.endsWith('.sh');
}

function isPython(file: FileSpec): boolean {
  return file.path.endsWith('.py') || file.path === 'program/train' || file.path === 'program/serve';
}

function canonicalShell(text: string): string {
  return text.split('\n').map((line) => line.replace(SETTING, "$1='x'")).join('\n');
}

function contextOf(files: readonly FileSpec[]): BuildContext {
  // The wizard writes through workspace.fs, which cannot set execute bits.
  return memoryContext(Object.fromEntries(files.map((f) => [f.path, { text: f.contents, executable: false }])));
}

function pragmaModes(dockerfile: string): string[] {
  return /^# smlint mode=(\S+)$/m.exec(dockerfile)?.[1].split(',') ?? [];
}

function describeFinding(f: Finding): string {
  return `${f.severity} ${f.ruleId} ${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`;
}

/**
 * What the issue asks of each scaffold, checked on every combination: which files exist for the
 * path and purpose, and what the scripts do. Returns the broken promises.
 */
function brokenPromises(rec: Recommendation, files: readonly FileSpec[]): string[] {
  const a = rec.answers;
  const text = (path: string) => files.find((f) => f.path === path)?.contents;
  const path = rec.path.id;
  const trains = a.purpose === 'train' || a.purpose === 'both';
  const serves = a.purpose === 'serve' || a.purpose === 'both';
  const dockerfiles = files.filter((f) => f.path.startsWith('Dockerfile'));
  const broken: string[] = [];
  const expect = (ok: boolean, what: string) => { if (!ok) broken.push(what); };

  expect((dockerfiles.length > 0) === ['extend', 'adapt', 'scratch'].includes(path), 'a Dockerfile exactly for paths 3-5');
  const readme = text('README.md') ?? '';
  expect(files.every((f) => readme.includes(`\`${f.path}\``)), 'the README names every file');
  expect(rec.reasons.every((r) => readme.includes(r.url)), 'the README links every reason');

  const requirements = files.filter((f) => f.path.endsWith('requirements.txt')).map((f) => f.path);
  const wanted = path === 'requirements' ? ['code/requirements.txt'] : dockerfiles.length ? ['requirements.txt'] : [];
  expect(requirements.join() === wanted.join(), `requirements.txt where it belongs (${wanted.join() || 'none'}), not ${requirements.join() || 'none'}`);

  const build = text('build_and_push.sh');
  if (dockerfiles.length) {
    expect(build !== undefined, 'build_and_push.sh');
    const graviton = a.instanceType === 'ml.c7g.xlarge';
    expect(build?.includes(`platform='${graviton ? 'linux/arm64' : 'linux/amd64'}'`) === true, 'build_and_push.sh builds for the instance\'s platform');
    const privateBase = dockerfiles.some((d) => /^FROM (--platform=\S+ )?\d{12}\.dkr\.ecr\./m.test(d.contents));
    expect(build?.includes('docker login --username AWS --password-stdin "$base_registry"') === privateBase, 'logs in to the base registry exactly when it is an AWS account');
    for (const step of ['create-repository', 'docker push', '--platform "$platform"']) expect(build?.includes(step) === true, `build_and_push.sh does ${step}`);
  } else {
    expect(build === undefined, 'no build_and_push.sh without a Dockerfile');
  }

  const trainLocal = text('local_test/train_local.sh');
  expect((trainLocal !== undefined) === (trains && path !== 'builtin'), 'local_test/train_local.sh exactly for training');
  if (trainLocal) {
    expect(trainLocal.includes('"$image" train'), 'the local training run passes "train"');
    expect(files.some((f) => f.path.startsWith('local_test/test_dir/input/data/training/')), 'sample training data');
  }
  const serveLocal = text('local_test/serve_local.sh');
  expect((serveLocal !== undefined) === (serves && path !== 'builtin'), 'local_test/serve_local.sh exactly for hosting');
  if (serveLocal) {
    expect(serveLocal.includes('"$image" serve') && serveLocal.includes('/ping'), 'the local server starts with "serve" and answers /ping');
    expect(serveLocal.includes(a.endpoint === 'multi-model' ? '/models/sample/invoke' : '/invocations'), 'the local test invokes the model');
  }
  const inference = text('code/inference.py');
  if (inference && !inference.includes('input_handler')) {
    for (const fn of ['model_fn', 'input_fn', 'predict_fn', 'output_fn']) expect(inference.includes(`def ${fn}(`), `inference.py defines ${fn}`);
  }
  if (path === 'scratch' && serves) {
    for (const f of ['program/serve', 'program/predictor.py', 'program/nginx.conf', 'program/wsgi.py']) expect(text(f) !== undefined, `from scratch has ${f}`);
  }
  if (path === 'scratch' && trains) expect(text('program/train') !== undefined, 'from scratch has program/train');
  return broken;
}

function binary(name: string): boolean {
  return spawnSync(name, ['--version'], { stdio: 'ignore' }).status === 0;
}

describe('scaffold: every reachable combination of answers', function () {
  this.timeout(120_000);

  let combinations = 0;
  const paths = new Map<string, number>();
  const problems: string[] = [];
  const dockerfiles = new Map<string, { text: string; files: readonly FileSpec[]; seen: Seen }>();
  const shells = new Map<string, Seen>();
  const pythons = new Map<string, Seen>();
  const settings: string[] = [];

  before(() => {
    for (const answers of reachableAnswers()) {
      combinations++;
      const rec = recommend(answers);
      if (!rec?.complete) { problems.push(`no complete recommendation for ${JSON.stringify(answers)}`); continue; }
      paths.set(rec.path.id, (paths.get(rec.path.id) ?? 0) + 1);
      if (rec.reasons.length === 0 || rec.reasons.some((r) => !r.cause.label)) problems.push(`a reason without its answer for ${JSON.stringify(answers)}`);
      const files = scaffold(rec);
      const names = files.map((f) => f.path);
      if (new Set(names).size !== names.length) problems.push(`duplicate paths ${names.join(', ')} for ${JSON.stringify(answers)}`);
      if (names.some((n) => !isInside(n))) problems.push(`a path escapes the folder for ${JSON.stringify(answers)}`);
      if (rec.path.id !== 'builtin' && !names.includes('README.md')) problems.push(`no README for ${JSON.stringify(answers)}`);
      if (rec.path.id !== 'builtin') problems.push(...brokenPromises(rec, files).map((p) => `${p}: ${JSON.stringify(answers)}`));
      const config = files.find((f) => f.path === '.smlint.yaml')?.contents ?? '';
      for (const file of files) {
        const seen = { answers, path: file.path };
        if (file.path.startsWith('Dockerfile')) {
          const key = `${config}\0${names.join('\n')}\0${file.contents}`;
          if (!dockerfiles.has(key)) dockerfiles.set(key, { text: file.contents, files, seen });
        } else if (isShell(file)) {
          for (const line of file.contents.split('\n')) if (/^[a-z_]+=/.test(line) && !/^[a-z_]+=["$(]/.test(line)) settings.push(line);
          const shape = canonicalShell(file.contents);
          if (!shells.has(shape)) shells.set(shape, seen);
        } else if (isPython(file) && !pythons.has(file.contents)) {
          pythons.set(file.contents, seen);
        }
      }
    }
  });

  it('reaches every path, each with a complete recommendation and the files its path needs', () => {
    assert.deepEqual(problems.slice(0, 10), []);
    assert.deepEqual([...paths.keys()].sort(), ['adapt', 'builtin', 'extend', 'prebuilt', 'requirements', 'scratch']);
    console.log(`      ${combinations} combinations: ${[...paths].map(([p, n]) => `${p} ${n}`).join(', ')}; `
      + `${dockerfiles.size} distinct Dockerfiles, ${shells.size} script shapes, ${pythons.size} Python files`);
  });

  it('lints every Dockerfile with no error or warning, in the modes its pragma names', () => {
    const failures: string[] = [];
    for (const { text, files, seen } of dockerfiles.values()) {
      const configText = files.find((f) => f.path === '.smlint.yaml')?.contents;
      const parsed = configText === undefined ? undefined : parseConfig(configText, '.smlint.yaml');
      if (parsed && !parsed.ok) { failures.push(`${seen.path}: bad .smlint.yaml for ${JSON.stringify(seen.answers)}`); continue; }
      const options = parsed?.ok ? toLintOptions(parsed.config) : {};
      const result = lint(text, { ...options, buildContext: contextOf(files) });
      const bad = result.findings.filter((f) => f.severity !== 'info');
      const modes = pragmaModes(text);
      if (bad.length || result.modes.origin !== 'pragma' || modes.length === 0 || result.modes.modes.join(',') !== modes.join(',')) {
        failures.push(`${seen.path} for ${JSON.stringify(seen.answers)} (modes ${result.modes.modes.join(',')}):\n${bad.map(describeFinding).join('\n')}\n${text}`);
      }
    }
    assert.equal(failures.length, 0, `${failures.length} Dockerfiles fail; the first:\n${failures.slice(0, 1).join('\n')}`);
  });

  it('keeps every answer-dependent shell value a single-quoted word', () => {
    assert.ok(settings.length > 0);
    assert.deepEqual(settings.filter((line) => !SETTING.test(line)), []);
  });

  describe('shell and Python files', () => {
    let dir = '';
    const written = new Map<string, Seen>();
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'wizard-scaffold-'));
      let i = 0;
      for (const [text, seen] of shells) {
        const file = join(dir, `script${i++}.sh`);
        writeFileSync(file, text);
        written.set(file, seen);
      }
      for (const [text, seen] of pythons) {
        const file = join(dir, `module${i++}.py`);
        writeFileSync(file, text);
        written.set(file, seen);
      }
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    const scripts = () => [...written.keys()].filter((f) => f.endsWith('.sh'));
    const modules = () => [...written.keys()].filter((f) => f.endsWith('.py'));
    const origin = (file: string) => `${written.get(file)?.path} for ${JSON.stringify(written.get(file)?.answers)}`;

    it('passes bash -n', () => {
      const failures = scripts().flatMap((file) => {
        const run = spawnSync('bash', ['-n', file], { encoding: 'utf8' });
        return run.status === 0 ? [] : [`${origin(file)}: ${run.stderr}`];
      });
      assert.deepEqual(failures, []);
    });

    it('passes shellcheck', function () {
      if (!binary('shellcheck')) {
        console.warn('\n      !!! shellcheck is not installed (Debian: apt-get install shellcheck): SKIPPING the shellcheck check !!!\n');
        this.skip();
      }
      const run = spawnSync('shellcheck', ['--shell=bash', '--format=gcc', ...scripts()], { encoding: 'utf8' });
      const failures = run.stdout.split('\n').filter(Boolean).map((line) => `${origin(line.split(':')[0])}: ${line}`);
      assert.deepEqual(failures, []);
      assert.equal(run.status, 0, run.stderr);
    });

    it('passes python3 -m py_compile', () => {
      const compile = 'import py_compile, sys\nfor f in sys.argv[1:]:\n    py_compile.compile(f, cfile=f + "c", doraise=True)';
      try {
        execFileSync('python3', ['-c', compile, ...modules()], { encoding: 'utf8', stdio: 'pipe' });
      } catch (error) {
        const stderr = String((error as { stderr?: string }).stderr);
        const file = modules().find((f) => stderr.includes(f));
        assert.fail(`${file ? origin(file) : 'a generated Python file'} does not compile:\n${stderr}`);
      }
    });
  });
});
