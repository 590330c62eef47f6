import { closestMatch } from '../spelling';
import { copySteps } from '../commands';
import { isSent, sentContext } from '../queries/buildContext';
import { contextPath, hasWildcards, resolveWildcards } from '../queries/dockerignore';
import { builtStages } from '../queries/stages';
import { expandAt } from '../queries/variables';
import type { Word } from '../shell';
import { defineRule, type Report, type Suggestion } from '../types';

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\/|^git@/i;

export const copySourceMissing = defineRule({
  meta: {
    id: 'copy-source-missing',
    severity: 'error',
    basis: 'doc',
    modes: ['train', 'serve', 'processing', 'studio'],
    summary: 'Every COPY/ADD source must exist in the build context and not be excluded by .dockerignore, or docker build stops.',
    source: ['ISS-aws/sagemaker-mxnet-inference-toolkit#41', 'ISS-aws/sagemaker-tensorflow-training-toolkit#248', 'ISS-moby/buildkit#5132'],
    messages: {
      notInContext: '{source} is not in the build context, so docker build stops here ("{path}": not found).{hint}',
      misspelled: '{source} is not in the build context, so docker build stops here ("{path}": not found). Did you mean {closest}?',
      excluded: '{source} is in the build context, but .dockerignore excludes it, so docker build does not send it and stops here ("{path}": not found). Add an exception such as !{path} to .dockerignore, or stop copying it.',
      matchesNothing: '{source} matches nothing that docker build sends{excluded}: BuildKit copies nothing here, and the classic builder stops with "no source files were specified".',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    if (!buildContext) return;
    const context = sentContext(model, buildContext);
    if (!context) return;
    const { files, dirs, ignore } = context;
    const sent = (path: string) => isSent(context, path);
    // A directory arrives if it is not excluded itself, or as the parent of a file that is sent.
    const present = (path: string) => sent(path) || (dirs.has(path) && [...files].some((f) => f.startsWith(path + '/') && sent(f)));
    const exists = (path: string) => files.has(path) || dirs.has(path);
    const everything = [...files, ...dirs];

    for (const stage of builtStages(model)) {
      for (const step of copySteps(model, stage)) {
        if (step.stage !== stage || step.from !== undefined || step.heredoc) continue;
        const globsMatchingNothing: { word: Word; excludedOnly: boolean }[] = [];
        let anyMatch = false;
        for (const word of step.sources) {
          const path = sourcePath(word, () => expandAt(model, step.instruction, word.value));
          if (path === undefined) { anyMatch = true; continue; }
          if (path === '' || path === '.git' || path.startsWith('.git/')) { anyMatch = true; continue; }
          if (hasWildcards(path)) {
            const matches = resolveWildcards(path, everything);
            if (matches === undefined) { anyMatch = true; continue; }
            if (ignore === 'unknown' || matches.some(present)) { anyMatch = true; continue; }
            globsMatchingNothing.push({ word, excludedOnly: matches.length > 0 });
            continue;
          }
          anyMatch = true;
          if (!exists(path)) {
            // Through a listed non-directory (a symbolic link to a directory), BuildKit may still find it.
            if (parents(path).some((p) => files.has(p))) continue;
            ctx.report(missing(word, path, files, dirs));
          } else if (ignore !== 'unknown' && !present(path)) {
            ctx.report({ messageId: 'excluded', range: word.range, data: { source: word.value, path } });
          }
        }
        // A wildcard that may match nothing is how Dockerfiles copy optional files (`yarn.loc[k]`):
        // only a COPY whose every source comes up empty is reported.
        if (anyMatch) continue;
        for (const { word, excludedOnly } of globsMatchingNothing) {
          ctx.report({
            messageId: 'matchesNothing', range: word.range, severity: 'warning',
            data: { source: word.value, excluded: excludedOnly ? ' (.dockerignore excludes every match)' : '' },
          });
        }
      }
    }
  },
});

/**
 * The context path a source names, or undefined when it is not a context path the linter can
 * judge: a URL, a variable it cannot resolve, or a `\` escape (BuildKit keeps it literally).
 */
function sourcePath(word: Word, expand: () => { value: string; unresolved: string[] }): string | undefined {
  if (REMOTE.test(word.value) || word.value.includes('\\')) return undefined;
  let value = word.value;
  if (value.includes('$')) {
    const expanded = expand();
    if (expanded.unresolved.length > 0) return undefined;
    value = expanded.value;
  }
  return contextPath(value);
}

function parents(path: string): string[] {
  const parts = path.split('/');
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join('/'));
}

function missing(word: Word, path: string, files: ReadonlySet<string>, dirs: ReadonlySet<string>): Report<'notInContext' | 'misspelled'> {
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  // Offer a near name from the same directory: the usual cause is a typo.
  const siblings = [...files, ...dirs].filter((p) => (p.lastIndexOf('/') < 0 ? '' : p.slice(0, p.lastIndexOf('/'))) === dir);
  const closest = closestMatch(path, siblings);
  const outside = /^(\.\.\/|\/\.\.\/)/.test(word.value);
  if (closest) {
    const replaceable = !word.quoted && !word.expands && !word.value.startsWith('/') && !word.value.startsWith('./');
    const suggestions: Suggestion[] | undefined = replaceable
      ? [{ title: `Copy ${closest} instead`, edits: [{ range: word.range, newText: closest + (word.value.endsWith('/') ? '/' : '') }] }]
      : undefined;
    return { messageId: 'misspelled', range: word.range, data: { source: word.value, path, closest }, suggestions };
  }
  const hint = outside
    ? ' A path above the context (..) cannot be copied: Docker resolves it inside the context. Build from a directory that holds the file, or move the file into the context.'
    : ' Check the path, and that docker build is run with the context that holds it (the directory given to docker build, not the Dockerfile\'s).';
  return { messageId: 'notInContext', range: word.range, data: { source: word.value, path, hint } };
}
