import { instanceFamily, isGravitonInstance } from '../../catalog';
import {
  describeArchitecture, imageArchitecture, imageBase, pinsPlatform, platformSuggestion, type ArchitectureEvidence,
} from '../queries/baseImage';
import { modesAssumed } from '../queries/launchers';
import type { Model } from '../model';
import type { RuleContext, Suggestion } from '../types';
import { defineRule } from '../types';

/** NVIDIA Grace (arm64) training hosts: whether they take arm64 images is unverified (contract §5.7). */
const GRACE_FAMILIES = /^p6e-gb/;

export const wrongArchitecture = defineRule({
  meta: {
    id: 'wrong-architecture',
    severity: 'error',
    basis: 'doc',
    modes: ['train', 'serve', 'processing'],
    summary: 'Training, processing and batch transform run only on x86_64 (amd64) instances; an arm64 image fails there with "exec format error".',
    source: ['API', 'ISS-aws-samples/sagemaker-studio-custom-image-samples#28', 'ISS-aws/deep-learning-containers#1157', 'ISS-DIAGNijmegen/rse-grand-challenge#3132'],
    messages: {
      armImage: '{evidence} makes this an arm64 image, but {jobs} run only on x86_64 (amd64) instances: the container fails to start with "exec format error". Build for linux/amd64.',
      armImageOnX86: '{evidence} makes this an arm64 image, but {instance} is an x86_64 instance: the container fails to start with "exec format error". Build for linux/amd64, or deploy to a Graviton instance (ml.c7g, ml.m6g, …).',
      armImageUnknownJob: '{evidence} makes this an arm64 image: training, processing and batch transform run only on x86_64 instances, and only Graviton endpoints (ml.c7g, ml.m6g, …) take arm64. Set the mode and deployment.instanceType so that smlint can tell which applies.',
      armImageServe: '{evidence} makes this an arm64 image: it can serve only on Graviton endpoints (ml.c7g, ml.m6g, …), not on x86_64 instances or in batch transform. Set deployment.instanceType or deployment.target so that smlint can check this exactly.',
      appleSilicon: 'No FROM pins a platform, so docker build on an Apple Silicon (arm64) machine produces an arm64 image, which {jobs} cannot run ("exec format error"). Build with docker buildx build --platform linux/amd64, or pin FROM --platform=linux/amd64.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const instance = ctx.deployment.instanceType;
    const family = instance === undefined ? undefined : instanceFamily(instance);
    const graviton = instance !== undefined && isGravitonInstance(instance);
    const evidence = imageArchitecture(model);

    if (evidence?.architecture === 'arm64') {
      if (family !== undefined && GRACE_FAMILIES.test(family)) return;
      const assumed = modesAssumed(model, ctx.modes);
      const jobs = assumed ? [] : [
        ...(ctx.modes.has('train') ? ['training jobs'] : []),
        ...(ctx.modes.has('processing') ? ['processing jobs'] : []),
        ...(ctx.modes.has('serve') && ctx.deployment.target === 'batch' ? ['batch transform jobs'] : []),
      ];
      // A tag that merely mentions arm64 is a guess about an image the catalog does not know.
      const cap = evidence.source === 'tag' ? 'warning' : undefined;
      const report = (messageId: 'armImage' | 'armImageOnX86' | 'armImageUnknownJob' | 'armImageServe', severity: 'error' | 'warning' | 'info') =>
        ctx.report({
          messageId, range: evidence.range, severity: severity === 'error' && cap ? cap : severity,
          data: { evidence: describeArchitecture(evidence), jobs: jobs.join(' and '), instance: instance ?? '' },
          suggestions: amd64Suggestions(model, evidence),
        });
      if (jobs.length > 0) report('armImage', 'error');
      else if (graviton) return;
      else if (family !== undefined) report('armImageOnX86', 'error');
      else if (assumed) report('armImageUnknownJob', 'warning');
      else if (ctx.modes.has('serve')) report('armImageServe', 'info');
      return;
    }

    if (evidence || graviton || pinsPlatform(model) || !(ctx.modes.has('train') || ctx.modes.has('processing'))) return;
    appleSiliconHint(ctx, model);
  },
});

/** Once per file, on the base image: only a multi-architecture base turns arm64 on an arm64 builder. */
function appleSiliconHint(ctx: RuleContext<'appleSilicon'>, model: Model): void {
  const base = imageBase(model);
  if (!base) return;
  const jobs = [...(ctx.modes.has('train') ? ['training jobs'] : []), ...(ctx.modes.has('processing') ? ['processing jobs'] : [])];
  const at = base.imageRange.start;
  ctx.report({
    messageId: 'appleSilicon', severity: 'info', range: base.imageRange, data: { jobs: jobs.join(' and ') },
    suggestions: [{ title: 'Pin the platform: FROM --platform=linux/amd64 …', edits: [{ range: { start: at, end: at }, newText: '--platform=linux/amd64 ' }] }],
  });
}

/** Edits that only change the platform words: the flag's value, or Docker Hub's arm64v8/ prefix. */
function amd64Suggestions(model: Model, evidence: ArchitectureEvidence): Suggestion[] | undefined {
  const platform = platformSuggestion(model, evidence, 'linux/amd64');
  if (platform) return [platform];
  if (evidence.source === 'namespace') {
    const written = model.textOf(evidence.range);
    const prefix = /^(?:docker\.io\/)?arm64v8\//.exec(written)?.[0];
    if (prefix) {
      const rest = written.slice(prefix.length);
      return [{ title: `Use the multi-architecture image ${rest}`, edits: [{ range: evidence.range, newText: rest }] }];
    }
  }
  return undefined;
}
