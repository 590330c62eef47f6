import { joinPath } from '../commands';
import { filesUnder } from '../queries/files';
import { inferenceToolkit, trainingToolkit } from '../queries/toolkits';
import { defineRule } from '../types';

const CODE_DIR = '/opt/ml/code';

export const programNotInCodeDir = defineRule({
  meta: {
    id: 'program-not-in-code-dir',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['train'],
    summary: 'SAGEMAKER_PROGRAM names a file relative to /opt/ml/code, and that file must be there when the job starts.',
    source: ['TT:src/sagemaker_training/process.py', 'TT:src/sagemaker_training/files.py', 'TT:README.md'],
    messages: {
      absolutePath: 'SAGEMAKER_PROGRAM is resolved relative to /opt/ml/code, where the toolkit runs it: "{value}" works only as a .py script with no setup.py in /opt/ml/code (a shell script or command becomes ./{value}). {advice}',
      notCopied: 'No COPY/ADD puts {value} into /opt/ml/code, though other files are copied there ({example}). The toolkit downloads the code the SDK uploads only into an empty /opt/ml/code, so {value} will not be found when the job starts.',
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
    // `COPY train.py /opt/ml/code` lands inside the directory only if it already exists.
    if (contents.files.some((f) => f.path === CODE_DIR)) return;
    const target = joinPath(CODE_DIR, value);
    if (contents.files.some((f) => f.path === target)) return;
    ctx.report({
      messageId: 'notCopied',
      range,
      data: { value, example: contents.files[0].path.slice(CODE_DIR.length + 1) },
    });
  },
});
