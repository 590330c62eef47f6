/**
 * The .dockerignore and COPY-wildcard matcher against the behaviour of Docker's own code
 * (moby/patternmatcher, BuildKit/fsutil copy); many rows restate cases of patternmatcher's tests.
 */
import assert from 'node:assert/strict';
import {
  cleanPath, contextPath, globMatch, hasWildcards, IgnoreMatcher, readIgnoreFile, resolveWildcards,
} from '../../../src/core/lint/queries/dockerignore';

const excludes = (patterns: string[], path: string): boolean => {
  const matcher = IgnoreMatcher.create(patterns);
  assert.ok(matcher, `patterns ${JSON.stringify(patterns)} should compile`);
  return matcher.excludes(path);
};

describe('dockerignore: cleanPath (Go path.Clean)', () => {
  const cases: [string, string][] = [
    ['', '.'], ['.', '.'], ['./', '.'], ['a/', 'a'], ['./a', 'a'], ['a//b', 'a/b'], ['a/./b', 'a/b'],
    ['a/../b', 'b'], ['a/b/../../c', 'c'], ['../a', '../a'], ['a/../../b', '../b'], ['/', '/'], ['/..', '/'],
    ['/../a/', '/a'], ['//a//b//', '/a/b'], ['**/', '**'], ['!a/../b', 'b'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => assert.equal(cleanPath(input), expected));
  }

  it('contextPath joins a COPY source to / first, so nothing escapes the context', () => {
    assert.equal(contextPath('./src/'), 'src');
    assert.equal(contextPath('/src/app.py'), 'src/app.py');
    assert.equal(contextPath('../outside/x'), 'outside/x');
    assert.equal(contextPath('.'), '');
    assert.equal(contextPath('a/../../b'), 'b');
  });
});

describe('dockerignore: readIgnoreFile (ignorefile.ReadAll)', () => {
  it('drops comments, blank lines and a BOM; trims; strips a leading slash; keeps ! exceptions', () => {
    const text = '\uFEFFtest1\n/test2\n/a/file/here\n\nlastfile\n# this is a comment\n! /inverted/abs/path\n!\n! \n';
    assert.deepStrictEqual(readIgnoreFile(text), ['test1', 'test2', 'a/file/here', 'lastfile', '!inverted/abs/path', '!', '!']);
  });

  it('only a # in the first column is a comment; CRLF files read the same', () => {
    assert.deepStrictEqual(readIgnoreFile('  # not a comment\r\n#comment\r\nnode_modules/\r\n./build//out/\r\n'), ['# not a comment', 'node_modules', 'build/out']);
  });

  it('cleans each pattern: trailing slashes, ./ and .. disappear', () => {
    assert.deepStrictEqual(readIgnoreFile('docs/\n./tmp\nsrc/../cache\n**/\n'), ['docs', 'tmp', 'cache', '**']);
  });
});

describe('dockerignore: IgnoreMatcher (MatchesOrParentMatches)', () => {
  // [pattern, path, excluded]
  const single: [string, string, boolean][] = [
    ['*', 'fileutils.go', true],
    ['*.go', 'fileutils.go', true],
    ['*.go', 'pkg/fileutils.go', false],
    ['**', 'file', true],
    ['**', 'dir/file', true],
    ['**/', 'dir/file', true],
    ['**/**', 'dir/file', true],
    ['dir/**', 'dir/file', true],
    ['dir/**', 'dir/dir2/file', true],
    ['dir/**', 'dir', false],
    ['**/dir', 'dir', true],
    ['**/dir', 'dir/file', true],
    ['**/dir', 'a/b/dir/file', true],
    ['**/dir2/*', 'dir/dir2/file', true],
    ['**/dir2/**', 'dir/dir2/dir3/file', true],
    ['**file', 'file', true],
    ['**file', 'dir/file', true],
    ['**file', 'dir/xfile', true],
    ['**/file', 'dir/dir/file', true],
    ['**/file*', 'dir/dir/file.txt', true],
    ['**/file*.txt', 'dir/dir/file.txt', true],
    ['**/**/*.txt', 'dir/dir/file.txt', true],
    ['**/**/*.txt2', 'dir/dir/file.txt', false],
    ['**/*.txt', 'file.txt', true],
    ['a**/*.txt', 'a/dir/dir/file.txt', true],
    ['a/*.txt', 'a/dir/file.txt', false],
    ['a/*.txt', 'a/file.txt', true],
    ['a/*.txt**', 'a/file.txt', true],
    ['a*', 'ab/c', true],
    ['a*/b', 'abc/b', true],
    ['a*/b', 'a/c/b', false],
    ['a[b-d]e', 'ace', true],
    ['a[b-d]e', 'aae', false],
    ['a[^b-d]e', 'aze', true],
    ['.*', '.foo', true],
    ['.*', 'foo', false],
    ['abc.def', 'abcdef', false],
    ['abc.def', 'abc.def', true],
    ['abc?def', 'abcZdef', true],
    ['abc?def', 'abc/def', false],
    ['**/foo/bar', 'foo/bar', true],
    ['**/foo/bar', 'dir/dir2/foo/bar', true],
    ['**/.foo', 'bar.foo', false],
    ['a(b)c/def', 'a(b)c/def', true],
    ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
    ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'axb', false],
    ['docs', 'docs/README.md', true],
    ['docs', 'docs', true],
    ['docs', 'mydocs', false],
    ['docs', 'src/docs', false],
    ['./docs/', 'docs/x', true],
    ['a?b', 'a☺b', true],
    ['*/*.pyc', 'pkg/mod.pyc', true],
    ['*/*.pyc', 'pkg/sub/mod.pyc', false],
    ['**/*.pyc', 'pkg/sub/mod.pyc', true],
    ['**/__pycache__', 'src/pkg/__pycache__/mod.cpython-311.pyc', true],
  ];
  for (const [pattern, path, expected] of single) {
    it(`${JSON.stringify(pattern)} ${expected ? 'excludes' : 'keeps'} ${path}`, () => assert.equal(excludes([pattern], path), expected));
  }

  // [patterns, path, excluded]
  const multi: [string[], string, boolean][] = [
    [['!fileutils.go', '*.go'], 'fileutils.go', true],
    [['*.go', '!fileutils.go'], 'fileutils.go', false],
    [['docs', '!docs/README.md'], 'docs/README.md', false],
    [['docs', '!docs/README.md'], 'docs/other.md', true],
    [['docs/', '!docs/README.md'], 'docs/README.md', false],
    [['docs/*', '!docs/README.md'], 'docs/README.md', false],
    [['**', '!util/docker/web'], 'util/docker/web/foo', false],
    [['**', '!util/docker/web', 'util/docker/web/foo'], 'util/docker/web/foo', true],
    [['**', '!dist/*.whl'], 'dist/a-1.0-py3-none-any.whl', false],
    [['*', '!src'], 'src/app.py', false],
    [['*', '!src'], 'README.md', true],
    [['*', '!src', 'src/*.md'], 'src/notes.md', true],
    [['*', '!decision_trees/train'], 'decision_trees/serve', true],
    [['*', '!decision_trees/train'], 'decision_trees/train', false],
    [['**/*.pyc', '!keep/**'], 'keep/x.pyc', false],
  ];
  for (const [patterns, path, expected] of multi) {
    it(`${JSON.stringify(patterns)} ${expected ? 'excludes' : 'keeps'} ${path}`, () => assert.equal(excludes(patterns, path), expected));
  }

  it('never excludes the context root, and no patterns exclude nothing', () => {
    assert.equal(excludes(['*'], '.'), false);
    assert.equal(excludes([], 'any/path/there'), false);
  });

  it('reads patterns from file text, last match winning', () => {
    const matcher = IgnoreMatcher.fromFile('# build output\n*\n!container/\ncontainer/local_test\n');
    assert.ok(matcher);
    assert.equal(matcher.excludes('Dockerfile'), true);
    assert.equal(matcher.excludes('container/decision_trees/train'), false);
    assert.equal(matcher.excludes('container/local_test/train_local.sh'), true);
  });

  it('a leading slash is removed when the file is read (ReadAll), not by the matcher (New)', () => {
    assert.equal(IgnoreMatcher.fromFile('/docs\n')?.excludes('docs/x'), true);
    assert.equal(IgnoreMatcher.create(['/docs'])?.excludes('docs/x'), false);
  });

  it('is undefined for patterns Docker refuses: a lone "!" or a malformed class', () => {
    assert.equal(IgnoreMatcher.create(['!']), undefined);
    assert.equal(IgnoreMatcher.create(['[']), undefined);
    assert.equal(IgnoreMatcher.create(['a[']), undefined);
    assert.equal(IgnoreMatcher.create(['[]a]']), undefined);
    assert.equal(IgnoreMatcher.create(['ok', '[x-]']), undefined);
    assert.equal(IgnoreMatcher.create(['trailing\\']), undefined);
    assert.equal(IgnoreMatcher.fromFile('!\n'), undefined);
  });

  it('ignores empty and blank patterns', () => {
    const matcher = IgnoreMatcher.create(['', '   ', 'docs']);
    assert.ok(matcher);
    assert.equal(matcher.excludes('docs/a'), true);
  });
});

describe('dockerignore: globMatch (Go filepath.Match)', () => {
  // [pattern, name, result] — undefined is ErrBadPattern
  const cases: [string, string, boolean | undefined][] = [
    ['abc', 'abc', true],
    ['*', 'abc', true],
    ['*c', 'abc', true],
    ['a*', 'a', true],
    ['a*', 'ab/c', false],
    ['a*/b', 'abc/b', true],
    ['a*/b', 'a/c/b', false],
    ['a*b*c*d*e*/f', 'axbxcxdxexxx/f', true],
    ['a*b*c*d*e*/f', 'axbxcxdxe/xxx/f', false],
    ['a*b?c*x', 'abxbbxdbxebxczzx', true],
    ['a*b?c*x', 'abxbbxdbxebxczzy', false],
    ['ab[c]', 'abc', true],
    ['ab[b-d]', 'abc', true],
    ['ab[e-g]', 'abc', false],
    ['ab[^c]', 'abc', false],
    ['ab[^e-g]', 'abc', true],
    ['a\\*b', 'a*b', true],
    ['a\\*b', 'ab', false],
    ['a?b', 'a☺b', true],
    ['a[^a]b', 'a☺b', true],
    ['a???b', 'a☺b', false],
    ['[a-ζ]*', 'α', true],
    ['*[a-ζ]', 'A', false],
    ['a?b', 'a/b', false],
    ['a*b', 'a/b', false],
    ['a[^x]b', 'a/b', false],
    ['[\\]a]', ']', true],
    ['[\\-]', '-', true],
    ['[x\\-]', '-', true],
    ['[x\\-]', 'z', false],
    ['[\\-x]', 'x', true],
    ['[]a]', ']', undefined],
    ['[-]', '-', undefined],
    ['[x-]', 'x', undefined],
    ['[-x]', 'x', undefined],
    ['\\', 'a', undefined],
    ['[a-b-c]', 'a', undefined],
    ['[', 'a', undefined],
    ['[^', 'a', undefined],
    ['[^bc', 'a', undefined],
    ['a[', 'ab', undefined],
    ['*x', 'xxx', true],
    ['requirements.tx[t]', 'requirements.txt', true],
    ['*.py', '.hidden.py', true],
  ];
  for (const [pattern, name, expected] of cases) {
    it(`Match(${JSON.stringify(pattern)}, ${JSON.stringify(name)}) = ${expected}`, () => assert.equal(globMatch(pattern, name), expected));
  }

  it('hasWildcards sees unescaped *, ? and [ only', () => {
    assert.equal(hasWildcards('src/*.py'), true);
    assert.equal(hasWildcards('file?.txt'), true);
    assert.equal(hasWildcards('yarn.loc[k]'), true);
    assert.equal(hasWildcards('a\\*b'), false);
    assert.equal(hasWildcards('plain/path.txt'), false);
  });
});

describe('dockerignore: resolveWildcards (BuildKit COPY sources)', () => {
  const paths = [
    'Dockerfile', 'train.py', 'serve.py', 'README.md', 'requirements.txt',
    'src', 'src/app.py', 'src/util.py', 'src/pkg', 'src/pkg/mod.py',
    'models', 'models/a', 'models/a/model.pt', 'models/b', 'models/b/model.pt',
  ];

  it('matches at the top level without crossing into directories', () => {
    assert.deepStrictEqual(resolveWildcards('*.py', paths), ['serve.py', 'train.py']);
    assert.deepStrictEqual(resolveWildcards('./*.py', paths), ['serve.py', 'train.py']);
  });

  it('walks the literal directory before the first wildcard segment', () => {
    assert.deepStrictEqual(resolveWildcards('src/*.py', paths), ['src/app.py', 'src/util.py']);
    assert.deepStrictEqual(resolveWildcards('/src/*.py', paths), ['src/app.py', 'src/util.py']);
  });

  it('takes a matching directory whole, and wildcards in inner segments', () => {
    assert.deepStrictEqual(resolveWildcards('models/*', paths), ['models/a', 'models/b']);
    assert.deepStrictEqual(resolveWildcards('models/*/model.pt', paths), ['models/a/model.pt', 'models/b/model.pt']);
    assert.equal(resolveWildcards('*', paths)?.length, 7);
  });

  it('may match nothing (BuildKit copies nothing then), and treats ** like *', () => {
    assert.deepStrictEqual(resolveWildcards('*.json', paths), []);
    assert.deepStrictEqual(resolveWildcards('requirements.tx[t]', paths), ['requirements.txt']);
    assert.deepStrictEqual(resolveWildcards('src/**.py', paths), ['src/app.py', 'src/util.py']);
  });

  it('is undefined for a source without wildcards or with a bad pattern', () => {
    assert.equal(resolveWildcards('src/app.py', paths), undefined);
    assert.equal(resolveWildcards('src/[x-', paths), undefined);
  });
});
