/**
 * Our RuleTester, with ESLint's guarantees: a valid case yields no finding of the rule; an invalid
 * case lists every finding, in order, each compared as a whole object with its exact 1-based
 * range; message ids exist and no placeholder survives; `output` exists exactly when a fix does
 * and re-linting it leaves nothing to fix; every suggestion is listed with its output.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEdits } from '../../src/core/lint/edits';
import { lint } from '../../src/core/lint/engine';
import type { BuildContext, ContextFile, Finding, LintOptions, Rule, Severity } from '../../src/core/lint/types';

export interface CaseOptions extends Omit<LintOptions, 'ruleSet'> {}

export interface ValidCase {
  name?: string;
  code: string;
  options?: CaseOptions;
}

export interface ExpectedSuggestion { title: string; output: string }

export interface ExpectedFinding {
  messageId: string;
  severity: Severity;
  /** 1-based, as the editor shows them; endColumn is exclusive */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  data?: Record<string, string | number>;
  /** omitted means the finding must offer no suggestion */
  suggestions?: ExpectedSuggestion[];
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** the text after applying every fix; required exactly when the rule fixes this case */
  output?: string;
}

/** Strips the indentation common to all lines, and one leading newline, from a template. */
export function dockerfile(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').replace(/\n[ \t]*$/, '\n').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(Number.isFinite(indent) ? indent : 0)).join('\n');
}

const FIXTURES = join(__dirname, '..', 'fixtures');

/** A whole-file fixture from test/fixtures. */
export function fixture(relativePath: string): string {
  return readFileSync(join(FIXTURES, relativePath), 'utf8');
}

/** An in-memory build context: path → file text (and whether it is executable). */
export function memoryContext(files: Record<string, string | { text: string; executable?: boolean }>): BuildContext {
  const entries = Object.entries(files).map(([path, f]) => ({ path, ...(typeof f === 'string' ? { text: f } : f) }));
  return {
    listFiles: (): ContextFile[] => entries.map(({ path, executable }) => ({ path, executable })),
    readText: (path) => entries.find((e) => e.path === path)?.text,
    // The duplicate-case check serializes options: make two contexts differ when their files do.
    toJSON: () => files,
  } as BuildContext;
}

function lintWith(rule: Rule, code: string, options: CaseOptions | undefined): Finding[] {
  return lint(code, { ...options, ruleSet: [rule] }).findings.filter((f) => f.ruleId === rule.meta.id);
}

function project(finding: Finding, code: string, expected: ExpectedFinding) {
  const actual: ExpectedFinding = {
    messageId: finding.messageId,
    severity: finding.severity,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
  if (expected.data !== undefined) actual.data = finding.data;
  if (finding.suggestions?.length) {
    actual.suggestions = finding.suggestions.map((s) => ({ title: s.title, output: applyEdits(code, s.edits) }));
  }
  return actual;
}

function caseName(c: ValidCase): string {
  return c.name ?? c.code.split('\n').filter((l) => l.trim()).slice(0, 3).join(' ⏎ ').slice(0, 100);
}

export const ruleTester = {
  run(rule: Rule, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
    const seen = new Set<string>();
    const unique = (c: ValidCase) => {
      const key = JSON.stringify([c.code, c.options ?? null]);
      assert.ok(!seen.has(key), `duplicate test case: ${caseName(c)}`);
      seen.add(key);
    };

    describe(rule.meta.id, () => {
      describe('valid', () => {
        for (const raw of cases.valid) {
          const c: ValidCase = typeof raw === 'string' ? { code: raw } : raw;
          unique(c);
          assert.ok(!('errors' in c) && !('output' in c), `valid case "${caseName(c)}" may not carry errors or output`);
          it(caseName(c), () => {
            const findings = lintWith(rule, c.code, c.options);
            assert.deepStrictEqual(findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.message}`), []);
          });
        }
      });

      describe('invalid', () => {
        for (const c of cases.invalid) {
          unique(c);
          assert.ok(c.errors.length > 0, `invalid case "${caseName(c)}" must list its errors`);
          it(caseName(c), () => {
            const findings = lintWith(rule, c.code, c.options);
            for (const f of findings) {
              assert.ok(f.messageId in rule.meta.messages, `messageId "${f.messageId}" is not in meta.messages`);
              assert.doesNotMatch(f.message, /\{\w+\}/, `unfilled placeholder in "${f.message}"`);
            }
            const actual = findings.map((f, i) => project(f, c.code, c.errors[i] ?? c.errors[0]));
            assert.deepStrictEqual(actual, c.errors);

            const fixes = findings.flatMap((f) => f.fix?.edits ?? []);
            if (fixes.length === 0) {
              assert.equal(c.output, undefined, 'the case has an output but the rule offered no fix');
              return;
            }
            assert.ok(rule.meta.fixable, `${rule.meta.id} offers a fix but is not marked fixable`);
            assert.notEqual(c.output, undefined, 'the rule fixed the code: the case needs an output');
            const output = applyEdits(c.code, fixes);
            assert.notEqual(output, c.code, 'the fix changed nothing');
            assert.equal(output, c.output);
            // --fix must reach a fixed point: nothing the rule could fix remains after one pass.
            const again = lintWith(rule, output, c.options).filter((f) => f.fix);
            assert.deepStrictEqual(again.map((f) => f.message), [], 'the fixed output still has a fix for the rule (fix is not idempotent)');
          });
        }
      });
    });
  },
};
