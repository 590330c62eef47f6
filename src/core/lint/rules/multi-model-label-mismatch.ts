import { isGpuInstance } from '../../catalog';
import { imagePackages } from '../commands';
import { MULTI_MODEL_LABEL } from '../knowledge';
import type { Model } from '../model';
import { copiedFiles, landedFiles } from '../queries/filesystem';
import { insertLineAfter } from '../queries/lines';
import { findPython, mmsInstall, pythonInstalls, TORCHSERVE_PACKAGES } from '../queries/toolkits';
import { baseInfo } from '../queries/baseImage';
import { type BuildContext, defineRule } from '../types';

/** Source files in which a hand-written server would route `/models`, read from the build context. */
const CODE_FILE = /\.(py|js|mjs|ts|go|java|kt|scala|rb|rs|cpp|cc|conf)$/;
const MODELS_ROUTE = /["'`]\/models\b/;
/** Reading stops here: enough for a serving app, bounded for a context full of data. */
const MAX_FILES = 200;

export const multiModelLabelMismatch = defineRule({
  meta: {
    id: 'multi-model-label-mismatch',
    severity: 'error',
    basis: 'doc',
    modes: ['serve'],
    summary: 'A multi-model endpoint needs LABEL com.amazonaws.sagemaker.capabilities.multi-models=true and a model server that implements the multi-model API.',
    source: ['DG:build-multi-model-build-container', 'DG:mms-container-apis'],
    messages: {
      missingLabel: 'SageMaker creates a multi-model endpoint only from an image with LABEL com.amazonaws.sagemaker.capabilities.multi-models=true. Add the label, with a model server that implements the multi-model API (/models).',
      missingLabelUnlessBase: 'SageMaker creates a multi-model endpoint only from an image with LABEL com.amazonaws.sagemaker.capabilities.multi-models=true. This file does not set it; the base image {base} may (the linter cannot see its labels).',
      targetUnknown: 'This image refers to {evidence}, as multi-model serving does, but has no LABEL com.amazonaws.sagemaker.capabilities.multi-models=true, without which SageMaker does not create a multi-model endpoint. Set the deployment target (--target multi-model, or target: in .smlint.yaml) to make this check exact.',
      noModelServer: 'The multi-models label promises the multi-model API (POST/GET /models, /models/<name>/invoke), but the image installs no server that implements it (Multi Model Server, TorchServe, Triton) and no code in the build context routes /models. Install one (pip install multi-model-server sagemaker-inference), or remove the label.',
      mmsOnGpu: 'Multi Model Server supports CPU multi-model endpoints only; for GPU instances such as {instanceType} the developer guide points to the Triton server image. Use Triton, or a CPU instance type.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stage = model.finalStage;
    if (!stage) return;
    const target = ctx.deployment.target;
    const label = model.labels().get(MULTI_MODEL_LABEL);
    const base = baseInfo(model);
    const fromRange = stage.imageRange ?? stage.from.getRange();

    if (!label) {
      const suggestions = [{ title: `Add LABEL ${MULTI_MODEL_LABEL}=true`, edits: [insertLineAfter(model, stage.from, `LABEL ${MULTI_MODEL_LABEL}=true`)] }];
      if (target === 'multi-model') {
        if (base.kind === 'known' || base.kind === 'scratch') ctx.report({ messageId: 'missingLabel', range: fromRange, suggestions });
        else ctx.report({ messageId: 'missingLabelUnlessBase', range: fromRange, data: { base: base.image?.ref ?? model.textOf(fromRange) }, severity: 'warning', suggestions });
      } else if (target === undefined) {
        const evidence = multiModelEvidence(model);
        if (evidence) ctx.report({ messageId: 'targetUnknown', range: fromRange, data: { evidence }, severity: 'info', suggestions });
      }
    }
    // What the image installs matters only to an image that is, or says it is, multi-model.
    if (!label && target !== 'multi-model') return;
    const installs = pythonInstalls(model, ctx.buildContext);
    const mms = mmsInstall(installs);
    if (label && (base.kind === 'known' || base.kind === 'scratch')) {
      // Only a base known to bring no server, with every install readable, can show "none".
      const server = mms ?? findPython(installs, [...TORCHSERVE_PACKAGES, 'tritonserver'])
        ?? imagePackages(model).find((p) => /^(tritonserver|triton-inference-server)/.test(p.name));
      if (!server && installs.opaque.length === 0 && routesModels(model, ctx.buildContext) === false) {
        ctx.report({ messageId: 'noModelServer', range: label.property.getRange(), severity: 'warning' });
      }
    }

    const instanceType = ctx.deployment.instanceType;
    if (mms && instanceType && isGpuInstance(instanceType) && !findPython(installs, [...TORCHSERVE_PACKAGES, 'tritonserver'])) {
      ctx.report({ messageId: 'mmsOnGpu', range: mms.word.range, data: { instanceType }, severity: 'warning' });
    }
  },
});

/** What in the file points at multi-model serving: its model directory or its switch. */
function multiModelEvidence(model: Model): string | undefined {
  if (/\/opt\/ml\/models\b/.test(model.text)) return '/opt/ml/models';
  if (model.finalStage?.env.has('SAGEMAKER_MULTI_MODEL')) return 'SAGEMAKER_MULTI_MODEL';
  return undefined;
}

/**
 * Whether code copied from the build context routes `/models`: true or false when every copied
 * file could be read, undefined when the code is out of sight (no context, a copy from another
 * stage or image, a variable, an unreadable file).
 */
function routesModels(model: Model, context: BuildContext | undefined): boolean | undefined {
  const copies = copiedFiles(model, context);
  if (copies.length === 0) return false;
  if (!context || copies.some((c) => c.opaque.length > 0 || c.step.from !== undefined)) return undefined;
  const files = landedFiles(model, context).filter((f) => f.contextFile && CODE_FILE.test(f.contextFile.path));
  if (files.length > MAX_FILES) return undefined;
  for (const file of files) {
    const text = context.readText(file.contextFile?.path ?? '');
    if (text === undefined) return undefined;
    if (MODELS_ROUTE.test(text)) return true;
  }
  return false;
}
