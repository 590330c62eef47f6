import assert from 'node:assert/strict';
import fc from 'fast-check';
import { splitCommands } from '../../../src/core/lint/shell';

/** Positions on a single line: offset → character. */
const oneLine = (offset: number) => ({ line: 0, character: offset });
const words = (text: string) => splitCommands(text, oneLine).map((c) => c.words.map((w) => w.value));

describe('shell tokenizer', () => {
  it('splits on &&, ||, ;, | and & — also inside a token', () => {
    assert.deepStrictEqual(words('apt-get update && apt-get install -y nginx'), [['apt-get', 'update'], ['apt-get', 'install', '-y', 'nginx']]);
    assert.deepStrictEqual(words('a&&b||c;d|e & f'), [['a'], ['b'], ['c'], ['d'], ['e'], ['f']]);
    assert.deepStrictEqual(words('chmod +x /opt/program/train;echo hi'), [['chmod', '+x', '/opt/program/train'], ['echo', 'hi']]);
  });

  it('removes quotes and keeps quoted operators inside words', () => {
    assert.deepStrictEqual(words(`pip install "numpy<2" 'a && b' x\\ y`), [['pip', 'install', 'numpy<2', 'a && b', 'x y']]);
    assert.deepStrictEqual(words('echo "a \\"b\\" c"'), [['echo', 'a "b" c']]);
  });

  it('joins line continuations and skips comments', () => {
    assert.deepStrictEqual(words('pip install \\\n    flask \\\n  # a comment\n'), [['pip', 'install', 'flask']]);
    assert.deepStrictEqual(words('pip install \\\r\n flask'), [['pip', 'install', 'flask']]);
  });

  // echo-kernel-image (sagemaker-studio-custom-image-samples) and the PyTorch inference DLC put a
  // comment line inside a continued `pip install`: Docker drops it, and the packages after it
  // still belong to the same command.
  it('keeps a continued instruction going across comment and empty lines, as Docker does', () => {
    assert.deepStrictEqual(words('pip install a \\\n    # why b is needed\n    b ipykernel && \\\n  python -m x'),
      [['pip', 'install', 'a', 'b', 'ipykernel'], ['python', '-m', 'x']]);
    assert.deepStrictEqual(words('pip install a \\\r\n  # note\r\n  b'), [['pip', 'install', 'a', 'b']]);
    assert.deepStrictEqual(words('pip install a \\\n\n  b'), [['pip', 'install', 'a', 'b']]);
  });

  it('ends a command at a newline in plain shell text (heredoc bodies, sh -c strings)', () => {
    const shell = (text: string) => splitCommands(text, oneLine, '\\', false).map((c) => c.words.map((w) => w.value));
    assert.deepStrictEqual(shell('pip install a \\\n  # note\n  b'), [['pip', 'install', 'a'], ['b']]);
  });

  it('honours the backtick escape character of `# escape=`', () => {
    assert.deepStrictEqual(splitCommands('pip install `\n flask', oneLine, '`').map((c) => c.words.map((w) => w.value)), [['pip', 'install', 'flask']]);
  });

  it('separates leading assignments, exec and keywords from the command name', () => {
    const [cmd] = splitCommands('DEBIAN_FRONTEND=noninteractive apt-get install -y x', oneLine);
    assert.deepStrictEqual(cmd.assignments.map((w) => w.value), ['DEBIAN_FRONTEND=noninteractive']);
    assert.deepStrictEqual(cmd.words.map((w) => w.value), ['apt-get', 'install', '-y', 'x']);
    assert.deepStrictEqual(words('exec python3 serve.py'), [['python3', 'serve.py']]);
    assert.deepStrictEqual(words('if true; then pip install x; fi'), [['true'], ['pip', 'install', 'x']]);
    assert.deepStrictEqual(words('sudo -E -u root apt-get install -y git'), [['apt-get', 'install', '-y', 'git']]);
  });

  it('drops redirections and their targets', () => {
    assert.deepStrictEqual(words('echo hi > /tmp/x 2>&1'), [['echo', 'hi']]);
    assert.deepStrictEqual(words('cat <in.txt >>out.txt'), [['cat']]);
  });

  it('keeps $(…) substitutions whole and marks expansions', () => {
    const [cmd] = splitCommands('ln -s $(which python3) /usr/bin/python', oneLine);
    assert.deepStrictEqual(cmd.words.map((w) => w.value), ['ln', '-s', '$(which python3)', '/usr/bin/python']);
    assert.equal(cmd.words[2].expands, true);
    assert.equal(cmd.words[3].expands, false);
  });

  it('gives exact ranges for words', () => {
    const [cmd] = splitCommands('pip install "flask==2.0"', oneLine);
    assert.deepStrictEqual(cmd.words[2].range, { start: { line: 0, character: 12 }, end: { line: 0, character: 24 } });
  });

  it('never throws and keeps every range inside the text (property)', () => {
    const alphabet = fc.constantFrom(...'ab \t\n\\"\'`$(){}|&;<>#=-12'.split(''));
    fc.assert(fc.property(fc.array(alphabet, { maxLength: 80 }).map((a) => a.join('')), (text) => {
      for (const command of splitCommands(text, oneLine)) {
        for (const word of [...command.assignments, ...command.words]) {
          assert.ok(word.range.start.character >= 0 && word.range.end.character <= text.length);
          assert.ok(word.range.start.character <= word.range.end.character);
        }
      }
    }), { numRuns: 2000 });
  });
});
