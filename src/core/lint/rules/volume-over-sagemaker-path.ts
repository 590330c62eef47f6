import { joinPath } from '../commands';
import { removeInstructionEdit } from '../queries/instructions';
import { expandAt } from '../queries/variables';
import { defineRule, type Suggestion } from '../types';

const ML_ROOT = '/opt/ml';
const STUDIO_HOME = '/home/sagemaker-user';

export const volumeOverSagemakerPath = defineRule({
  meta: {
    id: 'volume-over-sagemaker-path',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['train', 'serve', 'processing', 'studio'],
    summary: 'Do not declare a VOLUME on /opt/ml (or, for Studio, /home/sagemaker-user): SageMaker mounts these paths itself.',
    source: ['WEB-docker-misc', 'DG:your-algorithms-training-algo-dockerfile', 'WEB-studio'],
    messages: {
      mlPath: 'VOLUME {path} is under /opt/ml, which SageMaker reserves and mounts itself (model artifacts, input data, output, config). An anonymous volume there competes with those mounts, and Docker warns that build steps changing a declared volume may be discarded. Remove it.',
      studioHome: 'VOLUME {path} is under /home/sagemaker-user, where Studio mounts the user\'s own storage; whatever the image puts there is hidden. Remove it.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const studio = ctx.modes.has('studio');
    for (const instruction of model.imageInstructionsOf('VOLUME')) {
      const words = model.jsonArray(instruction) ?? model.words(instruction);
      for (const word of words) {
        const expanded = expandAt(model, instruction, word.value);
        if (expanded.unresolved.length > 0 || !expanded.value.startsWith('/')) continue;
        const path = joinPath('/', expanded.value);
        const messageId = under(path, ML_ROOT) ? 'mlPath' : studio && under(path, STUDIO_HOME) ? 'studioHome' : undefined;
        if (!messageId) continue;
        // Removing is mechanical only when this path is the whole instruction.
        const suggestions: Suggestion[] | undefined = words.length === 1
          ? [{ title: `Remove VOLUME ${word.value}`, edits: [removeInstructionEdit(model, instruction)] }]
          : undefined;
        ctx.report({ messageId, range: word.range, data: { path: word.value }, suggestions });
      }
    }
  },
});

function under(path: string, root: string): boolean {
  return path === root || path.startsWith(root + '/');
}
