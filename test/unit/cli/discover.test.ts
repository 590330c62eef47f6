import assert from 'node:assert/strict';
import { join } from 'node:path';
import { discover, findConfigFile } from '../../../src/cli/discover';
import { isDockerfileName } from '../../../src/core/lint/dockerfiles';
import { cleanUp, tempTree } from './harness';

describe('Dockerfile discovery', () => {
  it('recognises the names docker and podman users give Dockerfiles', () => {
    for (const name of ['Dockerfile', 'Dockerfile.gpu', 'Dockerfile.train.cpu', 'serve.Dockerfile', 'serve.dockerfile', 'Containerfile', 'Containerfile.arm64', 'app.containerfile', 'app.Containerfile']) {
      assert.ok(isDockerfileName(name), name);
    }
    for (const name of ['Dockerfile.dockerignore', 'Dockerfiles', 'MyDockerfile', '.dockerfile', 'dockerfile.md', 'README.md', 'docker-compose.yml']) {
      assert.ok(!isDockerfileName(name), name);
    }
  });

  it('reads - as stdin once, and reports every bad path in one pass', () => {
    const root = tempTree({ Dockerfile: '' });
    try {
      const { targets, errors } = discover(['-', 'Dockerfile', '-', 'a', 'Dockerfile/x'], root);
      assert.deepEqual(targets, [{ kind: 'stdin' }, { kind: 'file', path: join(root, 'Dockerfile') }]);
      assert.deepEqual(errors, ['a: no such file or directory', 'Dockerfile/x: not a directory']);
    } finally {
      cleanUp(root);
    }
  });

  it('finds the nearest config file, preferring .smlint.yaml to .smlint.yml', () => {
    const root = tempTree({ '.smlint.yml': '', 'a/.smlint.yml': '', 'a/.smlint.yaml': '', 'a/b/c/': '' });
    try {
      assert.equal(findConfigFile(join(root, 'a', 'b', 'c')), join(root, 'a', '.smlint.yaml'));
      assert.equal(findConfigFile(root), join(root, '.smlint.yml'));
    } finally {
      cleanUp(root);
    }
  });
});
