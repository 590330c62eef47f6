/**
 * The data every part of smlint speaks: rules, findings, edits and the options of a lint run.
 * Positions are 0-based and shaped like dockerfile-ast's (LSP) positions, so parser ranges pass
 * through without conversion; the CLI and the extension convert once, at their edge.
 */
import type { Dockerfile } from 'dockerfile-ast';
import type { Model } from './model';

export type Severity = 'error' | 'warning' | 'info';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** What a rule's claim rests on (the labels of sagemaker-contract.md). `heuristic` is never `error`. */
export type Basis = 'doc' | 'code' | 'issue' | 'heuristic';

/**
 * The SageMaker jobs an image is built for. `serve` covers real-time hosting, batch transform,
 * async and serverless inference: SageMaker starts all of them as `docker run IMAGE serve`.
 */
export type Mode = 'train' | 'serve' | 'processing' | 'studio';
export const MODES: readonly Mode[] = ['train', 'serve', 'processing', 'studio'];

/** How a `serve` image is deployed; rules about labels and ports need it to be exact. */
export type DeploymentTarget =
  | 'endpoint' | 'multi-model' | 'pipeline' | 'multi-container' | 'batch' | 'serverless' | 'async';
export const DEPLOYMENT_TARGETS: readonly DeploymentTarget[] =
  ['endpoint', 'multi-model', 'pipeline', 'multi-container', 'batch', 'serverless', 'async'];

export interface Position { line: number; character: number }
export interface Range { start: Position; end: Position }
export interface TextEdit { range: Range; newText: string }

/** A safe edit: `smlint --fix` applies it unattended and the editor marks it preferred. */
export interface Fix { title: string; edits: TextEdit[] }
/** An edit a person must choose: offered in the editor only. */
export interface Suggestion { title: string; edits: TextEdit[] }

export interface Finding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  range: Range;
  docsUrl: string;
  data?: Record<string, string | number>;
  fix?: Fix;
  suggestions?: Suggestion[];
}

export interface RuleMeta<M extends string = string> {
  /** kebab-case; equals the rule's file name and its docs page name */
  id: string;
  /** the default severity; a finding may report a lower one, config may override */
  severity: Severity;
  basis: Basis;
  /** the modes the rule applies to; the engine skips the rule when none of them is active */
  modes: readonly Mode[];
  /** one line; also the first line of docs/rules/<id>.md */
  summary: string;
  /** source tags from sagemaker-contract.md §0, e.g. 'DG:your-algorithms-training-algo-dockerfile' */
  source: readonly string[];
  messages: Record<M, string>;
  /** true when the rule may offer a safe `fix` */
  fixable?: boolean;
}

export interface Report<M extends string = string> {
  messageId: M;
  range: Range;
  data?: Record<string, string | number>;
  /**
   * Overrides the default severity for this finding, for rules whose catalog row says
   * "E when …, else W". The engine caps `heuristic` rules at `warning`.
   */
  severity?: Severity;
  fix?: Fix;
  suggestions?: Suggestion[];
}

/** Facts about how the image is deployed; each may be unknown, and rules must say so when it matters. */
export interface DeploymentFacts {
  target?: DeploymentTarget;
  instanceType?: string;
  region?: string;
}

/** What a file in the build context looks like, as far as the caller can tell. */
export interface ContextFile {
  /** context-relative, '/'-separated, no leading './' */
  path: string;
  /** true when any execute bit is set (the git index mode when the file is tracked: what CI checks out) */
  executable?: boolean;
}

/**
 * Read access to the build context, implemented by the CLI with node:fs and by the extension with
 * the workspace; the core never touches a file system. Every method may answer `undefined` for
 * "cannot tell", and rules then stay silent rather than guess.
 */
export interface BuildContext {
  /**
   * every file in the context (nothing filtered; .dockerignore is applied by the core), or
   * undefined when the list would be partial: a file missing from it would look missing
   */
  listFiles(): readonly ContextFile[] | undefined;
  /** the text of a context file, e.g. to check line endings or read .dockerignore */
  readText(path: string): string | undefined;
}

export interface LintOptions {
  /** modes forced by config or CLI (a `# smlint mode=` pragma in the file wins over these) */
  modes?: readonly Mode[];
  /** build-stage name to treat as the image (docker build --target); default: the last stage */
  stage?: string;
  deployment?: DeploymentFacts;
  /** --build-arg values; override ARG defaults */
  buildArgs?: Readonly<Record<string, string>>;
  /** per-rule severity overrides; 'off' disables the rule */
  rules?: Readonly<Record<string, Severity | 'off'>>;
  buildContext?: BuildContext;
  /** the rules to run (default: every registered rule); the RuleTester runs one at a time */
  ruleSet?: readonly Rule[];
}

export interface ModeReason {
  mode: Mode;
  reason: string;
  range?: Range;
}

export interface ModeInfo {
  modes: Mode[];
  /** where the modes came from */
  origin: 'pragma' | 'options' | 'detected' | 'default';
  reasons: ModeReason[];
}

export interface LintResult {
  modes: ModeInfo;
  findings: Finding[];
}

export interface RuleContext<M extends string = string> {
  readonly text: string;
  readonly dockerfile: Dockerfile;
  readonly model: Model;
  readonly modes: ReadonlySet<Mode>;
  readonly deployment: DeploymentFacts;
  readonly buildContext?: BuildContext;
  report(report: Report<M>): void;
}

export interface Rule<M extends string = string> {
  meta: RuleMeta<M>;
  check(ctx: RuleContext<M>): void;
}

/** Declares a rule with its message ids checked by the compiler (typescript-eslint's createRule idea). */
export function defineRule<M extends string>(rule: Rule<M>): Rule<M> {
  return rule;
}
