import { applyEdits, lineStarts, offsetAt } from '../core/lint/edits';
import type { Finding, LintResult, TextEdit } from '../core/lint/types';

/** Enough for fixes that enable other fixes; a cycle between two rules stops here instead of looping. */
export const MAX_FIX_PASSES = 10;

export interface FixOutcome {
  /** the text after every pass */
  text: string;
  /** the lint result of that text: what remains to report */
  result: LintResult;
  /** how many passes changed the text */
  passes: number;
}

/**
 * Applies the safe `fix` of every finding (never suggestions), re-lints and repeats until a pass
 * changes nothing. Fixes whose edits touch or overlap an already chosen fix wait for the next pass,
 * as in ESLint, so a fix is applied whole or not at all.
 */
export function fixText(text: string, lint: (text: string) => LintResult, maxPasses = MAX_FIX_PASSES): FixOutcome {
  let current = text;
  let result = lint(current);
  let passes = 0;
  while (passes < maxPasses) {
    const edits = chooseEdits(current, result.findings);
    const next = edits.length > 0 ? applyEdits(current, edits) : current;
    if (next === current) break;
    current = next;
    result = lint(current);
    passes++;
  }
  return { text: current, result, passes };
}

function chooseEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  const starts = lineStarts(text);
  const taken: [number, number][] = [];
  const chosen: TextEdit[] = [];
  for (const finding of findings) {
    if (!finding.fix) continue;
    const spans = finding.fix.edits.map((edit): [number, number] => [
      offsetAt(starts, text, edit.range.start), offsetAt(starts, text, edit.range.end),
    ]);
    if (spans.some(([start, end]) => taken.some(([s, e]) => start <= e && s <= end))) continue;
    taken.push(...spans);
    chosen.push(...finding.fix.edits);
  }
  return chosen;
}
