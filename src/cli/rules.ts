import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { closestMatch } from '../core/lint/config';
import { docsUrl } from '../core/lint/docs';
import type { Rule } from '../core/lint/types';

/** Reads `docs/rules/<id>.md` from the package's docs folder; undefined when it is not there. */
export function docsPageReader(docsDir: string | undefined): (ruleId: string) => string | undefined {
  return (ruleId) => {
    if (docsDir === undefined) return undefined;
    const file = join(docsDir, `${ruleId}.md`);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
}

/** `--list-rules`: aligned columns for people, or an array for scripts. */
export function listRules(rules: readonly Rule[], format: 'text' | 'json'): string {
  if (format === 'json') {
    return JSON.stringify(rules.map(({ meta }) => ({
      id: meta.id, severity: meta.severity, basis: meta.basis, modes: meta.modes, summary: meta.summary,
      fixable: meta.fixable ?? false, docsUrl: docsUrl(meta.id),
    })), null, 2) + '\n';
  }
  const rows = rules.map(({ meta }) => [meta.id, meta.severity, meta.modes.join(','), meta.summary]);
  const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i]) : cell)).join('  ')).join('\n') + '\n';
}

export type Explained = { ok: true; text: string } | { ok: false; error: string };

/** `--explain <id>`: the rule's metadata, then its docs page when the package ships one. */
export function explainRule(rules: readonly Rule[], id: string, docsPage: (ruleId: string) => string | undefined): Explained {
  const rule = rules.find((candidate) => candidate.meta.id === id);
  if (!rule) {
    const guess = closestMatch(id, rules.map((candidate) => candidate.meta.id));
    return { ok: false, error: `unknown rule '${id}'${guess ? `; did you mean '${guess}'?` : ''} (smlint --list-rules shows them all)` };
  }
  const { meta } = rule;
  const lines = [
    `${meta.id}: ${meta.summary}`,
    '',
    `Severity: ${meta.severity}${meta.fixable ? ' (has a safe --fix)' : ''}`,
    `Basis:    ${meta.basis}`,
    `Modes:    ${meta.modes.join(', ')}`,
    `Sources:  ${meta.source.join(', ')}`,
    `Docs:     ${docsUrl(meta.id)}`,
  ];
  const page = docsPage(meta.id);
  return { ok: true, text: lines.join('\n') + '\n' + (page ? `\n${page.trimEnd()}\n` : '') };
}
