/**
 * What the linter can know about a stage's external base image without pulling it.
 */
import type { Model, Stage } from './model';

export interface BaseImage {
  /** the reference after ARG substitution */
  ref: string;
  /** the repository path without registry and tag, e.g. `library/python` → `python` */
  repository: string;
  /** true when ARGs in the reference could not be resolved: then nothing below can be trusted */
  unresolved: boolean;
  /** set for images AWS builds for SageMaker; they bring their toolkit, entrypoint and labels */
  sagemaker?: SageMakerImage;
  /** official OS and language images, which define no ENTRYPOINT */
  plain: boolean;
}

export interface SageMakerImage {
  repository: string;
  /** which SageMaker jobs the image serves */
  scopes: readonly ('training' | 'inference' | 'studio')[];
}

/** Official images known to define no ENTRYPOINT (their Dockerfiles end with at most a CMD). */
const PLAIN_IMAGES = new Set([
  'python', 'ubuntu', 'debian', 'alpine', 'amazonlinux', 'centos', 'rockylinux', 'almalinux', 'fedora',
  'nvidia/cuda', 'buildpack-deps', 'amazoncorretto', 'eclipse-temurin', 'openjdk', 'r-base', 'rocker/r-ver', 'golang', 'node',
]);

/** Repositories of SageMaker images by name, beyond what a tag can say [shared JSON; DLC data]. */
function sagemakerScopes(repository: string): SageMakerImage['scopes'] | undefined {
  const name = repository.split('/').pop() ?? repository;
  if (/^sagemaker-distribution(-prod)?$/.test(name) || /^sagemaker-base-python/.test(name)) return ['studio'];
  if (/^sagemaker-(scikit-learn|xgboost)$/.test(name) || name === 'sagemaker-chainer') return ['training', 'inference'];
  if (/^(pytorch|tensorflow|mxnet)$/.test(name) && repository.includes('deep-learning-containers')) return ['training', 'inference'];
  if (/^(pytorch|tensorflow|mxnet|huggingface-[a-z]+)-training(-arm64)?$/.test(name)) return ['training'];
  if (/^(pytorch|tensorflow|mxnet|huggingface-[a-z-]+)-inference(-graviton|-arm64)?$/.test(name)) return ['inference'];
  if (/^(djl-inference|tei|tei-cpu|huggingface-vllm|huggingface-sglang|sagemaker-tritonserver)$/.test(name)) return ['inference'];
  if (/^sagemaker-(pytorch|tensorflow|mxnet)(-serving|-scriptmode)?$/.test(name)) {
    return name.endsWith('-serving') ? ['inference'] : ['training', 'inference'];
  }
  return undefined;
}

export function describeImage(ref: string, unresolved: boolean): BaseImage {
  const withoutDigest = ref.split('@')[0];
  const lastColon = withoutDigest.lastIndexOf(':');
  const nameOnly = lastColon > withoutDigest.lastIndexOf('/') ? withoutDigest.slice(0, lastColon) : withoutDigest;
  const parts = nameOnly.split('/');
  // A first component with a dot or colon (or `localhost`) is a registry host, as Docker decides.
  const hasRegistry = parts.length > 1 && (/[.:]/.test(parts[0]) || parts[0] === 'localhost');
  const repository = (hasRegistry ? parts.slice(1) : parts).join('/').replace(/^library\//, '').replace(/^docker\/library\//, '');
  const scopes = sagemakerScopes(repository);
  const plainName = repository.replace(/^(lts|amazonlinux)\//, (m) => (m === 'amazonlinux/' ? '' : ''));
  return {
    ref, repository, unresolved,
    sagemaker: scopes ? { repository, scopes } : undefined,
    plain: !scopes && PLAIN_IMAGES.has(plainName),
  };
}

/** The external base image of `stage` (the root of its lineage), or undefined for `FROM scratch`. */
export function baseImageOf(model: Model, stage: Stage | undefined = model.finalStage): BaseImage | undefined {
  const base = model.baseStage(stage);
  if (!base || base.resolvedImage.toLowerCase() === 'scratch') return undefined;
  return describeImage(base.resolvedImage, base.unresolved.length > 0);
}
