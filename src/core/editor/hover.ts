/**
 * Hover content: what the catalog knows about a `FROM` image, and what SageMaker does with the
 * variables, labels and `/opt/ml` paths a Dockerfile mentions. Returns markdown and the range the
 * hover belongs to; the extension only wraps it.
 */
import { DockerfileParser } from 'dockerfile-ast';
import { parseImageRef, suggestTags } from '../catalog';
import type { ImageRef } from '../catalog';
import { Model } from '../lint/model';
import type { Mode, Position, Range } from '../lint/types';
import { labelEntry, pathEntry, type ReferenceEntry, variableEntry } from './reference';
import { contains, tokenAt } from './text';

export interface HoverContent {
  markdown: string;
  range: Range;
}

export interface HoverOptions {
  /** the region the image is deployed in (settings or `.smlint.yaml`), when known */
  region?: string;
  buildArgs?: Readonly<Record<string, string>>;
}

const MODE_NAMES: Record<Mode, string> = { train: 'training', serve: 'serving', processing: 'processing', studio: 'Studio' };

export function hoverAt(text: string, position: Position, options: HoverOptions = {}): HoverContent | undefined {
  return imageHover(text, position, options) ?? referenceHover(text, position);
}

function imageHover(text: string, position: Position, options: HoverOptions): HoverContent | undefined {
  const model = new Model(text, DockerfileParser.parse(text), options.buildArgs);
  const stage = model.stages.find((s) => {
    const range = s.from.getImageRange();
    return range !== null && contains(range, position);
  });
  const range = stage?.from.getImageRange();
  if (!stage || !range || stage.parent) return undefined;
  const markdown = imageMarkdown(parseImageRef(stage.resolvedImage), options.region);
  return markdown ? { markdown, range } : undefined;
}

/** Markdown for an image reference, or undefined when it is not a SageMaker image. */
export function imageMarkdown(ref: ImageRef, deployRegion?: string): string | undefined {
  const known = ref.known;
  if (!known) return undefined;
  const scope = known.scope ? ` ${known.scope}` : '';
  const lines = [`**${known.displayName}**${scope} image · \`${known.repository}\``, ''];
  const rows: [string, string | undefined][] = [
    ['Version', known.version && known.catalogVersion && known.catalogVersion !== known.version ? `${known.version} (${known.catalogVersion})` : known.version],
    ['Base framework', known.baseFrameworkVersion],
    ['Processor', known.processor],
    ['Python', known.pyVersion],
    ['CUDA', known.cuda],
    ['OS', known.os],
    ['Architecture', known.architecture],
    ['Region', ref.region],
    ['Account', ref.account && (ref.accountMatches === true ? `${ref.account} (matches the region)` : ref.account)],
  ];
  const present = rows.filter((row): row is [string, string] => row[1] !== undefined);
  if (present.length > 0) lines.push('| | |', '|---|---|', ...present.map(([name, value]) => `| ${name} | ${value} |`), '');

  const warnings: string[] = [];
  if (ref.accountMatches === false && ref.expectedAccount) {
    warnings.push(`Account ${ref.account} does not publish \`${known.repository}\` in ${ref.region}; the pre-built image there is in account ${ref.expectedAccount}.`);
  }
  if (deployRegion && ref.region && deployRegion !== ref.region) {
    warnings.push(`The image is in ${ref.region} but the configured region is ${deployRegion}: SageMaker pulls only from the model's own region.`);
  }
  if (known.ec2) {
    warnings.push('This `-ec2` tag is the EC2/ECS/EKS build: it lacks the SageMaker stage (no toolkit, no capability labels, a different entrypoint). Use the `-sagemaker` tag.');
  }
  if (known.tagStatus === 'unknown') {
    const nearest = suggestTags(ref, 3);
    const hint = nearest.length > 0 ? ` Nearest known: ${nearest.map((tag) => `\`${tag}\``).join(', ')}.` : '';
    warnings.push(`Tag \`${ref.tag}\` is not in the catalog, which can lag behind new releases.${hint}`);
  }
  if (ref.unresolved.length > 0) warnings.push(`Unresolved variables in the ${ref.unresolved.join(', ')}: the check above is partial.`);
  lines.push(...warnings.map((warning) => `⚠️ ${warning}`), ...(warnings.length > 0 ? [''] : []));
  return lines.join('\n').trimEnd();
}

function referenceHover(text: string, position: Position): HoverContent | undefined {
  const word = tokenAt(text, position, /[A-Za-z0-9_]/);
  if (word && /^(SAGEMAKER|SM)_/.test(word.text)) {
    const entry = variableEntry(word.text);
    return entry && { markdown: entryMarkdown(word.text, entry), range: word.range };
  }
  const label = tokenAt(text, position, /[\w.-]/);
  const labelInfo = label && labelEntry(label.text);
  if (label && labelInfo) return { markdown: entryMarkdown(label.text, labelInfo), range: label.range };
  const path = tokenAt(text, position, /[\w./-]/);
  const pathInfo = path && /^\/opt\/ml(\/|$)/.test(path.text) ? pathEntry(path.text) : undefined;
  if (path && pathInfo) return { markdown: entryMarkdown(pathInfo.name, pathInfo), range: path.range };
  return undefined;
}

function entryMarkdown(name: string, entry: ReferenceEntry): string {
  const modes = entry.modes.map((mode) => MODE_NAMES[mode]).join(', ');
  return `**\`${name}\`** · SageMaker ${modes}\n\n${entry.summary}\n\n[Documentation](${entry.url})`;
}
