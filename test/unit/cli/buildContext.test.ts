import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeBuildContext, readGitModes } from '../../../src/cli/buildContext';
import { lint } from '../../../src/core/lint/engine';
import { cleanUp, tempTree } from './harness';

const posix = process.platform !== 'win32';

function git(cwd: string, ...args: string[]): void {
  execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@t', ...args], { cwd, stdio: 'ignore' });
}

describe('NodeBuildContext', () => {
  let root: string;
  afterEach(() => cleanUp(root));

  it('lists files relative and /-separated, leaving out .git but not other dot folders', () => {
    root = tempTree({ 'Dockerfile': '', 'src/app/train.py': '', '.git/config': '', '.github/x.yml': '', 'empty/': '' });
    assert.deepEqual(new NodeBuildContext(root).listFiles()?.map((f) => f.path), ['.github/x.yml', 'Dockerfile', 'src/app/train.py']);
  });

  it('lists nothing until asked, then keeps the first answer', () => {
    root = tempTree({ a: '' });
    const context = new NodeBuildContext(root);
    writeFileSync(join(root, 'b'), '');
    assert.deepEqual(context.listFiles()?.map((f) => f.path), ['a', 'b'], 'the folder was read on demand');
    writeFileSync(join(root, 'c'), '');
    assert.equal(context.listFiles()?.length, 2);
  });

  it('cannot tell the files of a context over the limit, and says so once', () => {
    root = tempTree({ a: '', b: '', c: '' });
    const notices: string[] = [];
    const context = new NodeBuildContext(root, { maxFiles: 2, notice: (message) => notices.push(message) });
    assert.equal(context.listFiles(), undefined);
    context.listFiles();
    assert.equal(notices.length, 1);
    assert.match(notices[0], /more than 2 files/);
  });

  it('a cut list is no evidence that a file is missing (copy-source-missing stays silent)', () => {
    root = tempTree({ 'big/a': '', 'big/b': '', 'big/c': '', 'small/a': '' });
    const missing = (context: NodeBuildContext) => lint('FROM python:3.11\nCOPY c /c\n', { buildContext: context }).findings
      .filter((f) => f.ruleId === 'copy-source-missing');
    assert.deepEqual(missing(new NodeBuildContext(join(root, 'big'), { maxFiles: 2 })), []);
    assert.deepEqual(missing(new NodeBuildContext(join(root, 'big'))), []);
    assert.equal(missing(new NodeBuildContext(join(root, 'small'))).length, 1, 'the rule does report a file that is really missing');
  });

  it('cannot tell the files of a context with a folder it cannot read', function () {
    // Root reads any folder, whatever its mode.
    if (!posix || process.getuid?.() === 0) this.skip();
    root = tempTree({ a: '', 'locked/b': '' });
    chmodSync(join(root, 'locked'), 0o000);
    const notices: string[] = [];
    try {
      assert.equal(new NodeBuildContext(root, { notice: (message) => notices.push(message) }).listFiles(), undefined);
      assert.match(notices[0], /cannot read locked/);
    } finally {
      chmodSync(join(root, 'locked'), 0o755);
    }
  });

  it('answers undefined for a context that cannot be read', () => {
    root = tempTree({});
    assert.equal(new NodeBuildContext(join(root, 'missing')).listFiles(), undefined);
  });

  it('takes the executable bit from the file mode outside git', function () {
    if (!posix) this.skip();
    root = tempTree({ train: '', 'notes.txt': '' });
    chmodSync(join(root, 'train'), 0o755);
    chmodSync(join(root, 'notes.txt'), 0o644);
    assert.equal(readGitModes(root), undefined, 'not a git work tree');
    assert.deepEqual(new NodeBuildContext(root).listFiles(), [{ path: 'notes.txt', executable: false }, { path: 'train', executable: true }]);
  });

  it('prefers the git index mode for tracked files, as a CI checkout would', function () {
    if (!posix) this.skip();
    root = tempTree({ 'image/serve': '', 'image/train': '', 'image/untracked.sh': '' });
    git(root, 'init', '-q');
    chmodSync(join(root, 'image/serve'), 0o755);
    chmodSync(join(root, 'image/untracked.sh'), 0o755);
    git(root, 'add', 'image/serve', 'image/train');
    // Executable on disk but committed without the bit (a Windows author, or core.fileMode=false)…
    git(root, 'update-index', '--chmod=-x', 'image/serve');
    // …and the reverse: executable in the index only.
    git(root, 'update-index', '--chmod=+x', 'image/train');
    const files = new NodeBuildContext(join(root, 'image')).listFiles();
    assert.deepEqual(files, [
      { path: 'serve', executable: false },
      { path: 'train', executable: true },
      { path: 'untracked.sh', executable: true },
    ]);
  });

  it('reads small text files inside the context only', () => {
    root = tempTree({ 'ctx/.dockerignore': 'data/\n', 'ctx/big.bin': 'x'.repeat(2048), secret: 'no' });
    const context = new NodeBuildContext(join(root, 'ctx'), { maxBytes: 1024 });
    assert.equal(context.readText('.dockerignore'), 'data/\n');
    assert.equal(context.readText('big.bin'), undefined, 'over the size limit');
    assert.equal(context.readText('../secret'), undefined, 'outside the context');
    assert.equal(context.readText('missing'), undefined);
  });
});
