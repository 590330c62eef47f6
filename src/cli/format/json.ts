import type { FileReport } from '../report';
import { countFindings, oneBased } from '../report';

/**
 * ESLint-like per-file JSON, a stable interface for scripts: one entry per file with 1-based
 * positions (`endColumn` exclusive) and counts. Fields are only ever added, never renamed.
 */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports.map((report) => {
    const counts = countFindings(report.result.findings);
    return {
      filePath: report.path ?? report.displayPath,
      modes: report.result.modes.modes,
      findings: report.result.findings.map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        ...oneBased(finding.range),
        docsUrl: finding.docsUrl,
      })),
      errorCount: counts.error,
      warningCount: counts.warning,
      infoCount: counts.info,
    };
  }), null, 2) + '\n';
}
