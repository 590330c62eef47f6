import { parseImageRef } from '../../catalog';
import { pulledImages, type PulledImage } from '../queries/baseImage';
import { inferenceToolkit } from '../queries/toolkits';
import type { Suggestion } from '../types';
import { defineRule } from '../types';

const EC2_SUFFIX = /-ec2(?:-v\d+(?:\.\d+)*)?$/;

export const dlcEc2Variant = defineRule({
  meta: {
    id: 'dlc-ec2-variant',
    severity: 'warning',
    basis: 'doc',
    modes: ['train', 'serve'],
    summary: 'A Deep Learning Container tag ending in -ec2 is the EC2/ECS/EKS build: it lacks the SageMaker toolkit, labels and entrypoint.',
    source: ['DLC:docs/src/data/pytorch-inference/2.6-gpu-ec2.yml', 'DLCold:pytorch/inference/docker/2.6/py3/Dockerfile.cpu'],
    messages: {
      ec2Variant: '{image} is the EC2 build of this {name} image (tag ending in -ec2): it has no SageMaker toolkit, no SageMaker capability labels and a different entrypoint. Use the -sagemaker tag of the same release.',
      ec2VariantServe: '{image} is the EC2 build of this {name} image (tag ending in -ec2), and this image sets no ENTRYPOINT and installs no inference toolkit of its own: SageMaker runs it with "serve", which the EC2 build does not handle. Use the -sagemaker tag of the same release.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const image of pulledImages(model, (i) => !!i.ref.known?.ec2)) {
      const { stage, ref: { known } } = image;
      if (!known) continue;
      // A serving image that relies on its base to answer `serve` certainly fails; otherwise the
      // EC2 build only lacks things the file may add itself (toolkit, labels, entrypoint).
      const servesFromBase = stage === model.baseStage() && ctx.modes.has('serve') && known.scope !== 'training'
        && model.entrypoint() === undefined && inferenceToolkit(model, ctx.buildContext).presence !== 'yes';
      ctx.report({
        messageId: servesFromBase ? 'ec2VariantServe' : 'ec2Variant',
        severity: servesFromBase ? 'error' : 'warning',
        range: image.tagRange ?? image.imageRange,
        data: { image: `${known.repository}:${image.ref.tag ?? ''}`, name: known.displayName },
        suggestions: sagemakerTags(image),
      });
    }
  },
});

/**
 * The SageMaker build of the same release, when the SDK lists the repository (so SageMaker builds
 * are published for it), and the SDK's short tag when the catalog knows it.
 */
function sagemakerTags(image: PulledImage): Suggestion[] | undefined {
  const { ref, tagRange } = image;
  const known = ref.known;
  if (!tagRange || !ref.tag || !known?.inCatalog) return undefined;
  const tags = [ref.tag.replace(EC2_SUFFIX, '-sagemaker')];
  if (known.version && known.processor && known.pyVersion) {
    const short = `${known.version}-${known.processor}-${known.pyVersion}`;
    const at = ref.ref.lastIndexOf(ref.tag);
    if (parseImageRef(`${ref.ref.slice(0, at)}${short}`).known?.tagStatus === 'known') tags.push(short);
  }
  return tags.map((tag) => ({ title: `Use the SageMaker tag ${tag}`, edits: [{ range: tagRange, newText: tag }] }));
}
