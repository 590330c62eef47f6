/**
 * What the linter knows about the image's base: whether it is known to define no ENTRYPOINT, is a
 * SageMaker image that brings its own, or is out of sight.
 */
import { BaseImage, baseImageOf } from '../images';
import type { Model } from '../model';

export interface BaseFacts {
  /**
   * `none`: an official OS/language image or `scratch`, known to define no ENTRYPOINT;
   * `sagemaker`: an AWS SageMaker image, which brings its entrypoint and toolkit;
   * `unknown`: anything else, including a base built from an ARG the linter cannot resolve.
   */
  kind: 'none' | 'sagemaker' | 'unknown';
  image?: BaseImage;
  /** the base reference as resolved, for messages */
  name: string;
}

export function baseFacts(model: Model): BaseFacts {
  const stage = model.baseStage();
  const name = stage?.resolvedImage ?? '';
  if (!stage) return { kind: 'unknown', name };
  if (name.toLowerCase() === 'scratch') return { kind: 'none', name };
  const image = baseImageOf(model);
  // An unresolved registry or tag does not change what the repository is; an unresolved
  // repository (`FROM $BASE`) hides everything.
  if (!image || image.unresolved || image.repository.includes('$')) return { kind: 'unknown', image, name };
  if (image.sagemaker) return { kind: 'sagemaker', image, name };
  return { kind: image.plain ? 'none' : 'unknown', image, name };
}
