import { suggestTags } from '../../catalog';
import { pulledImages } from '../queries/baseImage';
import { defineRule } from '../types';

/** Enough nearby tags to choose from without burying the editor's quick-fix menu. */
const SUGGESTED = 3;

export const unknownPrebuiltTag = defineRule({
  meta: {
    id: 'unknown-prebuilt-tag',
    severity: 'info',
    basis: 'heuristic',
    modes: ['train', 'serve', 'processing', 'studio'],
    summary: 'The tag of a pre-built SageMaker image is not in the SageMaker SDK\'s image catalog; it may be newer than the SDK, or mistyped.',
    source: ['SDK:sagemaker-core/src/sagemaker/core/image_uris.py', 'DLC:docs/src/data/pytorch/2.12-cuda-sagemaker.yml'],
    messages: {
      unknownTag: '{image} is not a tag the SageMaker SDK\'s image catalog lists. The Deep Learning Container releases run ahead of the SDK, so it may exist; if the pull fails, the nearest listed tags are {tags}.',
      unknownTagNoNeighbour: '{image} is not a tag the SageMaker SDK\'s image catalog lists. The Deep Learning Container releases run ahead of the SDK, so it may exist; check it against the DLC release notes if the pull fails.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    // A repository the SDK does not list yet has no tags to compare with.
    for (const image of pulledImages(model, (i) => !!i.ref.known?.inCatalog && i.ref.known.tagStatus === 'unknown')) {
      const known = image.ref.known;
      if (!known) continue;
      const tags = suggestTags(image.ref, SUGGESTED);
      const tagRange = image.tagRange;
      ctx.report({
        messageId: tags.length > 0 ? 'unknownTag' : 'unknownTagNoNeighbour',
        range: tagRange ?? image.imageRange,
        data: { image: `${known.repository}:${image.ref.tag ?? ''}`, tags: tags.join(', ') },
        suggestions: tagRange ? tags.map((tag) => ({ title: `Use the listed tag ${tag}`, edits: [{ range: tagRange, newText: tag }] })) : undefined,
      });
    }
  },
});
