/**
 * The `.smlint.yaml` configuration: its type, the reader that checks it, and the layering of
 * defaults ← file ← flags (CLI) or settings (extension). Pure, so both front ends share one reader
 * and report a bad file the same way: a message with a 1-based line and column, never an exception.
 */
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Scalar } from 'yaml';
import { allRules } from './rules';
import { closestMatch } from './spelling';
import {
  DEPLOYMENT_TARGETS, type DeploymentTarget, type LintOptions, type Mode, MODES, SEVERITIES, type Severity,
} from './types';

/** A rule's configured level: a severity, or `off` to disable it. */
export type RuleLevel = Severity | 'off';
export const RULE_LEVELS: readonly RuleLevel[] = ['off', ...SEVERITIES];

/** Every setting is optional: an absent one falls through to the layer below (see {@link mergeConfig}). */
export interface Config {
  /** the jobs the image is built for; default: detected from the Dockerfile */
  modes?: Mode[];
  target?: DeploymentTarget;
  /** e.g. `ml.c7g.xlarge`; the architecture (Graviton) and GPU checks use it */
  instanceType?: string;
  region?: string;
  /** `--build-arg` values, which override `ARG` defaults */
  buildArgs?: Record<string, string>;
  rules?: Record<string, RuleLevel>;
  /** the lowest severity that fails the run (CLI exit code 1) */
  failLevel?: Severity;
  /** the build stage linted as the image (docker build --target); default: the last stage */
  stage?: string;
}

export const DEFAULT_CONFIG: Readonly<Config> = { failLevel: 'error' };

/** Looked up, in this order, next to the Dockerfile and then in each parent directory. */
export const CONFIG_FILE_NAMES: readonly string[] = ['.smlint.yaml', '.smlint.yml'];

export interface ConfigProblem {
  file: string;
  message: string;
  /** 1-based */
  line: number;
  /** 1-based */
  column: number;
}

export type ParseConfigResult =
  | { ok: true; config: Config }
  | { ok: false; problems: ConfigProblem[] };

/** `file:line:column: message`, the form editors and terminals turn into a link. */
export function formatConfigProblem(problem: ConfigProblem): string {
  return `${problem.file}:${problem.line}:${problem.column}: ${problem.message}`;
}

// Rules suggest spellings too, and must not import this module (it imports the rule registry).
export { closestMatch };

/**
 * The message for a value outside a fixed set, with the likely intended value when there is one.
 * The CLI checks its flags with this too, so a typo reads the same in a flag and in the file.
 */
export function unknownValueMessage(kind: string, value: string, allowed: readonly string[]): string {
  const guess = closestMatch(value, allowed);
  return `unknown ${kind} '${value}'${guess ? `; did you mean '${guess}'?` : ''} (expected one of: ${allowed.join(', ')})`;
}

// Loose on purpose: new instance families and regions appear every year, and a stricter pattern
// would reject them before the linter knows about them; this only catches slips like "c7g.xlarge".
const INSTANCE_TYPE = /^ml\.[a-z0-9-]+\.[a-z0-9-]+$/;
const REGION = /^[a-z]{2}(-[a-z]+)+-\d+$/;

/** Checks an instance type; returns the problem, or undefined when it is well-formed. */
export function checkInstanceType(value: string): string | undefined {
  return INSTANCE_TYPE.test(value) ? undefined : `'${value}' is not a SageMaker instance type (expected e.g. ml.m5.xlarge)`;
}

/** Checks a region name; returns the problem, or undefined when it is well-formed. */
export function checkRegion(value: string): string | undefined {
  return REGION.test(value) ? undefined : `'${value}' is not an AWS region (expected e.g. us-east-1)`;
}

/** Checks a build-stage name; returns the problem, or undefined when it is usable. */
export function checkStage(value: string): string | undefined {
  return value.trim() === '' ? 'expected a build stage name' : undefined;
}

const KEYS = ['modes', 'target', 'instanceType', 'region', 'buildArgs', 'rules', 'failLevel', 'stage'] as const;
type Key = (typeof KEYS)[number];

/**
 * Reads a `.smlint.yaml` text. An empty file (or one holding only comments) is an empty config.
 * A setting written with no value (`target:`) counts as not set. Every problem is collected, so a
 * user fixes the file in one pass; `fileName` is only used to label the problems.
 */
export function parseConfig(text: string, fileName: string): ParseConfigResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: ConfigProblem[] = [];
  const at = (offset: number, message: string) => {
    const { line, col } = lineCounter.linePos(offset);
    problems.push({ file: fileName, message, line, column: col });
  };
  for (const error of doc.errors) at(error.pos[0], `YAML syntax error: ${error.message}`);
  if (problems.length > 0) return { ok: false, problems };

  const reader = new Reader(doc, (node, message) => at(node?.range?.[0] ?? 0, message));
  const config = reader.document(doc.contents);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, config };
}

type Report = (node: Node | null | undefined, message: string) => void;

/** Walks the YAML nodes (not `toJS()`), so each problem keeps the position of the node at fault. */
class Reader {
  private readonly ruleIds = allRules.map((rule) => rule.meta.id);

  constructor(private readonly doc: Document, private readonly report: Report) {}

  document(root: Node | null): Config {
    const node = this.deref(root);
    if (node === undefined || isNull(node)) return {};
    if (!isMap(node)) {
      this.report(node, 'expected a mapping of settings such as "target: endpoint"');
      return {};
    }
    const config: Config = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const key = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (key === undefined || !(KEYS as readonly string[]).includes(key)) {
        const guess = key === undefined ? undefined : closestMatch(key, KEYS);
        this.report(keyNode, `unknown setting '${key ?? describe(keyNode ?? undefined)}'${guess ? `; did you mean '${guess}'?` : ''} (known settings: ${KEYS.join(', ')})`);
        continue;
      }
      const value = this.deref(pair.value as Node | null);
      if (value === undefined || isNull(value)) continue;
      this.setting(config, key as Key, value);
    }
    return config;
  }

  private setting(config: Config, key: Key, node: Node): void {
    switch (key) {
      case 'modes': config.modes = this.modes(node); break;
      case 'target': config.target = this.oneOf(node, key, 'deployment target', DEPLOYMENT_TARGETS); break;
      case 'failLevel': config.failLevel = this.oneOf(node, key, 'severity', SEVERITIES); break;
      case 'instanceType': config.instanceType = this.checked(node, key, checkInstanceType); break;
      case 'region': config.region = this.checked(node, key, checkRegion); break;
      case 'stage': config.stage = this.checked(node, key, checkStage); break;
      case 'buildArgs': config.buildArgs = this.buildArgs(node); break;
      case 'rules': config.rules = this.rules(node); break;
    }
  }

  private modes(node: Node): Mode[] | undefined {
    if (!isSeq(node)) {
      this.report(node, `modes: expected a list such as [train, serve] (modes: ${MODES.join(', ')})`);
      return undefined;
    }
    const modes = new Set<Mode>();
    for (const item of node.items) {
      const mode = this.oneOf(this.deref(item as Node | null), 'modes', 'mode', MODES);
      if (mode) modes.add(mode);
    }
    if (node.items.length === 0) this.report(node, 'modes: list at least one mode, or leave the setting out to detect them');
    return modes.size > 0 ? [...modes] : undefined;
  }

  private buildArgs(node: Node): Record<string, string> | undefined {
    if (!isMap(node)) {
      this.report(node, 'buildArgs: expected a mapping such as { REGION: us-west-2 }');
      return undefined;
    }
    const args: Record<string, string> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const name = isScalar(keyNode) && typeof keyNode.value === 'string' ? keyNode.value : undefined;
      const value = this.deref(pair.value as Node | null);
      if (!name) this.report(keyNode, 'buildArgs: expected a build argument name');
      else if (value === undefined || isNull(value)) args[name] = '';
      else if (!isScalar(value) || typeof value.value === 'object') this.report(value, `buildArgs.${name}: expected a text, number or boolean value`);
      // The source text, not the parsed value, because YAML turns "1.10" into the number 1.1.
      else args[name] = typeof value.value === 'string' ? value.value : value.source ?? String(value.value);
    }
    return args;
  }

  private rules(node: Node): Record<string, RuleLevel> | undefined {
    if (!isMap(node)) {
      this.report(node, 'rules: expected a mapping of rule ids to off, error, warning or info');
      return undefined;
    }
    const rules: Record<string, RuleLevel> = {};
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const id = isScalar(keyNode) ? String(keyNode.value) : undefined;
      if (id === undefined || !this.ruleIds.includes(id)) {
        const guess = id === undefined ? undefined : closestMatch(id, this.ruleIds);
        this.report(keyNode, `rules: unknown rule '${id ?? ''}'${guess ? `; did you mean '${guess}'?` : ''} (smlint --list-rules shows them all)`);
        continue;
      }
      const level = this.oneOf(this.deref(pair.value as Node | null), `rules.${id}`, 'rule level', RULE_LEVELS);
      if (level) rules[id] = level;
    }
    return rules;
  }

  private oneOf<T extends string>(node: Node | undefined, setting: string, kind: string, allowed: readonly T[]): T | undefined {
    const value = this.text(node, setting);
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.report(node, `${setting}: ${unknownValueMessage(kind, value, allowed)}`);
    return undefined;
  }

  private checked(node: Node, setting: string, check: (value: string) => string | undefined): string | undefined {
    const value = this.text(node, setting);
    if (value === undefined) return undefined;
    const problem = check(value);
    if (problem === undefined) return value;
    this.report(node, `${setting}: ${problem}`);
    return undefined;
  }

  private text(node: Node | undefined, setting: string): string | undefined {
    if (isScalar(node) && typeof node.value === 'string') return node.value;
    this.report(node, `${setting}: expected a text value, got ${describe(node)}`);
    return undefined;
  }

  /** Follows `*alias` references; an undefined result means the alias names no anchor (already reported). */
  private deref(node: Node | null | undefined): Node | undefined {
    if (!isAlias(node)) return node ?? undefined;
    const target = node.resolve(this.doc) as Node | undefined;
    if (target === undefined) this.report(node, `unknown alias *${node.source}`);
    return target;
  }
}

function isNull(node: Node): boolean {
  return isScalar(node) && node.value === null;
}

function describe(node: Node | undefined): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a list';
  if (isScalar(node)) return node.value === null ? 'nothing' : `${typeof (node as Scalar).value} ${JSON.stringify(node.source ?? node.value)}`;
  return 'nothing';
}

/**
 * Layers configs; later layers win. Single values are replaced, while the `rules` and `buildArgs`
 * maps merge key by key, so a flag can turn one rule off without dropping the file's other rules.
 */
export function mergeConfig(...layers: readonly (Config | undefined)[]): Config {
  const merged: Config = {};
  for (const layer of layers) {
    if (!layer) continue;
    const { rules, buildArgs, ...single } = layer;
    for (const [key, value] of Object.entries(single)) {
      if (value !== undefined) (merged as Record<string, unknown>)[key] = value;
    }
    if (rules) merged.rules = { ...merged.rules, ...rules };
    if (buildArgs) merged.buildArgs = { ...merged.buildArgs, ...buildArgs };
  }
  return merged;
}

/** The engine's view of a config; `failLevel` is left out because only the caller decides pass or fail. */
export function toLintOptions(config: Config): LintOptions {
  const deployment = { target: config.target, instanceType: config.instanceType, region: config.region };
  return dropUndefined({
    modes: config.modes,
    stage: config.stage,
    deployment: Object.values(deployment).some((value) => value !== undefined) ? dropUndefined(deployment) : undefined,
    buildArgs: config.buildArgs,
    rules: config.rules,
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
