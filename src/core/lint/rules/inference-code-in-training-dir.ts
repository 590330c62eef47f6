import { inferenceToolkit, trainingToolkit } from '../queries/toolkits';
import { defineRule } from '../types';
import { filesUnder } from '../queries/filesystem';

const CODE_DIR = '/opt/ml/code';

export const inferenceCodeInTrainingDir = defineRule({
  meta: {
    id: 'inference-code-in-training-dir',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['serve'],
    summary: 'The inference toolkit imports inference.py from /opt/ml/model/code (the code/ folder of model.tar.gz), not from /opt/ml/code.',
    source: ['IT:src/sagemaker_inference/environment.py', 'IT:src/sagemaker_inference/model_server.py'],
    messages: {
      notImported: 'The inference toolkit imports {module} from /opt/ml/model/code, which comes from the code/ folder of model.tar.gz, not from /opt/ml/code (the training location): this copy is never loaded, and the default handlers run instead. Ship it in model.tar.gz under code/, or add /opt/ml/code to PYTHONPATH.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    const env = model.finalStage?.env;
    if (!env || inferenceToolkit(model, buildContext).presence !== 'yes') return;
    // Anything in the image that refers to /opt/ml/code (PYTHONPATH, a handler path, the
    // entrypoint) may load the module from there.
    const mentions = (text: string) => text.includes(CODE_DIR);
    if ([...env.values()].some((e) => e.name !== 'SAGEMAKER_PROGRAM' && mentions(e.value))) return;
    if ([model.entrypoint(), model.cmd()].some((spec) => spec?.words.some((w) => mentions(w.value)))) return;
    // The module the toolkit imports: SAGEMAKER_PROGRAM (when no training toolkit claims it) or inference.py.
    const program = env.get('SAGEMAKER_PROGRAM')?.value.trim();
    const names = new Set(['inference.py']);
    if (program && /^[\w.-]+\.py$/.test(program) && trainingToolkit(model, buildContext).presence === 'no') names.add(program);
    for (const file of filesUnder(model, CODE_DIR, buildContext).files) {
      const name = file.path.slice(CODE_DIR.length + 1);
      if (!names.has(name)) continue;
      ctx.report({ messageId: 'notImported', range: file.source.range, data: { module: name } });
      return;
    }
  },
});
