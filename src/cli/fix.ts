import { applyEdits, fixEdits } from '../core/lint/edits';
import type { LintResult } from '../core/lint/types';

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
 * changes nothing; `fixEdits` picks each pass's fixes, whole, leaving conflicting ones for the next.
 */
export function fixText(text: string, lint: (text: string) => LintResult, maxPasses = MAX_FIX_PASSES): FixOutcome {
  let current = text;
  let result = lint(current);
  let passes = 0;
  while (passes < maxPasses) {
    const edits = fixEdits(result.findings);
    const next = edits.length > 0 ? applyEdits(current, edits) : current;
    if (next === current) break;
    current = next;
    result = lint(current);
    passes++;
  }
  return { text: current, result, passes };
}
