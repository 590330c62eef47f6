import type { Env, Label } from 'dockerfile-ast';
import { copySteps } from '../commands';
import { type Model, type Stage, unquote } from '../model';
import { stageByReference } from '../queries/stages';
import { defineRule } from '../types';

const SAGEMAKER_LABEL = 'com.amazonaws.sagemaker.';
const CODE_DIR = '/opt/ml/code';

export const sagemakerSettingsNotFinalStage = defineRule({
  meta: {
    id: 'sagemaker-settings-not-final-stage',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['train', 'serve', 'processing'],
    summary: 'SageMaker settings (capability labels, SAGEMAKER_* variables, ENTRYPOINT, code in /opt/ml/code) set only in a stage the image is not built from are lost.',
    source: ['DLCold:pytorch/inference/docker/2.6/py3/Dockerfile.cpu'],
    messages: {
      notInImage: 'Stage {stage} sets {settings}, but the image is {image}, which neither has them nor is built FROM this stage, so they are lost. Move them into the final stage; if you build with docker build --target, lint that stage with --stage (option "stage").',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const image = model.finalStage;
    if (!image || model.stages.length < 2) return;
    const lineage = model.lineage(image);
    const labels = model.labels(image);
    const hasEntrypoint = model.entrypoint(image) !== undefined;
    const imageCopies = copySteps(model, image);
    const hasCode = imageCopies.some((step) => underCodeDir(step.destination));
    // `COPY --from=<stage>` can carry a stage's /opt/ml/code into the image; ENV, LABEL and
    // ENTRYPOINT never travel that way.
    const copiedFrom = imageCopies.flatMap((step) => {
      const source = step.from === undefined ? undefined : stageByReference(model, step.from);
      return source ? model.lineage(source) : [];
    });

    for (const stage of model.stages) {
      if (lineage.includes(stage)) continue;
      const missing = new Set<string>();
      for (const instruction of stage.instructions) {
        const keyword = model.keyword(instruction);
        if (keyword === 'LABEL') {
          for (const property of model.properties(instruction as Label)) {
            const key = unquote(property.getName());
            if (key.startsWith(SAGEMAKER_LABEL) && !labels.has(key)) missing.add(`LABEL ${key}`);
          }
        } else if (keyword === 'ENV') {
          for (const property of model.properties(instruction as Env)) {
            const name = property.getName();
            if (name.startsWith('SAGEMAKER_') && !image.env.has(name)) missing.add(`ENV ${name}`);
          }
        } else if (keyword === 'ENTRYPOINT' && !hasEntrypoint) {
          missing.add('ENTRYPOINT');
        }
      }
      if (!hasCode && !copiedFrom.includes(stage)
        && copySteps(model, stage).some((step) => step.stage === stage && underCodeDir(step.destination))) missing.add(`code copied into ${CODE_DIR}`);
      if (missing.size === 0) continue;
      ctx.report({
        messageId: 'notInImage',
        range: stage.from.getRange(),
        data: { stage: describeStage(stage), settings: [...missing].join(', '), image: describeImage(model, image) },
      });
    }
  },
});

function underCodeDir(path: string): boolean {
  return path === CODE_DIR || path.startsWith(`${CODE_DIR}/`);
}

function describeStage(stage: Stage): string {
  return stage.name ? `"${stage.name}"` : `${stage.index + 1} (line ${stage.from.getRange().start.line + 1})`;
}

function describeImage(model: Model, image: Stage): string {
  const last = model.stages[model.stages.length - 1];
  return image === last ? `the last stage ${describeStage(image)}` : `stage ${describeStage(image)}, chosen as the build target`;
}
