import type { Finding, LintResult, Range, Severity } from '../core/lint/types';

/** One linted file, as every output format receives it. */
export interface FileReport {
  /** the absolute path; undefined for standard input */
  path: string | undefined;
  /** the name shown to people: relative to the working directory when inside it, `<stdin>` for stdin */
  displayPath: string;
  result: LintResult;
  /** true when --fix changed the file */
  fixed?: boolean;
}

export type Counts = Record<Severity, number>;

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function totalCounts(reports: readonly FileReport[]): Counts {
  return countFindings(reports.flatMap((report) => report.result.findings));
}

/** The same position in the 1-based form of ESLint, SARIF and editors; `endColumn` stays exclusive. */
export interface OneBasedRange { line: number; column: number; endLine: number; endColumn: number }

export function oneBased(range: Range): OneBasedRange {
  return {
    line: range.start.line + 1,
    column: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** True when `severity` is at least as serious as `level`. */
export function atOrAbove(severity: Severity, level: Severity): boolean {
  return RANK[severity] >= RANK[level];
}
