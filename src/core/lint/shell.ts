/**
 * A small shell tokenizer: enough of POSIX sh to turn a RUN/ENTRYPOINT/CMD into simple commands
 * and words with exact ranges. It is deliberately not a shell parser (ecosystem.md §6: the parser
 * packages are stale, huge or async); it understands quoting, escapes, line continuations,
 * comments and the list/pipe operators, and treats everything else as words. It never throws.
 */
import type { Position, Range } from './types';

export interface Word {
  /** the word after quote removal and escape processing (expansions are left as written) */
  value: string;
  range: Range;
  /** true if any part of the word was quoted */
  quoted: boolean;
  /** true if the word contains an unquoted or double-quoted `$` expansion or a backtick */
  expands: boolean;
}

export interface SimpleCommand {
  /** `NAME=value` words before the command name */
  assignments: Word[];
  /** the command name and its arguments; empty for a pure assignment such as `FOO=bar` */
  words: Word[];
  /** the program's basename (`/usr/bin/python3` → `python3`); '' for a pure assignment. Every query asks, so it is read once. */
  name: string;
  range: Range;
}

/** Maps offsets of the tokenized text back to document positions. */
export type PositionOf = (offset: number) => Position;

/** Reserved words that may start a command position and are not themselves the command. */
const PREFIX_KEYWORDS = new Set(['{', '}', '!', 'if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'while', 'until', 'time', 'exec']);

/**
 * Splits shell text into simple commands.
 * @param text the shell source (as it appears in the document, continuations included)
 * @param positionOf maps an offset in `text` to a document position
 * @param escapeChar the Dockerfile escape character (`\` or `` ` ``): an escape before a newline
 *   continues the line; otherwise escapes follow shell rules with `\`.
 * @param instruction true when `text` is an instruction's arguments: Docker then drops comment and
 *   empty lines inside a continued instruction before the shell sees it, so the command goes on
 *   after them. A heredoc body or a `sh -c` string is plain shell, where a newline ends it.
 */
export function splitCommands(text: string, positionOf: PositionOf, escapeChar = '\\', instruction = true): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: Word[] = [];

  const flush = () => {
    if (words.length === 0) return;
    let i = 0;
    const assignments: Word[] = [];
    // `exec` and keywords like `then` precede the real command name.
    for (; i < words.length; i++) {
      if (isAssignment(words[i])) assignments.push(words[i]);
      else if (words[i].quoted || !PREFIX_KEYWORDS.has(words[i].value)) break;
    }
    // `sudo [-E] [-u user] cmd` runs cmd; the rules care about cmd.
    if (words[i]?.value === 'sudo') {
      i++;
      while (i < words.length && words[i].value.startsWith('-')) i += /^-[ugCDhpr]$/.test(words[i].value) ? 2 : 1;
    }
    const rest = i === 0 ? words : words.slice(i);
    const first = words[0].range.start;
    const last = words[words.length - 1].range.end;
    if (rest.length > 0 || assignments.length > 0) commands.push({ assignments, words: rest, name: commandName(rest[0]), range: { start: first, end: last } });
    words = [];
  };

  let i = 0;
  const n = text.length;
  const escapeCode = escapeChar.charCodeAt(0);
  let atLineStart = true;
  let continued = false;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === escapeCode && (text.charCodeAt(i + 1) === NEWLINE || (text.charCodeAt(i + 1) === RETURN && text.charCodeAt(i + 2) === NEWLINE))) {
      i += text.charCodeAt(i + 1) === NEWLINE ? 2 : 3;
      atLineStart = true;
      continued = true;
      continue;
    }
    const dropped = instruction && continued && atLineStart;
    if (c === NEWLINE) {
      i++;
      if (dropped) continue;
      // A bare newline ends a command (heredoc bodies, `sh -c` scripts with several lines).
      flush();
      atLineStart = true;
      continued = false;
      continue;
    }
    const kind = classOf(c);
    if (kind === SPACE) { i++; continue; }
    if (c === HASH && (atLineStart || words.length === 0 || classOf(text.charCodeAt(i - 1)) === SPACE || text.charCodeAt(i - 1) === NEWLINE)) {
      while (i < n && text.charCodeAt(i) !== NEWLINE) i++;
      if (dropped) i++;
      continue;
    }
    atLineStart = false;
    if (kind === OPERATOR) {
      flush();
      i++;
      for (let next = text.charCodeAt(i); next === AMPERSAND || next === PIPE || next === SEMICOLON; next = text.charCodeAt(i)) i++;
      continue;
    }
    if (kind === REDIRECT || (c >= DIGIT_0 && c <= DIGIT_9 && classOf(text.charCodeAt(i + 1)) === REDIRECT)) {
      // A redirection: skip the operator and its target word, which are not arguments.
      i = skipRedirection(text, i, escapeChar);
      continue;
    }
    const start = i;
    const word = readWord(text, i, escapeChar);
    i = word.end;
    words.push({ value: word.value, quoted: word.quoted, expands: word.expands, range: { start: positionOf(start), end: positionOf(word.end) } });
  }
  flush();
  return commands;
}

function isAssignment(word: Word): boolean {
  return word.value.includes('=') && ASSIGNMENT.test(word.value);
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

function skipRedirection(text: string, i: number, escapeChar: string): number {
  while (i < text.length && /[0-9<>&|-]/.test(text[i])) {
    // `2>&1` and `>&2` redirect to a descriptor: no target word follows.
    if (text[i] === '&' && /[0-9-]/.test(text[i + 1] ?? '')) return i + 2;
    i++;
  }
  while (i < text.length && classOf(text.charCodeAt(i)) === SPACE) i++;
  if (i >= text.length || text.charCodeAt(i) === NEWLINE || classOf(text.charCodeAt(i)) === OPERATOR) return i;
  return readWord(text, i, escapeChar).end;
}

interface RawWord { value: string; end: number; quoted: boolean; expands: boolean }

function readWord(text: string, i: number, escapeChar: string): RawWord {
  let value = '';
  let quoted = false;
  let expands = false;
  const n = text.length;
  const escapeCode = escapeChar.charCodeAt(0);
  while (i < n) {
    const code = text.charCodeAt(i);
    const kind = classOf(code);
    if (kind === SPACE || kind === OPERATOR || kind === REDIRECT || code === NEWLINE) break;
    if (code === escapeCode || code === BACKSLASH) {
      if (text.charCodeAt(i + 1) === NEWLINE) { i += 2; continue; }
      if (text.charCodeAt(i + 1) === RETURN && text.charCodeAt(i + 2) === NEWLINE) { i += 3; continue; }
      if (i + 1 < n) value += text[i + 1];
      i += 2;
      continue;
    }
    if (code === SINGLE_QUOTE) {
      quoted = true;
      const close = text.indexOf("'", i + 1);
      const end = close < 0 ? n : close;
      value += text.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (code === DOUBLE_QUOTE) {
      quoted = true;
      i++;
      while (i < n && text.charCodeAt(i) !== DOUBLE_QUOTE) {
        if (text.charCodeAt(i) === BACKSLASH && i + 1 < n && '"\\$`\n'.includes(text[i + 1])) {
          if (text.charCodeAt(i + 1) !== NEWLINE) value += text[i + 1];
          i += 2;
          continue;
        }
        if (text.charCodeAt(i) === DOLLAR || text.charCodeAt(i) === BACKTICK) expands = true;
        value += text[i];
        i++;
      }
      i++;
      continue;
    }
    if (code === DOLLAR && text.charCodeAt(i + 1) === OPEN_PAREN) {
      // Command substitution: keep it inside this word, balanced, so its operators don't split.
      expands = true;
      const end = matchParen(text, i + 1);
      value += text.slice(i, end);
      i = end;
      continue;
    }
    if (code === DOLLAR || code === BACKTICK) {
      expands = true;
      value += text[i];
      i++;
      continue;
    }
    // Most of a word is plain characters: take them as one slice.
    let j = i + 1;
    while (j < n && classOf(text.charCodeAt(j)) === PLAIN) j++;
    value += text.slice(i, j);
    i = j;
  }
  return { value, end: Math.min(i, n), quoted, expands };
}

const NEWLINE = 10, RETURN = 13, HASH = 35, AMPERSAND = 38, PIPE = 124, SEMICOLON = 59, BACKSLASH = 92, SINGLE_QUOTE = 39,
  DOUBLE_QUOTE = 34, DOLLAR = 36, BACKTICK = 96, OPEN_PAREN = 40, DIGIT_0 = 48, DIGIT_9 = 57;

/**
 * What a character is to the tokenizer, from one table instead of string comparisons. `WORD_END`
 * characters end a run of plain word characters without ending the word (quotes, `$`, both
 * escape characters); everything outside ASCII is plain.
 */
const PLAIN = 0, SPACE = 1, OPERATOR = 2, REDIRECT = 3, WORD_END = 4;
const CLASSES = new Uint8Array(128);
for (const c of ' \t\r\f\v') CLASSES[c.charCodeAt(0)] = SPACE;
for (const c of ';&|()') CLASSES[c.charCodeAt(0)] = OPERATOR;
for (const c of '<>') CLASSES[c.charCodeAt(0)] = REDIRECT;
for (const c of '\n\\\'"$`') CLASSES[c.charCodeAt(0)] = WORD_END;

function classOf(code: number): number {
  return code < 128 ? CLASSES[code] : PLAIN;
}

function matchParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i + 1;
  }
  return text.length;
}

/** The basename of a command word: `/usr/bin/python3` → `python3`. */
export function commandName(word: Word | undefined): string {
  if (!word) return '';
  const v = word.value;
  const slash = v.lastIndexOf('/');
  return slash >= 0 ? v.slice(slash + 1) : v;
}
