import type { Instruction } from 'dockerfile-ast';
import { basename, imageWorkdir, joinPath, workdirOf } from '../commands';
import type { ExecSpec, Model } from '../model';
import { programWord } from '../queries/entrypoint';
import { copiedFiles, CopyResult, isUnder, LandedFile } from '../queries/filesystem';
import { pathDirs } from '../queries/launchers';
import { insertLineAfter } from '../queries/lines';
import { baseInfo } from '../queries/baseImage';
import { defineRule, type Mode } from '../types';

/** How SageMaker's start reaches a file: run directly (its #! line matters) or read by a shell (every line matters). */
type Run = 'exec' | 'shell';

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh']);
/** The launchers SageMaker runs by name, and the mode that runs each [DG:your-algorithms-training-algo-dockerfile]. */
const LAUNCHERS: Record<string, Mode> = { train: 'train', serve: 'serve' };

export const scriptCrlf = defineRule({
  meta: {
    id: 'script-crlf',
    severity: 'error',
    basis: 'issue',
    modes: ['train', 'serve', 'processing'],
    summary: 'Scripts SageMaker executes (train, serve, the ENTRYPOINT script, a .sh it names) must have LF line endings, not Windows CRLF.',
    source: ['ISS-aws/amazon-sagemaker-examples#571', 'ISS-aws/amazon-sagemaker-examples#1589', 'ISS-aws/sagemaker-python-sdk#4090', 'EX:advanced_functionality/scikit_bring_your_own/container/decision_trees/train'],
    messages: {
      shebang: '{file} has Windows (CRLF) line endings, so its first line asks for "{interpreter}\\r" and the container exits with code 127 ("No such file or directory") when SageMaker starts {path}. Convert the file to LF line endings (and keep it so, e.g. with "*.sh text eol=lf" in .gitattributes), or strip the CRs in the image.',
      shell: '{file} has Windows (CRLF) line endings and is read by a shell when SageMaker starts the container; the shell takes each \\r as part of a command ("$\'\\r\': command not found"), so {path} fails. Convert the file to LF line endings, or strip the CRs in the image.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    if (!buildContext) return;
    const copies = copiedFiles(model, buildContext);
    // A later COPY to the same path replaces the earlier file.
    const landed = new Map<string, { file: LandedFile; copy: CopyResult }>();
    for (const copy of copies) {
      if (copy.step.from !== undefined) continue;
      for (const file of copy.files) if (file.contextFile) landed.set(file.path, { file, copy });
    }
    if (landed.size === 0) return;

    const targets = new Map<string, { run: Run; certain: boolean }>();
    const mark = (path: string | undefined, run: Run, certain = true) => {
      if (!path || !landed.has(path)) return;
      const before = targets.get(path);
      // A shell reading the file is the stricter case: every line must be clean.
      targets.set(path, {
        run: before?.run === 'shell' || path.endsWith('.sh') ? 'shell' : run,
        certain: certain || (before?.certain ?? false),
      });
    };
    // `train`/`serve` run straight from PATH only when no ENTRYPOINT stands in front; an entrypoint
    // (in the file, or in a base that may have one) may start them another way.
    const base = baseInfo(model).kind;
    const launchedDirectly = !model.entrypoint() && (base === 'known' || base === 'scratch');
    for (const [path, { file }] of landed) {
      const names = [basename(path), basename(file.contextFile?.path ?? '')];
      if (names.some((n) => LAUNCHERS[n] && ctx.modes.has(LAUNCHERS[n]))) mark(path, 'exec', launchedDirectly);
    }
    const workdir = imageWorkdir(model);
    const resolve = (value: string, lookup: 'command' | 'argument'): string | undefined => {
      if (value.includes('$') || value === '') return undefined;
      if (value.startsWith('/')) return joinPath('/', value);
      if (value.includes('/') || lookup === 'argument') return workdir === undefined ? undefined : joinPath(workdir, value);
      return pathDirs(model).map((dir) => joinPath(dir, value)).find((p) => landed.has(p));
    };
    const specs: ExecSpec[] = [];
    const entrypoint = model.entrypoint();
    if (entrypoint) specs.push(entrypoint);
    // Training and hosting replace CMD with train/serve; a processing job runs it.
    const cmd = model.cmd();
    if (cmd && ctx.modes.has('processing')) specs.push(cmd);
    for (const spec of specs) {
      const program = spec === entrypoint || !entrypoint ? programWord(spec) : undefined;
      if (program) mark(resolve(program.value, 'command'), 'exec');
      for (const command of spec.commands) {
        // `bash entry.sh`: the shell reads the script whatever its #! line says.
        if (SHELLS.has(command.name)) {
          const script = command.words.slice(1).find((w) => !w.value.startsWith('-'));
          if (script && !command.words.some((w) => /^-[a-z]*c$/.test(w.value))) mark(resolve(script.value, 'argument'), 'shell');
        }
        for (const word of command.words) if (word.value.endsWith('.sh')) mark(resolve(word.value, 'argument'), 'shell');
      }
    }
    // The training toolkit runs a SAGEMAKER_PROGRAM ending in .sh as a shell command [TT:process.py].
    const program = model.finalStage?.env.get('SAGEMAKER_PROGRAM')?.value;
    if (program?.endsWith('.sh') && !program.includes('/') && ctx.modes.has('train')) mark(`/opt/ml/code/${program}`, 'shell');

    for (const [path, { run, certain }] of [...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const { file, copy } = landed.get(path) as { file: LandedFile; copy: CopyResult };
      const text = buildContext.readText(file.contextFile?.path ?? '');
      if (text === undefined || !text.includes('\r\n')) continue;
      const firstLine = /^#!([^\n]*)\r\n/.exec(text);
      if (run === 'exec' && !firstLine) continue;
      if (strippedLater(model, copy.step.instruction, path)) continue;
      const data = { file: file.contextFile?.path ?? path, path, interpreter: firstLine?.[1].trim() ?? '' };
      ctx.report({
        messageId: run === 'exec' ? 'shebang' : 'shell',
        range: file.source.range,
        data,
        severity: certain ? 'error' : 'warning',
        suggestions: [{
          title: `Strip the CRs in the image: RUN sed -i 's/\\r$//' ${path}`,
          edits: [insertLineAfter(model, copy.step.instruction, `RUN sed -i 's/\\r$//' ${path}`)],
        }],
      });
    }
  },
});

/** Whether a RUN after `copied` already converts `path` (dos2unix, or sed/tr/perl removing \r). */
function strippedLater(model: Model, copied: Instruction, path: string): boolean {
  const after = copied.getRange().end.line;
  for (const run of model.imageRuns()) {
    if (run.instruction.getRange().start.line <= after) continue;
    const cwd = workdirOf(model, run.instruction);
    for (const command of run.commands) {
      const values = command.words.map((w) => w.value);
      const converts = values.some((v) => basename(v) === 'dos2unix')
        || (values.some((v) => ['sed', 'tr', 'perl'].includes(basename(v))) && values.some((v) => v.includes('\\r')));
      if (!converts) continue;
      const covers = command.words.some((w) => {
        if (w.expands || /[*?[]/.test(w.value)) return true;
        if (!w.value.startsWith('/') && cwd === undefined) return false;
        const target = joinPath(cwd ?? '/', w.value);
        return target === path || (target !== '/' && isUnder(path, target));
      });
      if (covers) return true;
    }
  }
  return false;
}
