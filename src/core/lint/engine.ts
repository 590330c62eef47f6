/**
 * `lint(text, options)`: parse once, build the stage model, decide the modes, run every enabled
 * rule, then apply the later layers in hadolint's order — pragmas, severity policy and overrides,
 * sorting. Rules know nothing about pragmas or configuration. It never throws.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { docsUrl, readmeUrl } from './docs';
import { Model } from './model';
import { DEFAULT_MODES, detectModes } from './modes';
import { IdReference, Pragmas, readPragmas } from './pragmas';
import { allRules, ruleById } from './rules';
import { DEPLOYMENT_TARGETS, MODES } from './types';
import type {
  Finding, LintOptions, LintResult, Mode, ModeInfo, Range, Report, Rule, RuleContext, Severity,
} from './types';

/** Findings the engine itself reports; they are not rules and cannot be configured. */
export const ENGINE_IDS = { pragma: 'smlint-pragma', internal: 'smlint-internal' } as const;
export const ENGINE_DOCS_URL = readmeUrl('pragmas');

const ORIGIN: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const NO_PRAGMAS: Pragmas = readPragmas([], []);

export function lint(text: string, options: LintOptions = {}): LintResult {
  try {
    return lintUnsafe(text, options);
  } catch (error) {
    // A parser surprise must never reach the user as a crash: it becomes one info finding.
    return {
      modes: { modes: [...(options.modes ?? DEFAULT_MODES)], origin: options.modes ? 'options' : 'default', reasons: [] },
      findings: [engineFinding(ENGINE_IDS.internal, 'internal', `smlint could not analyse this file: ${describe(error)}`, ORIGIN)],
    };
  }
}

function lintUnsafe(text: string, options: LintOptions): LintResult {
  // Docker ignores a UTF-8 byte order mark; a space keeps every position where it was.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const dockerfile = DockerfileParser.parse(source);
  const model = new Model(source, dockerfile, options.buildArgs, options.stage);
  const instructions = dockerfile.getInstructions();
  // Every pragma names smlint: most files have none, and looking costs one substring search.
  const pragmas = source.includes('smlint')
    ? readPragmas(source.split(/\r\n|\r|\n/), instructions.map((i) => i.getRange().start.line))
    : NO_PRAGMAS;
  const modes = decideModes(model, pragmas, options);
  const active = new Set(modes.modes);

  const findings: Finding[] = [...pragmaFindings(pragmas)];
  if (model.missingStage) {
    findings.push(engineFinding(ENGINE_IDS.pragma, 'missingStage',
      `Build stage "${model.missingStage}" does not exist; linting the last stage instead.`, ORIGIN));
  }
  // Facts stated in the file win over configuration, as `# smlint mode=` does.
  const deployment = { ...options.deployment, ...pragmas.deployment };
  const overrides = options.rules;
  let reports: Report[] = [];
  const ctx: RuleContext = {
    text: source, dockerfile, model, modes: active, deployment, buildContext: options.buildContext,
    report: (r) => { reports.push(r); },
  };
  for (const rule of rulesFor(options.ruleSet, modes.modes)) {
    const override = overrides?.[rule.meta.id];
    if (override === 'off') continue;
    reports = [];
    try {
      rule.check(ctx);
    } catch (error) {
      findings.push(engineFinding(ENGINE_IDS.internal, 'internal', `Rule ${rule.meta.id} failed on this file: ${describe(error)}`, ORIGIN));
      continue;
    }
    for (const report of reports) findings.push(toFinding(rule, report, override));
  }

  let kept = findings;
  if (pragmas.global.length > 0 || pragmas.nextInstruction.size > 0) {
    const instructionLines = instructions.map((i) => ({ start: i.getRange().start.line, end: i.getRange().end.line }));
    kept = findings.filter((f) => !isSilenced(f, pragmas, instructionLines));
  }
  // Rule ids are lower-case ASCII, where code-point order is the locale's order (and much cheaper).
  kept.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character
    || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
  return { modes, findings: kept };
}

/** The registered rules that apply in `modes`, worked out once per combination of modes (a bit each). */
const rulesByModes: (readonly Rule[] | undefined)[] = [];

function rulesFor(ruleSet: readonly Rule[] | undefined, modes: readonly Mode[]): readonly Rule[] {
  const applies = (rule: Rule) => rule.meta.modes.some((m) => modes.includes(m));
  if (ruleSet) return ruleSet.filter(applies);
  let key = 0;
  for (const mode of modes) key |= 1 << MODES.indexOf(mode);
  return rulesByModes[key] ??= allRules.filter(applies);
}

function decideModes(model: Model, pragmas: Pragmas, options: LintOptions): ModeInfo {
  if (pragmas.modes) {
    return { modes: pragmas.modes.modes, origin: 'pragma', reasons: pragmas.modes.modes.map((mode) => ({ mode, reason: '# smlint mode= pragma', range: pragmas.modes?.range })) };
  }
  if (options.modes?.length) {
    return { modes: [...options.modes], origin: 'options', reasons: options.modes.map((mode) => ({ mode, reason: 'set by configuration' })) };
  }
  const detected = detectModes(model);
  if (detected.length) {
    const modes = [...new Set(detected.map((r) => r.mode))];
    return { modes, origin: 'detected', reasons: detected };
  }
  return {
    modes: [...DEFAULT_MODES], origin: 'default',
    reasons: DEFAULT_MODES.map((mode) => ({ mode, reason: 'nothing in the file shows the job type; checking for both train and serve' })),
  };
}

function toFinding(rule: Rule, report: Report, override: Severity | 'off' | undefined): Finding {
  let severity: Severity = report.severity ?? rule.meta.severity;
  // A heuristic can be wrong about a working image, so it may warn but never fail a build.
  if (rule.meta.basis === 'heuristic' && severity === 'error') severity = 'warning';
  if (override && override !== 'off') severity = override;
  const finding: Finding = {
    ruleId: rule.meta.id,
    messageId: report.messageId,
    severity,
    message: formatMessage((rule.meta.messages as Record<string, string>)[report.messageId] ?? report.messageId, report.data),
    range: report.range,
    docsUrl: docsUrl(rule.meta.id),
  };
  if (report.data) finding.data = report.data;
  if (report.fix) finding.fix = report.fix;
  if (report.suggestions?.length) finding.suggestions = report.suggestions;
  return finding;
}

/** Fills `{name}` placeholders; a missing value is left visible rather than silently dropped. */
export function formatMessage(template: string, data: Record<string, string | number> | undefined): string {
  // Every finding's message passes here: a scan is a fraction of a regex replace with a callback.
  let at = template.indexOf('{');
  if (at < 0 || !data) return template;
  let out = '';
  let done = 0;
  while (at >= 0) {
    const close = template.indexOf('}', at + 1);
    if (close < 0) break;
    const key = template.slice(at + 1, close);
    if (Object.hasOwn(data, key)) {
      out += template.slice(done, at) + String(data[key]);
      done = close + 1;
      at = template.indexOf('{', done);
    } else {
      at = template.indexOf('{', at + 1);
    }
  }
  return out + template.slice(done);
}

function isSilenced(finding: Finding, pragmas: Pragmas, instructions: { start: number; end: number }[]): boolean {
  const matches = (refs: IdReference[] | undefined) => refs?.some((r) => r.id === finding.ruleId) ?? false;
  if (matches(pragmas.global)) return true;
  const line = finding.range.start.line;
  const owner = instructions.find((i) => i.start <= line && line <= i.end);
  return owner ? matches(pragmas.nextInstruction.get(owner.start)) : false;
}

function pragmaFindings(pragmas: Pragmas): Finding[] {
  const findings: Finding[] = [];
  if (pragmas === NO_PRAGMAS) return findings;
  const all = [...pragmas.global, ...pragmas.dangling, ...[...pragmas.nextInstruction.values()].flat()];
  for (const ref of all) {
    if (!ruleById(ref.id)) findings.push(engineFinding(ENGINE_IDS.pragma, 'unknownRule', `Unknown rule "${ref.id}" in a smlint pragma; run smlint --list-rules for the ids.`, ref.range));
  }
  for (const bad of pragmas.badModes) {
    findings.push(engineFinding(ENGINE_IDS.pragma, 'unknownMode', `Unknown mode "${bad.value}" in a smlint pragma; use train, serve, processing or studio.`, bad.range));
  }
  for (const bad of pragmas.badTargets) {
    findings.push(engineFinding(ENGINE_IDS.pragma, 'unknownTarget', `Unknown deployment target "${bad.value}" in a smlint pragma; use one of ${DEPLOYMENT_TARGETS.join(', ')}.`, bad.range));
  }
  for (const ref of pragmas.dangling) {
    findings.push(engineFinding(ENGINE_IDS.pragma, 'dangling', `This smlint ignore pragma is followed by no instruction, so it silences nothing.`, ref.range));
  }
  return findings;
}

function engineFinding(ruleId: string, messageId: string, message: string, range: Range): Finding {
  return { ruleId, messageId, severity: 'info', message, range, docsUrl: ENGINE_DOCS_URL };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

