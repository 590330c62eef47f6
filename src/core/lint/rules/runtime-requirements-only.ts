import { joinPath, requirementsFiles, workdirOf } from '../commands';
import { contextPath } from '../queries/dockerignore';
import { insertLineAfter } from '../queries/lines';
import { pipCommand } from '../queries/python';
import { copiedFrom, trainingToolkit } from '../queries/toolkits';
import { defineRule } from '../types';
import { filesUnder } from '../queries/filesystem';

const CODE_DIR = '/opt/ml/code';
const REQUIREMENTS = `${CODE_DIR}/requirements.txt`;

export const runtimeRequirementsOnly = defineRule({
  meta: {
    id: 'runtime-requirements-only',
    severity: 'info',
    basis: 'code',
    modes: ['train'],
    summary: 'A requirements.txt in /opt/ml/code is pip-installed at every job start; install it at build time instead.',
    source: ['TT:src/sagemaker_training/modules.py', 'TT:src/sagemaker_training/entry_point.py', 'DG:mkt-algo-model-internet-free'],
    messages: {
      installedAtStart: 'The training toolkit pip-installs /opt/ml/code/requirements.txt when every job starts, and this image does not install it at build time: each job waits for pip, depends on the package index being reachable, and fails with network isolation. Install it in the image: RUN pip install --no-cache-dir -r /opt/ml/code/requirements.txt.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    if (trainingToolkit(model, buildContext).presence === 'no') return;
    // The toolkit installs requirements only for Python entry points (a .py script or a setup.py package).
    const program = model.finalStage?.env.get('SAGEMAKER_PROGRAM')?.value.trim();
    const contents = filesUnder(model, CODE_DIR, buildContext);
    const packaged = contents.files.some((f) => f.path === `${CODE_DIR}/setup.py`);
    if (program && !program.includes('$') && !program.endsWith('.py') && !packaged) return;
    const requirements = contents.files.find((f) => f.path === REQUIREMENTS);
    if (!requirements) return;
    const source = requirements.contextFile?.path ?? (requirements.copy.step.sources.length > 0 ? contextPath(requirements.source.value) : undefined);
    for (const file of requirementsFiles(model, model.imageRuns())) {
      if (file.word.expands) return;
      const workdir = workdirOf(model, file.instruction);
      if (!file.path.startsWith('/') && workdir === undefined) return;
      if (joinPath(workdir ?? '/', file.path) === REQUIREMENTS) return;
      // The same context file, installed from another place in the image.
      if (source !== undefined && copiedFrom(model, buildContext, file.instruction, file.path) === source) return;
    }
    const pip = pipCommand(model);
    ctx.report({
      messageId: 'installedAtStart',
      range: requirements.source.range,
      suggestions: pip
        ? [{
          title: 'Install it at build time',
          edits: [insertLineAfter(model, requirements.copy.step.instruction, `RUN ${pip} install --no-cache-dir -r ${REQUIREMENTS}`)],
        }]
        : undefined,
    });
  },
});
