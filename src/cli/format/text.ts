import type { Colors } from 'picocolors/types';
import type { ModeInfo, Severity } from '../../core/lint/types';
import type { Counts, FileReport } from '../report';
import { oneBased, totalCounts } from '../report';

const SHOWN_REASONS = 3;

/**
 * The human format: per file a header line, the modes line, then one `path:line:col severity
 * rule-id message` line per finding. The path stays on every finding line so that terminals and
 * editors can link it and `grep` keeps working; a summary line ends the report.
 */
export function formatText(reports: readonly FileReport[], colors: Colors): string {
  const paint: Record<Severity, (text: string) => string> = { error: colors.red, warning: colors.yellow, info: colors.blue };
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(colors.underline(report.displayPath) + (report.fixed ? colors.green(' (fixed)') : ''));
    lines.push(colors.dim(`  ${describeModes(report.result.modes)}`));
    for (const finding of report.result.findings) {
      const { line, column } = oneBased(finding.range);
      lines.push(`  ${report.displayPath}:${line}:${column} ${paint[finding.severity](finding.severity)} ${colors.dim(finding.ruleId)} ${finding.message}`);
    }
    lines.push('');
  }
  const counts = totalCounts(reports);
  const colour = counts.error > 0 ? colors.red : counts.warning > 0 ? colors.yellow : colors.green;
  lines.push(colour(summary(counts, reports.length)));
  return lines.join('\n') + '\n';
}

export function summary(counts: Counts, files: number): string {
  return `${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${counts.info} info in ${plural(files, 'file')}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** One short line: the modes and why, so a surprising finding can be traced to a wrong guess. */
export function describeModes(info: ModeInfo): string {
  const modes = `modes: ${info.modes.join(', ')}`;
  switch (info.origin) {
    case 'pragma': return `${modes} (set by a "# smlint mode=" comment)`;
    case 'options': return `${modes} (set by config or --mode)`;
    case 'default': return `${modes} (default: nothing in the file shows the job type; set modes in .smlint.yaml or --mode)`;
    case 'detected': {
      const reasons = [...new Set(info.reasons.map((reason) => reason.reason))];
      const shown = reasons.slice(0, SHOWN_REASONS).join('; ') + (reasons.length > SHOWN_REASONS ? '; …' : '');
      return shown ? `${modes} (detected: ${shown})` : `${modes} (detected)`;
    }
  }
}
