import assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { Model } from '../../../src/core/lint/model';
import { sentContext } from '../../../src/core/lint/queries/buildContext';
import type { BuildContext, ContextFile } from '../../../src/core/lint/types';

const model = () => new Model('FROM x\n', DockerfileParser.parse('FROM x\n'));

describe('queries/buildContext', () => {
  it('reuses what it derived from the same listing, and re-reads .dockerignore every lint', () => {
    const listed: ContextFile[] = [{ path: '.dockerignore' }, { path: 'app/train.py' }, { path: 'data/big.csv' }];
    let ignore = 'data\n';
    const context: BuildContext = { listFiles: () => listed, readText: (p) => (p === '.dockerignore' ? ignore : undefined) };

    const first = sentContext(model(), context);
    assert.deepStrictEqual(first?.sent.map((f) => f.path), ['.dockerignore', 'app/train.py']);
    assert.equal(sentContext(model(), context), first, 'same listing and .dockerignore: the same result');

    ignore = 'app\n';
    const edited = sentContext(model(), context);
    assert.deepStrictEqual(edited?.sent.map((f) => f.path), ['.dockerignore', 'data/big.csv']);
    assert.equal(edited?.files, first?.files, 'the file sets are derived once per listing');
  });
});
