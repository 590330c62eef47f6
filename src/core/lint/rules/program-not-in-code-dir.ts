import type { Instruction } from 'dockerfile-ast';
import { joinPath } from '../commands';
import type { Model } from '../model';
import { baseInfo } from '../queries/baseImage';
import { inferenceToolkit, trainingToolkit } from '../queries/toolkits';
import { defineRule } from '../types';
import { filesUnder } from '../queries/filesystem';

const CODE_DIR = '/opt/ml/code';

export const programNotInCodeDir = defineRule({
  meta: {
    id: 'program-not-in-code-dir',
    severity: 'warning',
    basis: 'heuristic',
    fixable: true,
    modes: ['train'],
    summary: 'SAGEMAKER_PROGRAM names a file relative to /opt/ml/code, and that file must be there when the job starts.',
    source: ['TT:src/sagemaker_training/process.py', 'TT:src/sagemaker_training/files.py', 'TT:README.md'],
    messages: {
      absolutePath: 'SAGEMAKER_PROGRAM is resolved relative to /opt/ml/code, where the toolkit runs it: "{value}" works only as a .py script with no setup.py in /opt/ml/code (a shell script or command becomes ./{value}). {advice}',
      notCopied: 'No COPY/ADD puts {value} into /opt/ml/code, though other files are copied there ({example}). The toolkit downloads the code the SDK uploads only into an empty /opt/ml/code, so {value} will not be found when the job starts.',
      copiedAsFile: '{source} is written as the file /opt/ml/code itself: the destination has no trailing slash and nothing before this made /opt/ml/code a directory. The toolkit then has no code directory to run {value} from. Add the slash: {dest}/.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    const program = model.finalStage?.env.get('SAGEMAKER_PROGRAM');
    if (!program) return;
    const value = program.value.trim();
    if (!value || value.includes('$')) return;
    // Without the toolkit, program-without-training-toolkit speaks; with only the inference
    // toolkit, the variable names a handler module in /opt/ml/model/code.
    if (trainingToolkit(model, buildContext).presence === 'no') return;
    if (trainingToolkit(model, buildContext).presence !== 'yes' && inferenceToolkit(model, buildContext).presence === 'yes') return;
    const range = program.property.getValueRange() ?? program.property.getRange();

    if (value.startsWith('/')) {
      const inCodeDir = value.startsWith(`${CODE_DIR}/`) ? value.slice(CODE_DIR.length + 1) : undefined;
      const relative = inCodeDir && /^[\w./-]+$/.test(inCodeDir) ? inCodeDir : undefined;
      ctx.report({
        messageId: 'absolutePath',
        range,
        data: { value, advice: relative ? `Use ${relative}.` : 'Copy the script into /opt/ml/code and give its name.' },
        suggestions: relative ? [{ title: `Use SAGEMAKER_PROGRAM=${relative}`, edits: [{ range, newText: relative }] }] : undefined,
      });
      return;
    }
    const contents = filesUnder(model, CODE_DIR, buildContext);
    // An empty /opt/ml/code gets the SDK's uploaded source_dir; anything unseen may hold the file.
    if (!contents.populated || contents.incomplete || contents.files.length === 0) return;
    // `COPY train.py /opt/ml/code` lands inside the directory only if it already exists; on an
    // official base nothing but the file itself can have made it.
    const asFile = contents.files.find((f) => f.path === CODE_DIR);
    if (asFile) {
      const { step } = asFile.copy;
      if (baseInfo(model).plain && !codeDirMadeBefore(model, step.instruction)) {
        const dest = step.destinationWord;
        ctx.report({
          messageId: 'copiedAsFile',
          range: dest.range,
          data: { source: asFile.source.value, value, dest: dest.value },
          // A trailing slash cannot change a copy into an existing directory and is the only
          // sensible meaning when there is none, so it is a safe fix.
          fix: dest.quoted || dest.expands ? undefined
            : { title: `Copy into the directory: ${dest.value}/`, edits: [{ range: { start: dest.range.end, end: dest.range.end }, newText: '/' }] },
        });
      }
      return;
    }
    const target = joinPath(CODE_DIR, value);
    if (contents.files.some((f) => f.path === target)) return;
    ctx.report({
      messageId: 'notCopied',
      range,
      data: { value, example: contents.files[0].path.slice(CODE_DIR.length + 1) },
    });
  },
});

/**
 * Whether an instruction of the image before `copy` may have made /opt/ml/code a directory: one
 * that names the path (mkdir, WORKDIR, a COPY into it), or a relative WORKDIR that could reach it.
 */
function codeDirMadeBefore(model: Model, copy: Instruction): boolean {
  const line = copy.getRange().start.line;
  return model.imageInstructions().some((instruction) => instruction.getRange().start.line < line
    && (model.textOf(instruction.getRange()).includes(CODE_DIR)
      || (model.keyword(instruction) === 'WORKDIR' && !model.textOf(instruction.getRange()).replace(/^\s*\S+\s+/, '').startsWith('/'))));
}
