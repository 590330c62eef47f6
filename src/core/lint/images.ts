/**
 * What the linter can know about an image reference without pulling it: the catalog says whether
 * it is a SageMaker image (which brings its toolkit, entrypoint and labels), and a short list says
 * which official images define no ENTRYPOINT. queries/baseImage.ts asks this of a model's FROMs.
 */
import { parseImageRef } from '../catalog';
import type { ImageRef, Scope } from '../catalog';
import { cachedByString } from '../cache';

export interface BaseImage {
  /** the reference after ARG substitution */
  ref: string;
  parsed: ImageRef;
  /** the repository path without registry and tag, e.g. `library/python` → `python` */
  repository: string;
  /** true when an unresolved ARG hides which image this is: then nothing below can be trusted */
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

/** Registry mirrors of Docker Hub's official images: `public.ecr.aws/docker/library/python` is `python`. */
const OFFICIAL_PREFIXES = /^(library\/|docker\/library\/|lts\/|amazonlinux\/(?=amazonlinux$))/;

function scopesOf(ref: ImageRef): SageMakerImage['scopes'] | undefined {
  const known = ref.known;
  // An EC2 build of a DLC lacks the SageMaker stage: no toolkit, labels or SageMaker entrypoint.
  if (!known || known.ec2) return undefined;
  if (known.kind === 'studio') return ['studio'];
  if (known.kind === 'llm-serving' || known.kind === 'model-server') return ['inference'];
  const scope: Scope | undefined = known.scope;
  if (scope === 'training') return ['training'];
  if (scope) return ['inference'];
  // Unscoped families (sklearn, xgboost, chainer, legacy framework images) serve both jobs.
  return ['training', 'inference'];
}

/** The DLC registry, used to look up mirrored repositories by name. */
const DLC_REGISTRY = '763104351884.dkr.ecr.us-east-1.amazonaws.com';

/**
 * What the catalog says about an image reference. Results are shared, as parseImageRef's are: the
 * editor lints the same references on every keystroke.
 */
export function describeImage(ref: string): BaseImage {
  return describeCached(ref);
}

const describeCached = cachedByString(describeUncached);

function describeUncached(ref: string): BaseImage {
  let parsed = parseImageRef(ref);
  // A namespaced Docker Hub name (`pytorch/pytorch`, `tensorflow/tensorflow`) is its publisher's own image.
  const hubNamespace = parsed.registryKind === 'docker-hub' && !!parsed.repository?.replace(/^library\//, '').includes('/');
  if (!parsed.known && (parsed.registryKind === 'other' || parsed.registryKind === 'docker-hub') && parsed.repository && !hubNamespace) {
    // Teams mirror DLCs into their own registries under the same repository name and tag.
    const name = parsed.repository.split('/').pop() as string;
    const mirrored = parseImageRef(`${DLC_REGISTRY}/${name}${parsed.tag ? `:${parsed.tag}` : ''}`);
    if (mirrored.known) parsed = { ...parsed, known: mirrored.known };
  }
  const repository = (parsed.repository ?? '').replace(OFFICIAL_PREFIXES, '');
  const scopes = scopesOf(parsed);
  const unresolved = parsed.unresolved.includes('repository') || (!parsed.repository && ref.includes('$'));
  return {
    ref, parsed, repository, unresolved,
    sagemaker: scopes ? { repository: parsed.known?.repository ?? repository, scopes } : undefined,
    plain: !scopes && !unresolved && (parsed.registryKind === 'docker-hub' || parsed.registryKind === 'ecr-public') && PLAIN_IMAGES.has(repository),
  };
}
