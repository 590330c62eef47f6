import { imageSteps, imageWorkdir, joinPath } from '../commands';
import { eolOf } from '../edits';
import type { Model } from '../model';
import { imageEntrypoint, initWrapper, programWord } from '../queries/entrypoint';
import { CopyResult, executeBit, Landing, landedFiles } from '../queries/filesystem';
import { isOnPath, pathDirs } from '../queries/launchers';
import type { Word } from '../shell';
import { defineRule, Suggestion } from '../types';

export const scriptNotExecutable = defineRule({
  meta: {
    id: 'script-not-executable',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['train', 'serve'],
    summary: 'Files SageMaker executes directly (train, serve, an ENTRYPOINT script) need the execute bit in the image.',
    source: ['EX:advanced_functionality/scikit_bring_your_own/container/Dockerfile', 'ISS-aws/sagemaker-python-sdk#4678'],
    messages: {
      notExecutable: '{paths} is not executable in the image ({reason}) and no later RUN chmod covers it, so starting it fails with "Permission denied". Use COPY --chmod=755 or RUN chmod +x after the copy (or commit the file with mode 755: git update-index --chmod=+x).',
      mayNotBeExecutable: '{paths} may not be executable: this COPY sets no --chmod and no later RUN chmod covers it, so it keeps whatever mode the file has in the build context; without the execute bit, starting it fails with "Permission denied". Use COPY --chmod=755, or RUN chmod +x after the copy.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const landed = landedFiles(model, ctx.buildContext);
    const wanted = executedPaths(model, landed);
    if (wanted.size === 0) return;
    const steps = imageSteps(model);
    // A later COPY to the same path replaces the file; only the last one decides its mode.
    const last = new Map(landed.map((file) => [file.path, file]));

    // One finding per source word, naming every executed file it brings.
    const bySource = new Map<Word, { copy: CopyResult; paths: string[]; missing: boolean }>();
    for (const file of landed) {
      if (!wanted.has(file.path) || last.get(file.path) !== file) continue;
      const { copy } = file;
      const bit = executeBit(model, copy, file, steps);
      if (bit === 'granted' || bit === 'unknown') continue;
      const entry = bySource.get(file.source) ?? { copy, paths: [], missing: true };
      entry.paths.push(file.path);
      entry.missing &&= bit === 'missing';
      bySource.set(file.source, entry);
    }
    for (const [source, { copy, paths, missing }] of bySource) {
      ctx.report({
        messageId: missing ? 'notExecutable' : 'mayNotBeExecutable',
        range: source.range,
        data: missing ? { paths: paths.join(', '), reason: whyMissing(copy, source) } : { paths: paths.join(', ') },
        suggestions: suggestions(ctx.text, copy, paths),
      });
    }
  },
});

/**
 * The image paths SageMaker executes directly: `train`/`serve` on PATH when nothing stands in
 * front of them (no ENTRYPOINT, or an init wrapper that passes the word on, as tini did in
 * ISS-aws/sagemaker-python-sdk#4678), and the program of an ENTRYPOINT that is a copied script.
 */
function executedPaths(model: Model, files: readonly Landing[]): Set<string> {
  const paths = new Set<string>();
  if (files.length === 0) return paths;
  const landed = files.map((f) => f.path);
  const entrypoint = imageEntrypoint(model);
  if (!entrypoint || initWrapper(entrypoint)) {
    for (const path of landed) if (/\/(train|serve)$/.test(path)) paths.add(path);
  }
  const program = programWord(entrypoint);
  if (program && !program.expands) {
    const name = program.value;
    if (name.includes('/')) {
      // A relative path starts from the WORKDIR.
      const workdir = imageWorkdir(model);
      const path = workdir !== undefined || name.startsWith('/') ? joinPath(workdir ?? '/', name) : undefined;
      if (path !== undefined && landed.includes(path)) paths.add(path);
    } else if (name !== '' && name !== '.' && name !== '..') {
      // A name without a slash is looked up on PATH.
      const dirs = pathDirs(model);
      for (const path of landed) if (isOnPath(path, name, dirs)) paths.add(path);
    }
  }
  return paths;
}

function whyMissing({ step }: CopyResult, source: Word): string {
  if (step.chmod !== undefined) return `--chmod=${step.chmod} grants no execute permission`;
  if (step.heredoc) return 'a heredoc COPY creates it with mode 644';
  if (/:\/\//.test(source.value)) return 'ADD from a URL creates it with mode 600';
  return 'the build context file has no execute bit';
}

function suggestions(text: string, copy: CopyResult, paths: string[]): Suggestion[] {
  const { instruction, chmod } = copy.step;
  const result: Suggestion[] = [];
  if (chmod === undefined) {
    const keyword = instruction.getInstructionRange();
    result.push({
      title: `Copy with --chmod=755: ${instruction.getKeyword()} --chmod=755 …`,
      edits: [{ range: { start: keyword.end, end: keyword.end }, newText: ' --chmod=755' }],
    });
  }
  const end = instruction.getRange().end;
  result.push({
    title: `Add RUN chmod +x ${paths.join(' ')}`,
    edits: [{ range: { start: end, end }, newText: `${eolOf(text)}RUN chmod +x ${paths.join(' ')}` }],
  });
  return result;
}
