import { isGravitonInstance } from '../../catalog';
import { describeArchitecture, imageArchitecture, imageBase, platformSuggestion } from '../queries/baseImage';
import { defineRule } from '../types';

export const gravitonNeedsArm64 = defineRule({
  meta: {
    id: 'graviton-needs-arm64',
    severity: 'error',
    basis: 'doc',
    modes: ['serve'],
    summary: 'An endpoint on a Graviton instance (ml.c7g, ml.m6g, …) needs an arm64 or multi-architecture image.',
    source: ['DG:realtime-endpoints-graviton', 'API'],
    messages: {
      amd64Image: '{evidence} makes this an amd64 (x86_64) image, but {instance} is a Graviton (arm64) instance: the container fails to start with "exec format error". Use an arm64 or multi-architecture base and build for linux/arm64.',
      buildForArm64: '{instance} is a Graviton (arm64) instance: build and push this image for linux/arm64 (docker buildx build --platform linux/arm64, or a multi-architecture manifest list). An image built on an x86_64 machine fails there with "exec format error".',
    },
  },
  check(ctx) {
    const instance = ctx.deployment.instanceType;
    // Without an instance type the endpoint may be x86_64, where an amd64 image is right.
    if (instance === undefined || !isGravitonInstance(instance)) return;
    const evidence = imageArchitecture(ctx.model);
    if (evidence?.architecture === 'arm64') return;
    if (evidence) {
      const suggestion = platformSuggestion(ctx.model, evidence, 'linux/arm64');
      ctx.report({
        messageId: 'amd64Image',
        range: evidence.range,
        // A tag that merely mentions amd64 is a guess about an image the catalog does not know.
        severity: evidence.source === 'tag' ? 'warning' : undefined,
        data: { evidence: describeArchitecture(evidence), instance },
        suggestions: suggestion ? [suggestion] : undefined,
      });
      return;
    }
    const base = imageBase(ctx.model);
    if (!base) return;
    ctx.report({ messageId: 'buildForArm64', severity: 'info', range: base.imageRange, data: { instance } });
  },
});
