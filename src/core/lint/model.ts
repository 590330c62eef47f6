/**
 * The stage model, built once per lint run: which stages exist, which one is the image, what the
 * ARGs and ENVs resolve to there, and what its RUN/ENTRYPOINT/CMD instructions execute. Rules ask
 * questions of this model instead of re-walking the parser's output.
 */
import {
  Arg, Dockerfile, Env, From, Heredoc, Instruction, JSONInstruction, Label, Property,
} from 'dockerfile-ast';
import { eolOf, lineStarts } from './edits';
import { commandName, PositionOf, SimpleCommand, splitCommands, Word } from './shell';
import type { Position, Range } from './types';

export interface VariableValue {
  /** undefined when declared without a value that the linter can see */
  value: string | undefined;
  range: Range;
}

/** The part of dockerfile-ast's Property that rules read; plain ENV and LABEL pairs are read without it. */
export type KeyValue = Pick<Property, 'getName' | 'getNameRange' | 'getValue' | 'getValueRange' | 'getRange'>;

export interface EnvEntry {
  name: string;
  /** the value after substitution of the variables known at that point */
  value: string;
  /** the value as written, quotes removed */
  rawValue: string;
  instruction: Env;
  property: KeyValue;
  stage: Stage;
}

/** An ENTRYPOINT or CMD as the container runtime will see it. */
export interface ExecSpec {
  instruction: Instruction;
  /** `exec` for a valid JSON array; anything else Docker runs through `/bin/sh -c` */
  form: 'exec' | 'shell';
  /** exec form: the array elements; shell form: the tokenized words of the whole command */
  words: Word[];
  /** the commands a shell runs: the shell-form text, or the script of `["sh", "-c", "…"]` */
  commands: SimpleCommand[];
}

export interface RunStep {
  instruction: Instruction;
  commands: SimpleCommand[];
  /** heredoc bodies that are not shell scripts (`RUN python3 <<EOF`) are not tokenized */
  heredocs: Heredoc[];
}

export interface LabelEntry {
  value: string;
  property: KeyValue;
  instruction: Label;
}

export interface Stage {
  index: number;
  /** `AS name`, lower-cased as Docker compares them */
  name?: string;
  from: From;
  /** the `FROM` image as written */
  image: string;
  /** the image with ARGs substituted; undefined parts are listed in `unresolved` */
  resolvedImage: string;
  unresolved: string[];
  /** set when `FROM` names an earlier stage */
  parent?: Stage;
  /** the `--platform` value, substituted */
  platform?: string;
  /** where the image is written; undefined for a FROM without one */
  imageRange?: Range;
  /** the `--platform` flag as written, with the range of its value (undefined for `--platform` alone) */
  platformFlag?: { valueRange?: Range };
  instructions: Instruction[];
  /** ARGs declared in this stage, with their values after --build-arg and global defaults */
  args: Map<string, VariableValue>;
  env: Map<string, EnvEntry>;
  runs: RunStep[];
  entrypoint?: ExecSpec;
  cmd?: ExecSpec;
}

const NONE: readonly Instruction[] = [];

const KEYWORDS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME',
  'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

interface MemoEntry { value: unknown; input: unknown }

/**
 * A question `Model.memo` answers once per model: an index into its answers, made once per query
 * when its module loads, so that asking costs an array read rather than a lookup by name.
 */
export type MemoKey = number & { readonly memoKey: unique symbol };
let memoKeys = 0;

export function memoKey(): MemoKey {
  return memoKeys++ as MemoKey;
}

interface FromParts {
  image: string;
  imageRange?: Range;
  name?: string;
  /** `value` is null for a flag without `=` */
  platformFlag?: { value: string | null; valueRange?: Range };
}

/** Instruction text that only dockerfile-ast reads exactly: quotes, escapes of either escape character. */
const QUOTED_OR_ESCAPED = /["'\\`]/;
const ESCAPED = /[\\`]/;
/** A word of an ENV or LABEL whose key and value are plain or wholly double-quoted. */
const PLAIN_PAIR = /^(?:"[^"'=]*"|[^"'=]*)(?:=(?:"[^"']*"|[^"']*))?$/;

/** dockerfile-ast's Property value of text without escapes: one pair of quotes around all of it removed. */
function unquoteWhole(text: string): string {
  return text.length >= 2 && text[0] === '"' && text[text.length - 1] === '"' ? text.slice(1, -1) : text;
}

interface PlainWord { value: string; start: number; end: number }

/** The words of one line of plain text as dockerfile-ast separates them (spaces, tabs), with document offsets from `base`. */
function plainWords(text: string, base: number): PlainWord[] {
  const words: PlainWord[] = [];
  let start = -1;
  for (let i = 0; i <= text.length; i++) {
    const code = text.charCodeAt(i);
    const space = i === text.length || code === 32 || code === 9 || code === 13;
    if (space && start >= 0) { words.push({ value: text.slice(start, i), start: base + start, end: base + i }); start = -1; }
    else if (!space && start < 0) start = i;
  }
  return words;
}

class PlainProperty implements KeyValue {
  constructor(
    private readonly name: string, private readonly nameRange: Range,
    private readonly value: string | null, private readonly valueRange: Range | null, private readonly range: Range,
  ) {}
  getName(): string { return this.name; }
  getNameRange(): Range { return this.nameRange; }
  getValue(): string | null { return this.value; }
  getValueRange(): Range | null { return this.valueRange; }
  getRange(): Range { return this.range; }
}

function readFromParser(from: From): FromParts {
  const flag = from.getPlatformFlag();
  return {
    image: from.getImage() ?? '',
    imageRange: from.getImageRange() ?? undefined,
    name: from.getBuildStage() ?? undefined,
    platformFlag: flag ? { value: flag.getValue(), valueRange: flag.getValueRange() ?? undefined } : undefined,
  };
}

/** ARGs Docker/BuildKit predefine: always available, never "undeclared". */
export const PREDEFINED_ARGS = new Set([
  'TARGETPLATFORM', 'TARGETOS', 'TARGETARCH', 'TARGETVARIANT', 'BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT',
  'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy',
]);

export class Model {
  readonly stages: Stage[] = [];
  /** ARGs declared before the first FROM */
  readonly globalArgs = new Map<string, VariableValue>();
  readonly finalStage: Stage | undefined;
  /** set when a requested stage name does not exist */
  readonly missingStage?: string;
  private readonly starts: number[];
  private readonly memos: (MemoEntry | undefined)[] = [];
  private readonly partMemos: (Map<unknown, MemoEntry> | undefined)[] = [];
  private readonly wordCache = new Map<Instruction, Word[]>();
  private readonly jsonCache = new Map<Instruction, Word[] | null>();
  private eolCache: '\r\n' | '\n' | undefined;
  /** the escape character of the parser directive: `\` or `` ` `` */
  readonly escape: string;
  private readonly stageByInstruction = new Map<Instruction, Stage>();
  private readonly stagesByName = new Map<string, Stage>();
  private readonly lineages = new Map<Stage | undefined, readonly Stage[]>();
  private readonly instructionsByKeyword = new Map<Stage | undefined, Map<string, Instruction[]>>();
  private readonly runsOf = new Map<Stage | undefined, readonly RunStep[]>();
  private readonly labelsOf = new Map<Stage | undefined, ReadonlyMap<string, LabelEntry>>();
  private readonly propertyCache = new Map<Instruction, readonly KeyValue[]>();

  constructor(
    readonly text: string,
    readonly dockerfile: Dockerfile,
    readonly buildArgs: Readonly<Record<string, string>> = {},
    stageName?: string,
  ) {
    this.starts = lineStarts(text);
    this.escape = dockerfile.getEscapeCharacter();
    this.build();
    if (stageName) {
      const wanted = stageName.toLowerCase();
      this.finalStage = this.stages.find((s) => s.name === wanted);
      if (!this.finalStage) {
        this.missingStage = stageName;
        this.finalStage = this.stages[this.stages.length - 1];
      }
    } else {
      this.finalStage = this.stages[this.stages.length - 1];
    }
  }

  /**
   * Computes a value once per model: rules ask the same questions (which packages, which copies),
   * and the engine's budget is a fraction of the parse time. `part` tells apart the answers to one
   * question (a stage, a directory); `input` is what else the value depends on (the build
   * context): a different one computes it again.
   */
  memo<T>(key: MemoKey, compute: () => T, input?: unknown, part?: unknown): T {
    // Most questions have one answer per model: they skip the inner map.
    let entries: Map<unknown, MemoEntry> | undefined;
    let entry: MemoEntry | undefined;
    if (part === undefined) {
      entry = this.memos[key];
    } else {
      entries = this.partMemos[key];
      if (!entries) this.partMemos[key] = entries = new Map();
      entry = entries.get(part);
    }
    if (entry !== undefined && entry.input === input) return entry.value as T;
    const fresh = { value: compute(), input };
    if (entries) entries.set(part, fresh); else this.memos[key] = fresh;
    return fresh.value;
  }

  /**
   * The instruction's keyword in upper case. dockerfile-ast upper-cases it anew on every call;
   * keywords are nearly always written in upper case already, which one set lookup confirms.
   */
  keyword(instruction: Instruction): string {
    const written = instruction.getInstruction();
    return KEYWORDS.has(written) ? written : written.toUpperCase();
  }

  /** The stage that holds an instruction (undefined for the ARGs before the first FROM). */
  stageOf(instruction: Instruction): Stage | undefined {
    return this.stageByInstruction.get(instruction);
  }

  /**
   * The range of an instruction's arguments: from the first character after the keyword to the
   * end of the instruction. dockerfile-ast recomputes its own on every call, which dominated
   * profiles; this is the same span from ranges the parser already stored.
   */
  argumentsRange(instruction: Instruction): Range | undefined {
    const end = this.offsetAt(instruction.getRange().end);
    let start = this.offsetAt(instruction.getInstructionRange().end);
    while (start < end && (this.text[start] === ' ' || this.text[start] === '\t')) start++;
    return start < end ? this.rangeOf(start, end) : undefined;
  }

  /** An instruction's arguments as shell words, across continuations, computed once. */
  words(instruction: Instruction): Word[] {
    let words = this.wordCache.get(instruction);
    if (!words) {
      const range = this.argumentsRange(instruction);
      words = [];
      if (range) {
        for (const command of splitCommands(this.textOf(range), this.positionOfFrom(this.offsetAt(range.start)), this.escape)) {
          words.push(...command.assignments, ...command.words);
        }
      }
      this.wordCache.set(instruction, words);
    }
    return words;
  }

  /** The stages the image is built from, the external base first and `stage` last. */
  lineage(stage: Stage | undefined = this.finalStage): readonly Stage[] {
    let chain = this.lineages.get(stage);
    if (!chain) {
      // A FROM names only earlier stages, so the chain ends.
      chain = stage ? [...(stage.parent ? this.lineage(stage.parent) : []), stage] : [];
      this.lineages.set(stage, chain);
    }
    return chain;
  }

  /** The stage whose FROM names an external image, at the root of `stage`'s lineage. */
  baseStage(stage: Stage | undefined = this.finalStage): Stage | undefined {
    return this.lineage(stage)[0];
  }

  /** Every instruction that ends up in the image, base stage first. */
  imageInstructions(stage: Stage | undefined = this.finalStage): Instruction[] {
    const instructions: Instruction[] = [];
    for (const s of this.lineage(stage)) instructions.push(...s.instructions);
    return instructions;
  }

  /** Every RUN step that ends up in the image. */
  imageRuns(stage: Stage | undefined = this.finalStage): readonly RunStep[] {
    let runs = this.runsOf.get(stage);
    if (!runs) {
      // flatMap costs ten times this loop, and every query over the image's RUNs starts here.
      const all: RunStep[] = [];
      for (const s of this.lineage(stage)) all.push(...s.runs);
      runs = all;
      this.runsOf.set(stage, runs);
    }
    return runs;
  }

  /** The effective ENTRYPOINT of the image as far as the file shows it. */
  entrypoint(stage: Stage | undefined = this.finalStage): ExecSpec | undefined {
    for (let s = stage; s; s = s.parent) if (s.entrypoint) return s.entrypoint;
    return undefined;
  }

  /** The effective CMD; Docker drops an inherited CMD when a later stage sets ENTRYPOINT. */
  cmd(stage: Stage | undefined = this.finalStage): ExecSpec | undefined {
    for (let s = stage; s; s = s.parent) {
      if (s.cmd) return s.cmd;
      if (s.entrypoint) return undefined;
    }
    return undefined;
  }

  /** The instructions of `stage` with the given keyword (upper case), across the lineage. */
  imageInstructionsOf(keyword: string, stage: Stage | undefined = this.finalStage): readonly Instruction[] {
    let byKeyword = this.instructionsByKeyword.get(stage);
    if (!byKeyword) {
      byKeyword = new Map();
      for (const s of this.lineage(stage)) {
        for (const instruction of s.instructions) {
          const k = this.keyword(instruction);
          const list = byKeyword.get(k);
          if (list) list.push(instruction); else byKeyword.set(k, [instruction]);
        }
      }
      this.instructionsByKeyword.set(stage, byKeyword);
    }
    return byKeyword.get(keyword) ?? NONE;
  }

  /** LABEL key → value over the lineage, later labels winning. */
  labels(stage: Stage | undefined = this.finalStage): ReadonlyMap<string, LabelEntry> {
    let labels = this.labelsOf.get(stage);
    if (!labels) {
      const found = new Map<string, LabelEntry>();
      for (const instruction of this.imageInstructionsOf('LABEL', stage)) {
        for (const property of this.properties(instruction as Label)) {
          found.set(unquote(property.getName()), { value: property.getValue() ?? '', property, instruction: instruction as Label });
        }
      }
      labels = found;
      this.labelsOf.set(stage, labels);
    }
    return labels;
  }

  /**
   * The key/value pairs of an ENV or LABEL. A one-line instruction of plain words (no quotes, no
   * escapes) is read from the text as dockerfile-ast reads it; the rest goes to dockerfile-ast,
   * whose property reading costs more than the rest of the stage model.
   */
  properties(instruction: Env | Label): readonly KeyValue[] {
    let properties = this.propertyCache.get(instruction);
    if (!properties) {
      properties = this.readPlainProperties(instruction) ?? instruction.getProperties();
      this.propertyCache.set(instruction, properties);
    }
    return properties;
  }

  private readPlainProperties(instruction: Instruction): KeyValue[] | undefined {
    const words = this.plainArguments(instruction, ESCAPED);
    // Quotes only around a whole key or value (`PATH="/opt/program:${PATH}"`), never around a space.
    if (!words || !words.every((word) => PLAIN_PAIR.test(word.value))) return undefined;
    const pair = (word: PlainWord) => {
      const equals = word.value.indexOf('=');
      const wordRange = this.rangeOf(word.start, word.end);
      return equals < 0
        ? new PlainProperty(unquoteWhole(word.value), wordRange, null, null, wordRange)
        : new PlainProperty(unquoteWhole(word.value.slice(0, equals)), this.rangeOf(word.start, word.start + equals),
          unquoteWhole(word.value.slice(equals + 1)), this.rangeOf(word.start + equals + 1, word.end), wordRange);
    };
    // dockerfile-ast's reading: `KEY value…` (the legacy form, value to the end) when the first word has no `=`.
    if (words.length >= 2 && !words[0].value.includes('=')) {
      const [name, first] = words;
      const last = words[words.length - 1];
      const nameRange = this.rangeOf(name.start, name.end);
      const valueRange = this.rangeOf(first.start, last.end);
      return [new PlainProperty(unquoteWhole(name.value), nameRange, unquoteWhole(this.text.slice(first.start, last.end)), valueRange,
        { start: nameRange.start, end: valueRange.end })];
    }
    return words.map(pair);
  }

  positionAt(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return { line: lo, character: offset - this.starts[lo] };
  }

  offsetAt(position: Position): number {
    const start = this.starts[Math.min(position.line, this.starts.length - 1)] ?? 0;
    return Math.min(this.text.length, start + position.character);
  }

  /** The line ending the file uses, for inserted lines. */
  eol(): '\r\n' | '\n' {
    return (this.eolCache ??= eolOf(this.text));
  }

  /** True when the instruction's text contains `needle`, found without copying the text out. */
  mentions(instruction: Instruction, needle: string): boolean {
    const range = instruction.getRange();
    const at = this.text.indexOf(needle, this.offsetAt(range.start));
    return at >= 0 && at + needle.length <= this.offsetAt(range.end);
  }

  /** The document text covered by a range. */
  textOf(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** Substitutes `$X`, `${X}`, `${X:-d}`, `${X:+a}` from `lookup`; names it cannot resolve are listed. */
  substitute(value: string, lookup: (name: string) => string | undefined): { value: string; unresolved: string[] } {
    const unresolved: string[] = [];
    // Every ENV, ARG and FROM passes here: a scan costs a fraction of a regex replace with a callback.
    let at = value.indexOf('$');
    if (at < 0) return { value, unresolved };
    let out = '';
    let done = 0;
    for (; at >= 0; at = value.indexOf('$', at + 1)) {
      const reference = readReference(value, at);
      if (!reference) continue;
      const { name, op, operand, end } = reference;
      const found = lookup(name);
      const set = found !== undefined && (found !== '' || !op.startsWith(':'));
      let replacement: string;
      if (op.endsWith('-')) replacement = set ? found : operand;
      else if (op.endsWith('+')) replacement = set ? operand : '';
      else if (found === undefined) { unresolved.push(name); continue; }
      else replacement = found;
      out += value.slice(done, at) + replacement;
      done = end;
      at = end - 1;
    }
    return { value: done === 0 ? value : out + value.slice(done), unresolved };
  }

  private build(): void {
    const escape = this.escape;
    let current: Stage | undefined;
    for (const instruction of this.dockerfile.getInstructions()) {
      const keyword = this.keyword(instruction);
      if (keyword === 'FROM') {
        current = this.newStage(instruction as From);
        this.stages.push(current);
        // A later stage of the same name does not shadow the first one for FROM.
        if (current.name !== undefined && !this.stagesByName.has(current.name)) this.stagesByName.set(current.name, current);
        continue;
      }
      if (!current) {
        if (keyword === 'ARG') this.declareArg(instruction as Arg, this.globalArgs, undefined);
        continue;
      }
      current.instructions.push(instruction);
      this.stageByInstruction.set(instruction, current);
      switch (keyword) {
        case 'ARG': this.declareArg(instruction as Arg, current.args, current); break;
        case 'ENV': this.addEnv(instruction as Env, current); break;
        case 'RUN': current.runs.push(this.resolveProgramNames(this.runStep(instruction, escape), current)); break;
        case 'ENTRYPOINT': current.entrypoint = this.execSpec(instruction, escape); break;
        case 'CMD': current.cmd = this.execSpec(instruction, escape); break;
      }
    }
  }

  private newStage(from: From): Stage {
    const parts = this.readFrom(from);
    const image = parts.image;
    const lookup = (name: string) => this.buildArgs[name] ?? this.globalArgs.get(name)?.value;
    const { value: resolvedImage, unresolved } = this.substitute(image, lookup);
    const parent = this.stagesByName.get(resolvedImage.toLowerCase());
    const platformValue = parts.platformFlag?.value;
    const stage: Stage = {
      index: this.stages.length, name: parts.name?.toLowerCase(), from, image, resolvedImage, unresolved, parent,
      platform: platformValue ? this.substitute(platformValue, lookup).value : undefined,
      imageRange: parts.imageRange, platformFlag: parts.platformFlag && { valueRange: parts.platformFlag.valueRange },
      instructions: [], args: new Map(), env: new Map(parent?.env ?? []), runs: [],
    };
    return stage;
  }

  /**
   * FROM's flag, image and stage name. The usual one-line FROM of plain words is read from the
   * text, as dockerfile-ast splits it (flags are the leading words with `--`); anything else —
   * continuations, quotes, escapes — goes to dockerfile-ast, whose first reading of a FROM costs
   * more than the rest of building its stage.
   */
  private readFrom(from: From): FromParts {
    const words = this.plainArguments(from, QUOTED_OR_ESCAPED);
    if (!words) return readFromParser(from);
    // dockerfile-ast's flags: the `--` words among the leading words that contain `--`; it then
    // drops as many words from the front, which is the same words in every real FROM.
    const flags = [];
    for (let i = 0; i < words.length && words[i].value.includes('--'); i++) if (words[i].value.startsWith('--')) flags.push(words[i]);
    const [image, as, name] = words.slice(flags.length);
    const parts: FromParts = { image: image?.value ?? '', imageRange: image && this.rangeOf(image.start, image.end) };
    if (name && as.value.toUpperCase() === 'AS') parts.name = name.value;
    const flag = flags.length === 1 ? flags[0] : undefined;
    const equals = flag ? flag.value.indexOf('=') : -1;
    if (flag && flag.value.slice(2, equals < 0 ? undefined : equals) === 'platform') {
      parts.platformFlag = equals < 0
        ? { value: null }
        : { value: flag.value.slice(equals + 1), valueRange: this.rangeOf(flag.start + equals + 1, flag.end) };
    }
    return parts;
  }

  /**
   * The words of an instruction's arguments when they sit on one line and nothing in them matches
   * `unread` (what only dockerfile-ast reads exactly); undefined otherwise, and for no arguments.
   */
  private plainArguments(instruction: Instruction, unread: RegExp): PlainWord[] | undefined {
    const range = this.argumentsRange(instruction);
    if (!range || range.start.line !== range.end.line) return undefined;
    const text = this.textOf(range);
    return unread.test(text) ? undefined : plainWords(text, this.offsetAt(range.start));
  }

  /** The document range between two offsets. */
  rangeOf(start: number, end: number): Range {
    return { start: this.positionAt(start), end: this.positionAt(end) };
  }

  private declareArg(arg: Arg, into: Map<string, VariableValue>, stage: Stage | undefined): void {
    const property = arg.getProperty();
    if (!property) return;
    const name = property.getName();
    let value: string | undefined = this.buildArgs[name] ?? property.getValue() ?? undefined;
    // A bare `ARG X` inside a stage re-imports the global value (the documented ARG/FROM pattern).
    if (value === undefined && stage) value = this.globalArgs.get(name)?.value;
    else if (value !== undefined && stage) value = this.substitute(value, (n) => this.lookupIn(stage, n)).value;
    into.set(name, { value, range: property.getRange() });
  }

  private lookupIn(stage: Stage, name: string): string | undefined {
    return stage.env.get(name)?.value ?? stage.args.get(name)?.value;
  }

  private addEnv(env: Env, stage: Stage): void {
    // All pairs of one ENV see the values from before that instruction, as Docker does.
    const before = (n: string) => this.lookupIn(stage, n);
    const updates: EnvEntry[] = [];
    for (const property of this.properties(env)) {
      const rawValue = property.getValue() ?? '';
      const value = this.substitute(rawValue, before).value;
      updates.push({ name: property.getName(), value, rawValue, instruction: env, property, stage });
    }
    for (const entry of updates) stage.env.set(entry.name, entry);
  }

  /** Positions after `base`; the tokenizer asks in increasing order, so the line is found by walking on. */
  private positionOfFrom(base: number): PositionOf {
    const starts = this.starts;
    let line = this.positionAt(base).line;
    return (offset) => {
      const at = base + offset;
      if (at < starts[line]) return this.positionAt(at);
      while (line + 1 < starts.length && starts[line + 1] <= at) line++;
      return { line, character: at - starts[line] };
    };
  }

  /**
   * `${PIP} install …` runs the program its ARG or ENV names (`ARG PIP=pip3`), as the toolkit and
   * DLC Dockerfiles write it; the shell expands it from the stage's variables before running it.
   * A name the stage does not define stays as written.
   */
  private resolveProgramNames(step: RunStep, stage: Stage): RunStep {
    for (const command of step.commands) {
      const program = command.words[0];
      if (!program?.expands) continue;
      const { value, unresolved } = this.substitute(program.value, (name) => this.lookupIn(stage, name));
      if (unresolved.length === 0 && value !== program.value && value && !/\s/.test(value)) {
        command.words[0] = { ...program, value };
        command.name = commandName(command.words[0]);
      }
    }
    return step;
  }

  private runStep(instruction: Instruction, escape: string): RunStep {
    const json = this.jsonArray(instruction);
    if (json) return { instruction, commands: this.execCommands(json, escape), heredocs: [] };
    const argsRange = this.argumentsRange(instruction);
    const heredocs = argsRange && this.textOf(argsRange).includes('<<')
      ? (instruction as unknown as { getHeredocs?: () => Heredoc[] }).getHeredocs?.() ?? []
      : [];
    if (!argsRange) return { instruction, commands: [], heredocs };
    if (heredocs.length === 0) {
      const start = this.offsetAt(argsRange.start);
      return { instruction, commands: splitCommands(this.textOf(argsRange), this.positionOfFrom(start), escape), heredocs };
    }
    // With heredocs, the shell command sits on the first line; a body is a script only when the
    // command is nothing but the heredoc marker (`RUN <<EOF`), otherwise it is some program's stdin.
    const firstLineEnd = { line: heredocs[0].getStartRange().start.line + 1, character: 0 };
    const headRange = { start: argsRange.start, end: firstLineEnd };
    const head = this.textOf(headRange).replace(/\r?\n$/, '');
    const headStart = this.offsetAt(argsRange.start);
    const commands = splitCommands(head, this.positionOfFrom(headStart), escape);
    const scripts: Heredoc[] = [];
    const opaque: Heredoc[] = [];
    for (const heredoc of heredocs) {
      (commands.length === 0 ? scripts : opaque).push(heredoc);
    }
    for (const heredoc of scripts) {
      const body = heredoc.getContentRange();
      if (!body) continue;
      commands.push(...splitCommands(this.textOf(body), this.positionOfFrom(this.offsetAt(body.start)), '\\', false));
    }
    return { instruction, commands, heredocs: opaque };
  }

  /** Parses an exec-form argument list from the document text (dockerfile-ast's values lose spaces). */
  jsonArray(instruction: Instruction): Word[] | undefined {
    let words = this.jsonCache.get(instruction);
    if (words === undefined) {
      words = this.readJsonArray(instruction) ?? null;
      this.jsonCache.set(instruction, words);
    }
    return words ?? undefined;
  }

  private readJsonArray(instruction: Instruction): Word[] | undefined {
    if (!(instruction instanceof JSONInstruction)) return undefined;
    const open = instruction.getOpeningBracket();
    const close = instruction.getClosingBracket();
    if (!open || !close) return undefined;
    const raw = this.textOf({ start: open.getRange().start, end: close.getRange().end });
    let values: unknown;
    try {
      values = JSON.parse(raw.includes('\n') ? raw.replace(this.escape === '`' ? /`\r?\n/g : /\\\r?\n/g, '') : raw);
    } catch {
      return undefined;
    }
    if (!Array.isArray(values) || !values.every((v) => typeof v === 'string')) return undefined;
    const strings = instruction.getJSONStrings();
    return (values as string[]).map((value, i) => ({
      value,
      range: strings[i]?.getRange() ?? { start: open.getRange().start, end: close.getRange().end },
      quoted: true,
      expands: false,
    }));
  }

  private execCommands(words: Word[], escape: string): SimpleCommand[] {
    if (words.length === 0) return [];
    // `["sh", "-c", "script"]` runs the script through a shell: tokenize it, ranges on the string.
    const shells = ['sh', 'bash', '/bin/sh', '/bin/bash', '/usr/bin/env'];
    const cIndex = words.findIndex((w) => w.value === '-c' || w.value === '-lc' || w.value === '-ec');
    if (shells.includes(words[0].value) && cIndex > 0 && words[cIndex + 1]) {
      const script = words[cIndex + 1];
      const range = script.range;
      return splitCommands(script.value, () => range.start, escape, false)
        .map((c) => ({ ...c, range, words: c.words.map((w) => ({ ...w, range })), assignments: c.assignments.map((w) => ({ ...w, range })) }));
    }
    return [{ assignments: [], words, name: commandName(words[0]), range: { start: words[0].range.start, end: words[words.length - 1].range.end } }];
  }

  private execSpec(instruction: Instruction, escape: string): ExecSpec {
    const json = this.jsonArray(instruction);
    if (json) return { instruction, form: 'exec', words: json, commands: this.execCommands(json, escape) };
    const argsRange = this.argumentsRange(instruction);
    const commands = argsRange
      ? splitCommands(this.textOf(argsRange), this.positionOfFrom(this.offsetAt(argsRange.start)), escape)
      : [];
    const words: Word[] = [];
    for (const command of commands) words.push(...command.assignments, ...command.words);
    return { instruction, form: 'shell', words, commands };
  }
}

/** `$NAME`, `${NAME}` or `${NAME[:]-word}` / `${NAME[:]+word}` at `at`; undefined for anything else. */
function readReference(value: string, at: number): { name: string; op: string; operand: string; end: number } | undefined {
  const braced = value.charCodeAt(at + 1) === 123; // {
  const start = braced ? at + 2 : at + 1;
  let i = start;
  if (!isNameStart(value.charCodeAt(i))) return undefined;
  while (isNamePart(value.charCodeAt(i))) i++;
  const name = value.slice(start, i);
  if (!braced) return { name, op: '', operand: '', end: i };
  if (value[i] === '}') return { name, op: '', operand: '', end: i + 1 };
  const opLength = value[i] === ':' ? 2 : 1;
  const op = value.slice(i, i + opLength);
  if (op !== '-' && op !== '+' && op !== ':-' && op !== ':+') return undefined;
  const close = value.indexOf('}', i + opLength);
  return close < 0 ? undefined : { name, op, operand: value.slice(i + opLength, close), end: close + 1 };
}

function isNameStart(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;
}

function isNamePart(code: number): boolean {
  return isNameStart(code) || (code >= 48 && code <= 57);
}

/** A value without the one pair of matching quotes around it, as Docker reads WORKDIR and LABEL keys. */
export function unquote(s: string): string {
  return s.length >= 2 && (s[0] === '"' || s[0] === "'") && s[s.length - 1] === s[0] ? s.slice(1, -1) : s;
}
