/**
 * Docker's path matching, re-implemented for the build context: `.dockerignore` files and the
 * wildcards of `COPY`/`ADD` sources. Hand-written matching is easy to get subtly wrong, so this
 * follows Docker's own code closely and says where each behaviour comes from:
 *
 * - `.dockerignore` lines are read as moby/patternmatcher `ignorefile.ReadAll` reads them: a UTF-8
 *   BOM is dropped, lines starting with `#` are comments, whitespace is trimmed, `!` marks an
 *   exception, the pattern is `filepath.Clean`ed and a leading `/` is removed.
 * - Patterns match as moby/patternmatcher `Pattern.compile`/`match` do (`**`, `*`, `?`, `[...]`,
 *   `\` escapes, with the exact/prefix/suffix/regexp match kinds it picks), and a path is excluded
 *   as `PatternMatcher.MatchesOrParentMatches` decides: the last pattern that matches the path or
 *   one of its parent directories wins, so an excluded directory excludes its content unless a later
 *   `!` pattern takes a path back.
 * - `COPY`/`ADD` wildcards follow BuildKit's copy (tonistiigi/fsutil `copy.go`): the source is split
 *   at its first segment with a wildcard, and the rest is matched with Go's `filepath.Match` against
 *   paths below that directory, so `*` and `?` never cross a `/`.
 *
 * Pure: strings in, booleans out. Anything Docker would reject as a bad pattern makes the caller
 * answer "cannot tell" (`undefined`), never a guess.
 */

/** Go's `path.Clean` for '/'-separated paths: `./a//b/../c/` → `a/c`, '' → '.', `/..` → `/`. */
export function cleanPath(path: string): string {
  if (path === '') return '.';
  const rooted = path.startsWith('/');
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(part);
  }
  const joined = out.join('/');
  if (rooted) return '/' + joined;
  return joined === '' ? '.' : joined;
}

/** The patterns of a `.dockerignore` file, as moby/patternmatcher `ignorefile.ReadAll` returns them. */
export function readIgnoreFile(text: string): string[] {
  const patterns: string[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const line of lines) {
    // Only a `#` in the first column starts a comment; `  # x` is the pattern `# x`.
    if (line.startsWith('#')) continue;
    let pattern = line.trim();
    if (pattern === '') continue;
    const invert = pattern.startsWith('!');
    if (invert) pattern = pattern.slice(1).trim();
    if (pattern.length > 0) {
      pattern = cleanPath(pattern);
      if (pattern.length > 1 && pattern.startsWith('/')) pattern = pattern.slice(1);
    }
    patterns.push(invert ? '!' + pattern : pattern);
  }
  return patterns;
}

type MatchKind = 'exact' | 'prefix' | 'suffix' | 'regexp';

interface Pattern {
  exclusion: boolean;
  cleaned: string;
  kind: MatchKind;
  regexp?: RegExp;
}

/** The characters patternmatcher escapes: regexp syntax with no meaning in `filepath.Match`. */
const REGEXP_ONLY = new Set(['.', '+', '(', ')', '|', '{', '}', '$']);

/**
 * patternmatcher's `Pattern.compile`, step by step. The match kind matters beyond speed: `**foo`
 * is a *suffix* match (it matches `xfoo`), which a plain regexp translation would get wrong.
 */
function compile(cleaned: string, exclusion: boolean): Pattern | undefined {
  let source = '^';
  let kind: MatchKind = 'exact';
  const chars = [...cleaned];
  for (let at = 0, i = 0; at < chars.length; i++) {
    const ch = chars[at++];
    if (ch === '*') {
      if (chars[at] === '*') {
        at++;
        // `**/` is read as `**`
        if (chars[at] === '/') at++;
        if (at >= chars.length) {
          if (kind === 'exact') kind = 'prefix';
          else { source += '.*'; kind = 'regexp'; }
        } else {
          source += '(.*/)?';
          kind = 'regexp';
        }
        if (i === 0) kind = 'suffix';
      } else {
        source += '[^/]*';
        kind = 'regexp';
      }
    } else if (ch === '?') {
      source += '[^/]';
      kind = 'regexp';
    } else if (REGEXP_ONLY.has(ch)) {
      source += '\\' + ch;
    } else if (ch === '\\') {
      if (at < chars.length) {
        source += escapeLiteral(chars[at++]);
        kind = 'regexp';
      } else {
        source += '\\\\';
      }
    } else if (ch === '[' || ch === ']') {
      source += ch;
      kind = 'regexp';
    } else {
      source += ch;
    }
  }
  const pattern: Pattern = { exclusion, cleaned, kind };
  if (kind === 'regexp') {
    try {
      pattern.regexp = new RegExp(source + '$', 'u');
    } catch {
      return undefined;
    }
  }
  return pattern;
}

function escapeLiteral(ch: string): string {
  return /[\^$\\.*+?()[\]{}|/]/.test(ch) ? '\\' + ch : ch;
}

function matchOne(pattern: Pattern, path: string): boolean {
  switch (pattern.kind) {
    case 'exact': return path === pattern.cleaned;
    case 'prefix': return path.startsWith(pattern.cleaned.slice(0, -2));
    case 'suffix': {
      const suffix = pattern.cleaned.slice(2);
      // `**/foo` also matches `foo` itself
      return path.endsWith(suffix) || (suffix.startsWith('/') && path === suffix.slice(1));
    }
    case 'regexp': return pattern.regexp?.test(path) ?? false;
  }
}

/** The excluded paths of a build context, as `.dockerignore` patterns decide them. */
export class IgnoreMatcher {
  private constructor(private readonly patterns: readonly Pattern[]) {}

  /**
   * Compiles the patterns (as `readIgnoreFile` returns them). Undefined when Docker would refuse
   * them (a lone `!`, a malformed `[...]` class): the build fails before any COPY, and which files
   * would have been sent cannot be told.
   */
  static create(patterns: readonly string[]): IgnoreMatcher | undefined {
    const compiled: Pattern[] = [];
    for (const raw of patterns) {
      let p = raw.trim();
      if (p === '') continue;
      p = cleanPath(p);
      const exclusion = p.startsWith('!');
      if (exclusion) {
        if (p.length === 1) return undefined;
        p = p.slice(1);
      }
      // patternmatcher.New validates each pattern with filepath.Match(p, ".").
      if (!isValidGlob(p)) return undefined;
      const pattern = compile(p, exclusion);
      if (!pattern) return undefined;
      compiled.push(pattern);
    }
    return new IgnoreMatcher(compiled);
  }

  /** Reads and compiles a `.dockerignore` text. */
  static fromFile(text: string): IgnoreMatcher | undefined {
    return IgnoreMatcher.create(readIgnoreFile(text));
  }

  /**
   * patternmatcher's `MatchesOrParentMatches`: whether `path` (context-relative, '/'-separated) is
   * left out of the context, by itself or through a parent directory. The context root never is.
   */
  excludes(path: string): boolean {
    const file = cleanPath(path.replace(/^\/+/, ''));
    if (file === '.') return false;
    const slash = file.lastIndexOf('/');
    const parents = slash < 0 ? [] : file.slice(0, slash).split('/');
    let matched = false;
    for (const pattern of this.patterns) {
      // An inclusion is skipped once the path is excluded, an exception until it is.
      if (pattern.exclusion !== matched) continue;
      let match = matchOne(pattern, file);
      for (let i = 0; !match && i < parents.length; i++) {
        match = matchOne(pattern, parents.slice(0, i + 1).join('/'));
      }
      if (match) matched = !pattern.exclusion;
    }
    return matched;
  }
}

/** BuildKit's `containsWildcards`: an unescaped `*`, `?` or `[`. */
export function hasWildcards(path: string): boolean {
  for (let i = 0; i < path.length; i++) {
    const ch = path[i];
    if (ch === '\\') i++;
    else if (ch === '*' || ch === '?' || ch === '[') return true;
  }
  return false;
}

/**
 * Where a `COPY`/`ADD` source points in the context: BuildKit joins it to `/` and cleans it, so
 * `./a`, `/a` and `../a` all name `a`. '' is the context root.
 */
export function contextPath(source: string): string {
  return cleanPath('/' + source).slice(1);
}

interface GlobParse { source: string; valid: boolean }

/**
 * Translates a Go `filepath.Match` pattern into a regexp source. `*` and `?` never match `/`;
 * a class is `[` `^`? (lo[-hi])+ `]` with `\` escapes; `-` or `]` where a class item must start,
 * an empty class, a class that is never closed or a trailing `\` make the pattern bad
 * (`ErrBadPattern`, which Go reports however early matching stops).
 */
function parseGlob(pattern: string): GlobParse {
  const chars = [...pattern];
  let source = '';
  let i = 0;
  const classChar = (): string | undefined => {
    let ch = chars[i];
    if (ch === undefined || ch === '-' || ch === ']') return undefined;
    if (ch === '\\') {
      i++;
      ch = chars[i];
      if (ch === undefined) return undefined;
    }
    i++;
    return ch;
  };
  while (i < chars.length) {
    const ch = chars[i++];
    if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else if (ch === '\\') {
      if (i >= chars.length) return { source, valid: false };
      source += escapeLiteral(chars[i++]);
    } else if (ch === '[') {
      let negated = false;
      if (chars[i] === '^') { negated = true; i++; }
      let items = '';
      let count = 0;
      for (;;) {
        if (i >= chars.length) return { source, valid: false };
        if (chars[i] === ']' && count > 0) { i++; break; }
        const lo = classChar();
        if (lo === undefined) return { source, valid: false };
        let item = escapeClass(lo);
        if (chars[i] === '-') {
          i++;
          const hi = classChar();
          if (hi === undefined) return { source, valid: false };
          item += '-' + escapeClass(hi);
        }
        items += item;
        count++;
      }
      // A class never matches the separator, so matching stays within one path segment.
      source += negated ? `[^/${items}]` : `(?!/)[${items}]`;
    } else {
      source += escapeLiteral(ch);
    }
  }
  return { source, valid: true };
}

function escapeClass(ch: string): string {
  return /[\\\]\[^-]/.test(ch) ? '\\' + ch : ch;
}

function isValidGlob(pattern: string): boolean {
  return parseGlob(pattern).valid;
}

/** A Go `filepath.Match` pattern as a RegExp over whole names; undefined for a bad pattern. */
function compileGlob(pattern: string): RegExp | undefined {
  const { source, valid } = parseGlob(pattern);
  if (!valid) return undefined;
  try {
    return new RegExp(`^${source}$`, 'u');
  } catch {
    return undefined;
  }
}

/**
 * Go's `filepath.Match(pattern, name)`: true when `name` matches the whole pattern; undefined
 * for a bad pattern (BuildKit then copies nothing for that source).
 */
export function globMatch(pattern: string, name: string): boolean | undefined {
  return compileGlob(pattern)?.test(name);
}

/**
 * The context paths (files and directories) a `COPY`/`ADD` source with wildcards names, as
 * BuildKit resolves them: the part before the first wildcard segment is a directory, the rest is
 * matched against the paths under it, and a matching directory is taken whole (not entered).
 * `paths` lists every file and directory of the context; undefined for a bad pattern.
 */
export function resolveWildcards(source: string, paths: Iterable<string>): string[] | undefined {
  const segments = contextPath(source).split('/');
  const first = segments.findIndex(hasWildcards);
  if (first < 0) return undefined;
  // BuildKit walks the part before the wildcard as a literal path.
  const base = segments.slice(0, first).join('/');
  const rest = segments.slice(first).join('/');
  const glob = compileGlob(rest);
  if (!glob) return undefined;
  const depth = segments.length - first;
  const matches: string[] = [];
  for (const path of paths) {
    let relative: string;
    if (base === '') relative = path;
    else if (path.startsWith(base + '/')) relative = path.slice(base.length + 1);
    else continue;
    // The pattern cannot cross '/', so only paths exactly `depth` segments below the base match.
    if (relative.split('/').length !== depth) continue;
    if (glob.test(relative)) matches.push(path);
  }
  return matches.sort();
}
