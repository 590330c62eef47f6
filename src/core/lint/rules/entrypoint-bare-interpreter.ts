import { imageWorkdir, joinPath } from '../commands';
import { bareInterpreter } from '../queries/entrypoint';
import { copiedFiles, isUnder, landedFiles } from '../queries/filesystem';
import { findCommand, Launcher, launchersFor, modesAssumed } from '../queries/launchers';
import { commandName } from '../shell';
import { defineRule } from '../types';

/**
 * Shells look a script name up on PATH when the working directory has none (Python and the others
 * do not); what they find there may not be a shell script, so it only makes the failure uncertain.
 */
const SEARCHES_PATH = /^(bash|sh)$/;

export const entrypointBareInterpreter = defineRule({
  meta: {
    id: 'entrypoint-bare-interpreter',
    severity: 'error',
    basis: 'doc',
    modes: ['train', 'serve'],
    summary: 'An ENTRYPOINT that is only an interpreter makes SageMaker run "python3 train" or "python3 serve", a script that does not exist.',
    source: ['DG:your-algorithms-training-algo-dockerfile', 'DG:processing-container-run-scripts'],
    messages: {
      bareInterpreter: 'ENTRYPOINT {entrypoint} has no script: SageMaker appends {words}, so the container runs "{interpreter} {word}" and looks for a script named {word} in {workdir}{detail}. Name the script, e.g. ENTRYPOINT ["{interpreter}", "/opt/program/entry.py"]; a bare interpreter only suits processing jobs, where ScriptProcessor passes the script.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const spec = model.entrypoint();
    const interpreter = bareInterpreter(spec);
    if (!spec || !interpreter) return;
    const workdir = imageWorkdir(model);
    const copies = copiedFiles(model, ctx.buildContext);
    const landed = landedFiles(model, ctx.buildContext).map((f) => f.path);

    const status = (word: Launcher): 'works' | 'unknown' | 'fails' => {
      if (workdir === undefined) return 'unknown';
      const script = joinPath(workdir, word);
      // `python3 train` also runs a directory train/ that holds a __main__.py.
      if (landed.some((p) => p === script || p.startsWith(script + '/'))) return 'works';
      if (SEARCHES_PATH.test(commandName(interpreter)) && findCommand(model, word, ctx.buildContext).status !== 'absent') return 'unknown';
      if (copies.some((c) => c.opaque.some((root) => isUnder(workdir, root)))) return 'unknown';
      return 'fails';
    };
    const failing = launchersFor(ctx.modes).map((word) => ({ word, status: status(word) })).filter((l) => l.status !== 'works');
    if (failing.length === 0) return;

    // A bare interpreter is the processing pattern: when processing is one of the modes (mode
    // detection adds it for exactly this ENTRYPOINT), the image may never start a training job.
    const certain = !ctx.modes.has('processing') && !modesAssumed(model, ctx.modes) && failing.every((l) => l.status === 'fails');
    const argsRange = spec.instruction.getArgumentsRange() ?? spec.instruction.getRange();
    ctx.report({
      messageId: 'bareInterpreter',
      range: argsRange,
      severity: certain ? 'error' : 'warning',
      data: {
        entrypoint: model.textOf(argsRange),
        words: failing.map((l) => `"${l.word}"`).join(' or '),
        interpreter: interpreter.value,
        word: failing[0].word,
        workdir: workdir ?? 'the working directory',
        detail: failing.some((l) => l.status === 'unknown') ? ' (smlint cannot see whether the image puts one there)' : ', and the image puts none there',
      },
    });
  },
});
