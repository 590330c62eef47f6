import assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { Model } from '../../../src/core/lint/model';
import { imageSteps, imageWorkdir } from '../../../src/core/lint/commands';
import { copiedFiles, executeBit, shellGlobMatch } from '../../../src/core/lint/queries/filesystem';
import { dockerfile, memoryContext } from '../../helpers/ruleTester';

const modelOf = (text: string) => new Model(text, DockerfileParser.parse(text));

describe('queries/filesystem', () => {
  it('lands a copied folder\'s contents, not the folder, using the build context', () => {
    const model = modelOf('FROM ubuntu:22.04\nCOPY decision_trees /opt/program\n');
    const [copy] = copiedFiles(model, memoryContext({ 'decision_trees/train': '', 'decision_trees/lib/util.py': '', 'other.txt': '' }));
    assert.deepStrictEqual(copy.files.map((f) => f.path), ['/opt/program/train', '/opt/program/lib/util.py']);
    assert.deepStrictEqual(copy.opaque, []);
  });

  it('matches globs within one path segment and copies matched folders\' contents', () => {
    const model = modelOf('FROM ubuntu:22.04\nCOPY code/* /opt/ml/code/\n');
    const [copy] = copiedFiles(model, memoryContext({ 'code/main.py': '', 'code/utils.py': '', 'code/pkg/mod.py': '', 'codex/x.py': '' }));
    assert.deepStrictEqual(copy.files.map((f) => f.path).sort(), ['/opt/ml/code/main.py', '/opt/ml/code/mod.py', '/opt/ml/code/utils.py']);
    assert.equal(shellGlobMatch('code/[!a]*.py', 'code/main.py'), true);
    assert.equal(shellGlobMatch('code/*.py', 'code/sub/main.py'), false);
  });

  it('leaves out what .dockerignore excludes: docker build never sends it', () => {
    const model = modelOf('FROM ubuntu:22.04\nCOPY . /opt/program\n');
    const files = { '.dockerignore': 'tests\n*.md\n!README.md\n', train: '', 'README.md': '', 'NOTES.md': '', 'tests/test_train.py': '' };
    const [copy] = copiedFiles(model, memoryContext(files));
    assert.deepStrictEqual(copy.files.map((f) => f.path).sort(), ['/opt/program/.dockerignore', '/opt/program/README.md', '/opt/program/train']);
    const unreadable = memoryContext({ ...files, 'Dockerfile.dockerignore': '' });
    assert.equal(copiedFiles(modelOf('FROM ubuntu:22.04\nCOPY . /opt/program\n'), unreadable)[0].files.length, 6, 'exclusions that cannot be told exclude nothing');
  });

  it('without a build context, takes a source as the file it names and marks possible folders opaque', () => {
    const model = modelOf('FROM ubuntu:22.04\nWORKDIR /srv\nCOPY app.py train ./\nCOPY --from=build /out /usr/local\n');
    const [local, fromStage] = copiedFiles(model, undefined);
    assert.deepStrictEqual(local.files.map((f) => f.path), ['/srv/app.py', '/srv/train']);
    assert.deepStrictEqual(local.opaque, ['/srv']);
    assert.deepStrictEqual(fromStage.opaque, ['/usr/local']);
  });

  it('an unmatched source, an archive ADD or a git ADD may bring anything', () => {
    const model = modelOf('FROM ubuntu:22.04\nCOPY missing /a\nADD vendor.tar.gz /b/\nADD https://github.com/org/repo.git /c\n');
    const results = copiedFiles(model, memoryContext({ 'vendor.tar.gz': '' }));
    assert.deepStrictEqual(results.map((r) => r.opaque), [['/a'], ['/b'], ['/c']]);
  });

  it('tracks WORKDIR through the lineage, and gives up on a variable it cannot resolve', () => {
    assert.equal(imageWorkdir(modelOf('FROM python:3.11 AS base\nWORKDIR /opt\nFROM base\nWORKDIR program\n')), '/opt/program');
    assert.equal(imageWorkdir(modelOf('FROM python:3.11\nARG APP=/app\nWORKDIR $APP/src\n')), '/app/src');
    assert.equal(imageWorkdir(modelOf('FROM python:3.11\nWORKDIR $HOME/src\n')), undefined);
  });

  it('decides the execute bit from --chmod, a later chmod, or the context mode', () => {
    const text = dockerfile`
      FROM ubuntu:22.04
      COPY --chmod=0755 serve /usr/local/bin/serve
      COPY train /usr/local/bin/train
      COPY entry.sh /entry.sh
      RUN chmod a+x /entry.sh
      COPY <<EOF /usr/local/bin/hook
      echo hi
      EOF
      COPY --chmod=$MODE other /other
    `;
    const model = modelOf(text);
    const context = memoryContext({ serve: '', train: { text: '', executable: false }, 'entry.sh': '', other: '' });
    const steps = imageSteps(model);
    const bits = copiedFiles(model, context).map((c) => c.files.map((f) => executeBit(model, c, f, steps)));
    assert.deepStrictEqual(bits, [['granted'], ['missing'], ['granted'], ['missing'], ['unknown']]);
    const unseen = modelOf('FROM ubuntu:22.04\nCOPY train /usr/local/bin/train\n');
    const [copy] = copiedFiles(unseen, undefined);
    assert.equal(executeBit(unseen, copy, copy.files[0]), 'unseen');
  });
});
