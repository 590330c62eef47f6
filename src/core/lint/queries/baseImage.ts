/**
 * What the image catalog says about the images a Dockerfile pulls, with the ranges of the parts as
 * written (for findings and edits), and what can be told about the image's CPU architecture.
 */
import { parseImageRef, type ImageRef } from '../../catalog';
import type { Model, Stage } from '../model';
import type { Range, Suggestion } from '../types';

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
  return model.memo(`pulledImage:${stage.index}`, () => {
    const imageRange = stage.from.getImageRange();
    if (stage.parent || !imageRange || stage.resolvedImage.toLowerCase() === 'scratch') return undefined;
    const written = model.textOf(imageRange);
    const ref = parseImageRef(stage.resolvedImage);
    const start = model.offsetAt(imageRange.start);
    const at = (from: number, length: number): Range => ({ start: model.positionAt(start + from), end: model.positionAt(start + from + length) });
    const tagRange = stage.from.getImageTagRange() ?? undefined;
    const literalTag = tagRange && ref.tag !== undefined && model.textOf(tagRange) === ref.tag ? tagRange : undefined;
    const host = written.includes('/') ? written.slice(0, written.indexOf('/')) : '';
    const hostVariables = [...host.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]);
    return {
      stage, ref, written, imageRange,
      tagRange: literalTag,
      accountRange: ref.account !== undefined && written.startsWith(`${ref.account}.`) ? at(0, ref.account.length) : undefined,
      hostFromDefault: hostVariables.some((name) => !(name in model.buildArgs)),
    };
  });
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
  for (const stage of [...model.lineage()].reverse()) {
    const flag = stage.from.getPlatformFlag();
    const range = flag?.getValueRange();
    if (!flag || !range || stage.platform === undefined) continue;
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
}

/** True when any FROM of the file pins a platform. */
export function pinsPlatform(model: Model): boolean {
  return model.stages.some((s) => s.from.getPlatformFlag() !== null);
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
