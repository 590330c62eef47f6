import assert from 'node:assert/strict';
import { folderProblem, isInside, normalizeFolder } from '../../../src/core/wizard';

describe('target folder', () => {
  it('normalises what the user types', () => {
    assert.equal(normalizeFolder(' ./container/ '), 'container');
    assert.equal(normalizeFolder('ml\\train//image'), 'ml/train/image');
    assert.equal(normalizeFolder('.'), '');
  });

  it('accepts folders inside the workspace folder, and the folder itself', () => {
    for (const ok of ['container', 'ml/containers/train', './x', '', '.', 'a..b']) assert.equal(folderProblem(ok), undefined, ok);
  });

  it('refuses folders outside the workspace folder', () => {
    for (const bad of ['/etc', '\\server\\share', 'C:\\temp', 'c:temp', '~/x', '..', '../x', 'a/../../x', 'a\\..\\..']) {
      assert.match(folderProblem(bad) ?? '', /relative|inside/, bad);
    }
  });

  it('refuses names Windows cannot hold', () => {
    assert.match(folderProblem('a|b') ?? '', /cannot contain/);
    assert.match(folderProblem('a\u0001') ?? '', /cannot contain/);
  });
});

describe('isInside', () => {
  it('accepts relative paths that stay inside', () => {
    for (const ok of ['Dockerfile', 'code/train.py', 'local_test/test_dir/model/model.json', '.smlint.yaml']) assert.equal(isInside(ok), true, ok);
  });

  it('refuses paths that could leave the folder', () => {
    for (const bad of ['', '/etc/passwd', '../x', 'a/../../x', 'a//b', './a', 'a\\b', 'C:/x']) assert.equal(isInside(bad), false, bad);
  });
});
