import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { docsUrl, REPOSITORY_URL } from '../../core/lint/docs';
import { ENGINE_IDS } from '../../core/lint/engine';
import type { Finding, Range, Rule, Severity } from '../../core/lint/types';
import type { FileReport } from '../report';
import { oneBased } from '../report';

export interface SarifOptions {
  /** the registered rules; every one becomes a `tool.driver.rules` entry, so indexes are stable */
  rules: readonly Rule[];
  version: string;
  /** the directory `%SRCROOT%` stands for; file URIs are relative to it */
  cwd: string;
  /** the rule's docs page (Markdown), shown by GitHub code scanning as the rule's help */
  docsPage?: (ruleId: string) => string | undefined;
}

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

/** The engine's own findings are not rules, but SARIF needs a descriptor behind every `ruleIndex`. */
const ENGINE_DESCRIPTIONS: Record<string, string> = {
  [ENGINE_IDS.pragma]: 'A "# smlint" pragma comment or the selected build stage is not valid.',
  [ENGINE_IDS.internal]: 'smlint could not analyse the file.',
};

/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every rule described (with its docs as help),
 * results pointing at files relative to `%SRCROOT%` (the checkout), and the safe fixes attached.
 */
export function formatSarif(reports: readonly FileReport[], options: SarifOptions): string {
  const descriptors = options.rules.map((rule) => ruleDescriptor(rule, options.docsPage?.(rule.meta.id)));
  const index = new Map(descriptors.map((descriptor, i) => [descriptor.id, i]));
  const indexOf = (finding: Finding): number => {
    let i = index.get(finding.ruleId);
    if (i === undefined) {
      i = descriptors.push(engineDescriptor(finding)) - 1;
      index.set(finding.ruleId, i);
    }
    return i;
  };

  const results: Sarif.Result[] = reports.flatMap((report) => {
    const artifactLocation = artifactLocationOf(report, options.cwd);
    return report.result.findings.map((finding): Sarif.Result => {
      const result: Sarif.Result = {
        ruleId: finding.ruleId,
        ruleIndex: indexOf(finding),
        level: LEVEL[finding.severity],
        message: { text: finding.message },
        locations: [{ physicalLocation: { artifactLocation, region: region(finding.range) } }],
      };
      if (finding.fix) {
        result.fixes = [{
          description: { text: finding.fix.title },
          artifactChanges: [{
            artifactLocation,
            replacements: finding.fix.edits.map((edit) => ({ deletedRegion: region(edit.range), insertedContent: { text: edit.newText } })),
          }],
        }];
      }
      return result;
    });
  });

  const log: Sarif.Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'smlint', version: options.version, semanticVersion: options.version, informationUri: REPOSITORY_URL, rules: descriptors } },
      originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(options.cwd.endsWith(sep) ? options.cwd : options.cwd + sep).href } },
      // Positions come from JavaScript strings, so columns count UTF-16 code units.
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function ruleDescriptor(rule: Rule, docsPage: string | undefined): Sarif.ReportingDescriptor {
  const { meta } = rule;
  const details = `${meta.summary} Applies to: ${meta.modes.join(', ')}. Basis: ${meta.basis}.`;
  return {
    id: meta.id,
    shortDescription: { text: meta.summary },
    fullDescription: { text: details },
    help: docsPage ? { text: details, markdown: docsPage } : { text: details },
    helpUri: docsUrl(meta.id),
    defaultConfiguration: { level: LEVEL[meta.severity] },
    properties: { tags: ['sagemaker', ...meta.modes] },
  };
}

function engineDescriptor(finding: Finding): Sarif.ReportingDescriptor {
  const text = ENGINE_DESCRIPTIONS[finding.ruleId] ?? finding.ruleId;
  return { id: finding.ruleId, shortDescription: { text }, helpUri: finding.docsUrl, defaultConfiguration: { level: 'note' } };
}

/**
 * Relative to `%SRCROOT%` with '/' separators, as code scanning matches results to repository
 * paths; a file outside the working directory keeps an absolute `file:` URI.
 */
function artifactLocationOf(report: FileReport, cwd: string): Sarif.ArtifactLocation {
  if (report.path === undefined) return { uri: 'stdin' };
  const path = relative(cwd, report.path);
  if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) return { uri: pathToFileURL(report.path).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function region(range: Range): Sarif.Region {
  const { line, column, endLine, endColumn } = oneBased(range);
  return { startLine: line, startColumn: column, endLine, endColumn };
}
