/**
 * The images a Dockerfile pulls, as the model shows them: what the catalog says about the base of
 * the image (a SageMaker image that brings its toolkit, entrypoint and labels; an official image
 * with no ENTRYPOINT; something out of sight), where each reference is written (for findings and
 * edits), and what can be told about the image's CPU architecture.
 */
import { parseImageRef, type ImageRef } from '../../catalog';
import { BaseImage, describeImage, SageMakerImage } from '../images';
import { type Model, type Stage, memoKey } from '../model';
import type { Range, Suggestion } from '../types';
import { builtStages } from './stages';

const BASE_MEMO = memoKey();
const BASE_INFO_MEMO = memoKey();
const PULLED_IMAGE_MEMO = memoKey();
const ARCHITECTURE_MEMO = memoKey();

/** The external base image of `stage` (the root of its lineage), or undefined for `FROM scratch`. */
export function baseImageOf(model: Model, stage: Stage | undefined = model.finalStage): BaseImage | undefined {
  const base = model.baseStage(stage);
  if (!base || base.resolvedImage.toLowerCase() === 'scratch') return undefined;
  return model.memo(BASE_MEMO, () => describeImage(base.resolvedImage), undefined, base);
}

/**
 * How much the linter knows about the base image's contents:
 * - `sagemaker`: an AWS SageMaker image, which brings its toolkit, Java, entrypoint and labels;
 * - `known`: an official or well-known public image that ships no SageMaker toolkit;
 * - `unknown`: any other image, which may contain anything;
 * - `unresolved`: ARGs in FROM that cannot be resolved;
 * - `scratch`: nothing at all.
 */
export type BaseKind = 'sagemaker' | 'known' | 'unknown' | 'unresolved' | 'scratch';

export interface BaseInfo {
  kind: BaseKind;
  image?: BaseImage;
  /** true for official OS and language images and scratch, which are known to define no ENTRYPOINT */
  plain: boolean;
  /** the FROM image range of the stage at the root of the image's lineage */
  range?: Range;
  /** the base reference as resolved, for messages ('' when there is no FROM) */
  name: string;
}

/** Public framework and conda images that ship no SageMaker toolkit, model server or entrypoint contract. */
const PUBLIC_WITHOUT_TOOLKITS = new Set([
  'pytorch/pytorch', 'tensorflow/tensorflow', 'continuumio/miniconda3', 'continuumio/anaconda3', 'condaforge/miniforge3',
  'condaforge/mambaforge', 'mambaorg/micromamba', 'nvidia/pytorch', 'nvidia/tensorflow', 'pypy',
]);

/** What the base of the image is known to contain; computed once per lint run. */
export function baseInfo(model: Model): BaseInfo {
  return model.memo(BASE_INFO_MEMO, () => {
    const stage = model.baseStage();
    const name = stage?.resolvedImage ?? '';
    const range = stage?.imageRange;
    if (!stage) return { kind: 'unresolved', plain: false, range, name };
    if (name.toLowerCase() === 'scratch') return { kind: 'scratch', plain: true, range, name };
    const image = baseImageOf(model);
    // An unresolved registry or tag does not change what the repository is; an unresolved
    // repository (`FROM $BASE`) hides everything.
    if (!image || image.unresolved) return { kind: 'unresolved', image, plain: false, range, name };
    if (image.repository.includes('$')) return { kind: 'unknown', image, plain: false, range, name };
    if (image.sagemaker) return { kind: 'sagemaker', image, plain: false, range, name };
    if (image.plain) return { kind: 'known', image, plain: true, range, name };
    return { kind: PUBLIC_WITHOUT_TOOLKITS.has(image.repository) ? 'known' : 'unknown', image, plain: false, range, name };
  });
}

/** How messages name the base image: its reference, or the ARGs that hide it. */
export function baseLabel(model: Model, info: BaseInfo = baseInfo(model)): string {
  if (info.kind === 'unresolved') return `named by ARG ${(model.baseStage()?.unresolved ?? []).join(', ARG ')}`;
  return info.image?.ref ?? model.baseStage()?.image ?? '';
}

/** True when the base is a SageMaker image for the given scope. */
export function sagemakerBase(model: Model, scope: SageMakerImage['scopes'][number]): boolean {
  const info = baseInfo(model);
  return info.kind === 'sagemaker' && !!info.image?.sagemaker?.scopes.includes(scope);
}

export interface PulledImage {
  /** the stage whose FROM names the image */
  stage: Stage;
  /** the reference after ARG substitution (defaults and configured --build-arg values) */
  ref: ImageRef;
  /** the reference as written */
  written: string;
  imageRange: Range;
  /** the tag as written, when it contains no variable, so that an edit can replace it */
  tagRange?: Range;
  /** the 12-digit account as written at the start of the reference, when literal */
  accountRange?: Range;
  /**
   * true when a variable in the registry host was filled from an ARG default rather than a
   * configured --build-arg: the build may pass another value.
   */
  hostFromDefault: boolean;
}

/** The external image a stage's FROM pulls; undefined for `FROM <stage>`, `scratch` or no image. */
export function pulledImage(model: Model, stage: Stage): PulledImage | undefined {
  return model.memo(PULLED_IMAGE_MEMO, () => {
    if (stage.parent || stage.resolvedImage.toLowerCase() === 'scratch') return undefined;
    const imageRange = stage.imageRange;
    if (!imageRange) return undefined;
    const written = model.textOf(imageRange);
    const ref = parseImageRef(stage.resolvedImage);
    const start = model.offsetAt(imageRange.start);
    const slash = written.indexOf('/');
    const host = slash < 0 ? '' : written.slice(0, slash);
    return {
      stage, ref, written, imageRange,
      tagRange: literalTagRange(model, stage, ref, written, start),
      accountRange: ref.account !== undefined && written.startsWith(`${ref.account}.`) ? model.rangeOf(start, start + ref.account.length) : undefined,
      hostFromDefault: host.includes('$') && hostVariables(host).some((name) => !(name in model.buildArgs)),
    };
  }, undefined, stage);
}

/** The range of the tag as written, when it is the tag the image resolves to (no variable in it). */
function literalTagRange(model: Model, stage: Stage, ref: ImageRef, written: string, start: number): Range | undefined {
  const tag = ref.tag;
  if (tag === undefined) return undefined;
  // Usually the reference ends with its literal tag; dockerfile-ast's own search also reads variables and digests.
  if (!tag.includes('$') && written.endsWith(`:${tag}`) && !written.includes('@')) {
    const end = start + written.length;
    return model.rangeOf(end - tag.length, end);
  }
  const range = stage.from.getImageTagRange() ?? undefined;
  return range && model.textOf(range) === tag ? range : undefined;
}

function hostVariables(host: string): string[] {
  return [...host.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
}

/** The external images the build pulls that `matches`, in stage order (see `builtStages`). */
export function pulledImages(model: Model, matches: (image: PulledImage) => boolean): PulledImage[] {
  const built = builtStages(model);
  const images: PulledImage[] = [];
  for (const stage of model.stages) {
    const image = built.has(stage) ? pulledImage(model, stage) : undefined;
    if (image && matches(image)) images.push(image);
  }
  return images;
}

/** The external image at the root of the image's lineage. */
export function imageBase(model: Model): PulledImage | undefined {
  const root = model.baseStage();
  return root ? pulledImage(model, root) : undefined;
}

export type Architecture = 'amd64' | 'arm64';

export interface ArchitectureEvidence {
  architecture: Architecture;
  /**
   * - `platform`: a `FROM --platform=` flag in the image's lineage
   * - `catalog`: a SageMaker image the catalog knows (single-architecture)
   * - `namespace`: Docker Hub's per-architecture namespaces (`arm64v8/…`, `amd64/…`)
   * - `tag`: an architecture word in the tag of an image the catalog does not know (a guess)
   */
  source: 'platform' | 'catalog' | 'namespace' | 'tag';
  range: Range;
  /** the text the evidence rests on, for messages */
  text: string;
}

const ARM64 = /^(?:linux\/)?(?:arm64|aarch64)(?:\/v8)?$/i;
const AMD64 = /^(?:linux\/)?(?:amd64|x86_64|x86-64)(?:\/v\d)?$/i;

function architectureWord(value: string): Architecture | undefined {
  return ARM64.test(value) ? 'arm64' : AMD64.test(value) ? 'amd64' : undefined;
}

/**
 * What the file says about the CPU architecture of the image, strongest evidence first; undefined
 * when it says nothing (a multi-architecture base such as `python:3.11` builds for the builder's
 * own platform).
 */
export function imageArchitecture(model: Model): ArchitectureEvidence | undefined {
  return model.memo(ARCHITECTURE_MEMO, () => {
    const lineage = model.lineage();
    for (let i = lineage.length - 1; i >= 0; i--) {
      const stage = lineage[i];
      if (stage.platform === undefined) continue;
      const range = stage.platformFlag?.valueRange;
      if (!range) continue;
      const architecture = architectureWord(stage.platform);
      // `$TARGETPLATFORM`, `$BUILDPLATFORM` and other variables leave it to the build command.
      return architecture ? { architecture, source: 'platform', range, text: `--platform=${stage.platform}` } : undefined;
    }
    const base = imageBase(model);
    if (!base) return undefined;
    const { ref } = base;
    if (ref.known) {
      return { architecture: ref.known.architecture, source: 'catalog', range: base.imageRange, text: base.written };
    }
    const namespace = ref.registryKind === 'docker-hub' ? /^(?:library\/)?(arm64v8|amd64)\//.exec(ref.repository ?? '')?.[1] : undefined;
    if (namespace) {
      return { architecture: namespace === 'amd64' ? 'amd64' : 'arm64', source: 'namespace', range: base.imageRange, text: base.written };
    }
    const word = ref.tag?.split('-').map(architectureWord).find((a) => a !== undefined);
    if (word) return { architecture: word, source: 'tag', range: base.tagRange ?? base.imageRange, text: base.written };
    return undefined;
  });
}

/** True when any FROM of the file pins a platform. */
export function pinsPlatform(model: Model): boolean {
  return model.stages.some((s) => s.platform !== undefined || s.platformFlag !== undefined);
}

/** The evidence in words, as the subject of a sentence ("… makes this an arm64 image"). */
export function describeArchitecture(evidence: ArchitectureEvidence): string {
  const arm = evidence.architecture === 'arm64';
  switch (evidence.source) {
    case 'platform': return evidence.text;
    case 'catalog': return `The base image ${evidence.text} (${arm ? 'an arm64 build' : 'an amd64-only build'})`;
    case 'namespace': return `The base image ${evidence.text} (Docker Hub's ${arm ? 'arm64v8' : 'amd64'} namespace)`;
    case 'tag': return `The tag of ${evidence.text}, which names ${evidence.architecture},`;
  }
}

/** Rewrites a literal `--platform=` value; undefined when the evidence is not such a flag. */
export function platformSuggestion(model: Model, evidence: ArchitectureEvidence, platform: 'linux/amd64' | 'linux/arm64'): Suggestion | undefined {
  if (evidence.source !== 'platform' || model.textOf(evidence.range).includes('$')) return undefined;
  return { title: `Build for ${platform}`, edits: [{ range: evidence.range, newText: platform }] };
}
