/**
 * Completion items: SageMaker pre-built images in `FROM` (repository first, then the catalog's
 * tags of that repository, newest first), toolkit variables in `ENV` and the capability labels in
 * `LABEL`. The extension maps these one-to-one onto `CompletionItem`s.
 */
import { DockerfileParser } from 'dockerfile-ast';
import type { Position, Range } from '../lint/types';
import { repositoriesIn, tagsOf } from './images';
import { LABELS, VARIABLES } from './reference';
import { contains, lineAt } from './text';

export type CompletionKind = 'image' | 'tag' | 'variable' | 'label';

export interface EditorCompletion {
  label: string;
  kind: CompletionKind;
  /** replaces `range`; a snippet with `${1:…}` placeholders when `snippet` is set */
  insertText: string;
  snippet?: boolean;
  range: Range;
  detail: string;
  /** markdown */
  documentation?: string;
  /** keeps the catalog order (newest first) instead of the alphabetical default */
  sortText: string;
  filterText?: string;
  /** ask for completion again after inserting, to go on from a repository to its tags */
  retrigger?: boolean;
}

const SCOPE_NAMES: Record<string, string> = {
  training: 'training', inference: 'inference', inference_graviton: 'inference (Graviton, arm64)', eia: 'Elastic Inference',
};

const order = (index: number) => String(index).padStart(5, '0');

export function completionsAt(text: string, position: Position, region: string): EditorCompletion[] {
  const instruction = DockerfileParser.parse(text).getInstructions().find((i) => {
    const range = i.getRange();
    return range.start.line <= position.line && position.line <= range.end.line;
  });
  const keyword = instruction?.getKeyword();
  const before = lineAt(text, position.line).slice(0, position.character);
  const typed = /\S*$/.exec(before)?.[0] ?? '';
  const range: Range = { start: { line: position.line, character: position.character - typed.length }, end: position };
  // The keyword itself is still being typed, or the cursor sits in a flag such as --platform=.
  if (!instruction || typed.startsWith('-') || contains(instruction.getInstructionRange(), position)) return [];

  switch (keyword) {
    case 'FROM': {
      const argsBefore = before.slice(instruction.getInstructionRange().end.character).trim().split(/\s+/).filter((w) => w && !w.startsWith('--'));
      // Only the image position: not `AS name` after it.
      if (argsBefore.length > 1 || (argsBefore.length === 1 && argsBefore[0] !== typed)) return [];
      return imageCompletions(typed, range, region);
    }
    case 'ENV':
      return typed.includes('=') ? [] : variableCompletions(range);
    case 'LABEL':
      return typed.includes('=') ? [] : labelCompletions(range);
    default:
      return [];
  }
}

function imageCompletions(typed: string, range: Range, region: string): EditorCompletion[] {
  const slash = typed.lastIndexOf('/');
  const colon = typed.lastIndexOf(':');
  if (slash >= 0 && colon > slash) {
    const repository = typed.slice(slash + 1, colon);
    const tagRange: Range = { start: { line: range.start.line, character: range.start.character + colon + 1 }, end: range.end };
    return tagsOf(repository, region).map((tag, index) => ({
      label: tag.tag,
      kind: 'tag',
      insertText: tag.tag,
      range: tagRange,
      detail: [tag.version, tag.baseFrameworkVersion, tag.scope && SCOPE_NAMES[tag.scope], tag.processor, tag.pyVersion].filter(Boolean).join(' · '),
      sortText: order(index),
    }));
  }
  return repositoriesIn(region).map((repo, index) => {
    const uri = `${repo.registry}/${repo.repository}:`;
    return {
      label: repo.repository,
      kind: 'image',
      insertText: uri,
      range,
      detail: `${repo.displayName} · ${repo.scopes.map((s) => SCOPE_NAMES[s] ?? s).join(', ') || 'SageMaker image'}`,
      documentation: `\`${uri}…\`\n\nSageMaker pre-built image in ${region}. Pick a tag next.`,
      sortText: order(index),
      // Typing the repository name finds it; once a registry is typed, the whole URI is matched.
      filterText: typed.includes('/') ? uri : repo.repository,
      retrigger: true,
    };
  });
}

function variableCompletions(range: Range): EditorCompletion[] {
  return VARIABLES.filter((v) => v.origin === 'image').map((v, index) => ({
    label: v.name,
    kind: 'variable',
    insertText: `${v.name}=\${1:${v.example ?? ''}}`,
    snippet: true,
    range,
    detail: 'read by the SageMaker toolkits',
    documentation: `${v.summary}\n\n[Documentation](${v.url})`,
    sortText: order(index),
  }));
}

function labelCompletions(range: Range): EditorCompletion[] {
  return LABELS.map((label, index) => ({
    label: label.name,
    kind: 'label',
    insertText: `${label.name}=true`,
    range,
    detail: 'SageMaker capability label',
    documentation: `${label.summary}\n\n[Documentation](${label.url})`,
    sortText: order(index),
  }));
}
