/** The pre-commit hook definition, checked against what pre-commit does with it. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { isDockerfileName } from '../../../src/core/lint/dockerfiles';
import { cleanUp, EXEC_FORM, onlyRule, repoRoot, SHELL_FORM, SHELL_FORM_RULE, smlint, tempTree } from '../cli/harness';

interface Hook { id: string; name: string; description?: string; entry: string; language: string; files: string; exclude?: string; types?: string[] }

const hooks = parse(readFileSync(join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const hook = hooks.find((candidate) => candidate.id === 'smlint') as Hook;

/** pre-commit's filter: `re.search(files)` and not `re.search(exclude)` on the repository-relative path. */
function selected(path: string): boolean {
  return new RegExp(hook.files).test(path) && !(hook.exclude && new RegExp(hook.exclude).test(path));
}

describe('pre-commit hook (.pre-commit-hooks.yaml)', () => {
  it('declares the smlint hook as a node hook whose entry is the package bin', () => {
    assert.ok(hook, 'a hook with id smlint');
    assert.equal(hook.language, 'node');
    assert.equal(hook.entry, 'smlint');
    assert.ok(hook.entry in pkg.bin, 'entry is a bin of package.json');
    assert.deepEqual(hook.types, ['file']);
    assert.ok(hook.name && hook.description);
    // pre-commit installs a node hook with `npm pack`, and dist/ is not committed: prepack must build it.
    assert.match(pkg.scripts.prepack, /esbuild/);
  });

  it('selects the same files as smlint does when it searches a directory', () => {
    const paths = [
      'Dockerfile', 'images/train/Dockerfile', 'Dockerfile.gpu', 'a/b/serve.Dockerfile', 'x/train.dockerfile', 'Containerfile',
      'c/Containerfile.arm64', 'Dockerfile.dockerignore', 'docs/Dockerfile.md', 'Dockerfiles/README.md', 'MyDockerfile',
      'docker-compose.yml', 'a/.dockerfile', 'src/dockerfile.ts', 'podman/app.containerfile', 'a/.containerfile',
    ];
    for (const path of paths) {
      assert.equal(selected(path), isDockerfileName(path.slice(path.lastIndexOf('/') + 1)), path);
    }
    assert.ok(paths.filter(selected).length >= 6, 'the table covers selected names');
  });

  it('fails the commit for a staged Dockerfile with findings, like `smlint <files>`', async () => {
    const cwd = tempTree({ 'a/Dockerfile': SHELL_FORM, 'b/Dockerfile.gpu': EXEC_FORM, 'README.md': '', '.smlint.yaml': onlyRule(SHELL_FORM_RULE, 'error') });
    try {
      const staged = ['README.md', 'a/Dockerfile', 'b/Dockerfile.gpu'].filter(selected);
      assert.deepEqual(staged, ['a/Dockerfile', 'b/Dockerfile.gpu']);
      assert.equal((await smlint(staged, { cwd })).code, 1);
      assert.equal((await smlint(['b/Dockerfile.gpu'], { cwd })).code, 0);
    } finally {
      cleanUp(cwd);
    }
  });
});
