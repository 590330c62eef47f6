/**
 * The steps of "Insert Pre-built Image URI": framework → scope → version → (base framework) →
 * processor → Python → region. Each call looks at the choices so far and returns the next
 * question, or the finished URI. A question with a single answer is answered here, so the user
 * only sees real choices.
 */
import {
  buildImageUri, listBaseFrameworkVersions, listFamilies, listProcessors, listPyVersions, listRegions, listVersions,
} from '../catalog';
import type { ImageUriResult, Scope } from '../catalog';
import { DockerfileParser } from 'dockerfile-ast';
import type { Position, Range } from '../lint/types';
import { lineAt } from './text';

export interface ImageChoices {
  framework?: string;
  scope?: Scope;
  version?: string;
  baseFrameworkVersion?: string;
  processor?: string;
  pyVersion?: string;
  region?: string;
}

export type ImageStepId = 'framework' | 'scope' | 'version' | 'baseFrameworkVersion' | 'processor' | 'pyVersion' | 'region';

export interface PickOption {
  value: string;
  label: string;
  description?: string;
}

export type ImageStep =
  | { kind: 'question'; id: ImageStepId; title: string; options: PickOption[] }
  | { kind: 'done'; result: ImageUriResult };

const RETIRED_SCOPES: readonly Scope[] = ['eia'];
const SCOPE_LABELS: Record<Scope, string> = {
  training: 'Training', inference: 'Inference', inference_graviton: 'Inference on Graviton (arm64)', eia: 'Elastic Inference',
};

/**
 * The next question for `choices`, with single-answer questions filled into `choices` (which is
 * updated in place so the caller keeps what was decided). `preferredRegion` is listed first.
 */
export function nextImageStep(choices: ImageChoices, preferredRegion?: string): ImageStep {
  const { framework } = choices;
  if (!framework) {
    return question('framework', 'Framework or image family', listFamilies().map((f) => ({ value: f.id, label: f.displayName, description: f.id })));
  }
  const family = listFamilies().find((f) => f.id === framework);
  if (choices.scope === undefined && family && family.scopes.length > 0) {
    const scopes = family.scopes.filter((s) => !RETIRED_SCOPES.includes(s));
    const step = ask(choices, 'scope', 'Scope', scopes.map((s) => ({ value: s, label: SCOPE_LABELS[s] })));
    if (step) return step;
  }
  const { scope } = choices;
  if (choices.version === undefined) {
    const versions = listVersions(framework, scope).filter((v) => !v.aliasOf).map((v) => ({ value: v.version, label: v.version }));
    const step = ask(choices, 'version', 'Version', versions);
    if (step) return step;
  }
  const version = choices.version as string;
  if (choices.baseFrameworkVersion === undefined) {
    const bases = listBaseFrameworkVersions(framework, version, scope).filter((v) => !v.aliasOf).map((v) => ({ value: v.version, label: v.version }));
    const step = ask(choices, 'baseFrameworkVersion', 'Base framework', bases);
    if (step) return step;
  }
  if (choices.processor === undefined) {
    const step = ask(choices, 'processor', 'Processor', listProcessors(framework, version, scope).map((p) => ({ value: p, label: p })));
    if (step) return step;
  }
  if (choices.pyVersion === undefined) {
    const pys = listPyVersions(framework, version, scope, choices.baseFrameworkVersion).map((p) => ({ value: p, label: p }));
    const step = ask(choices, 'pyVersion', 'Python', pys);
    if (step) return step;
  }
  if (choices.region === undefined) {
    const regions = listRegions(framework, version, scope, choices.baseFrameworkVersion);
    const ordered = preferredRegion && regions.includes(preferredRegion) ? [preferredRegion, ...regions.filter((r) => r !== preferredRegion)] : regions;
    const step = ask(choices, 'region', 'Region', ordered.map((r) => ({ value: r, label: r, description: r === preferredRegion ? 'configured region' : undefined })));
    if (step) return step;
  }
  return {
    kind: 'done',
    result: buildImageUri({
      framework, scope, version, baseFrameworkVersion: choices.baseFrameworkVersion, processor: choices.processor,
      pyVersion: choices.pyVersion, region: choices.region ?? preferredRegion ?? '',
    }),
  };
}

function question(id: ImageStepId, title: string, options: PickOption[]): ImageStep {
  return { kind: 'question', id, title, options };
}

/** A question when there is a choice to make; with one option it is taken, with none skipped. */
function ask(choices: ImageChoices, id: ImageStepId, title: string, options: PickOption[]): ImageStep | undefined {
  if (options.length === 1) (choices as Record<string, string>)[id] = options[0].value;
  return options.length > 1 ? question(id, title, options) : undefined;
}

/**
 * Where a picked URI goes when the cursor is in a `FROM` instruction: over the image reference, or
 * after a bare `FROM`. Undefined elsewhere, where the URI is inserted at the cursor.
 */
export function fromImageTarget(text: string, position: Position): { range: Range; prefix: string } | undefined {
  const from = DockerfileParser.parse(text).getFROMs().find((f) => {
    const range = f.getRange();
    return range.start.line <= position.line && position.line <= range.end.line;
  });
  if (!from) return undefined;
  const image = from.getImageRange();
  if (image) return { range: image, prefix: '' };
  const end = from.getInstructionRange().end;
  const line = lineAt(text, end.line);
  // After a bare FROM: keep any spaces already typed, and add one when there is none.
  const spaces = /^[ \t]*/.exec(line.slice(end.character))?.[0] ?? '';
  const at = { line: end.line, character: end.character + spaces.length };
  return { range: { start: at, end: at }, prefix: spaces ? '' : ' ' };
}
