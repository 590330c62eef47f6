/**
 * Reads the tag of a known SageMaker image repository against the catalog.
 *
 * A tag is a *head* (the version, an alias, a `tag_prefix`, or Hugging Face's
 * `<pt>-transformers<hf>`) followed by dash-separated parts: processor, Python version, CUDA,
 * OS, `arm64`, and the DLC decorations `sagemaker`/`ec2` with an optional build counter `vN`. The
 * SDK's short tags (`2.6.0-gpu-py312`), the DLC's full tags
 * (`2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker-v1`), minor aliases (`2.6-gpu-py312`) and EC2
 * variants all fit that shape, so one reader covers them: the head is matched against the heads the
 * catalog can produce, and the parts are checked against that entry's processors, Python versions
 * and container version. Parts the catalog does not constrain (the CUDA of a PyTorch tag, the
 * Python of a modern TF Serving tag) are accepted.
 */
import {
  EXTRA_REPOSITORIES, FAMILY_META, HUGGING_FACE_FAMILY, REPOSITORY_OVERRIDES, TRITON_FAMILY, usageOf,
} from './families';
import { allEntries, blocksOf, entriesOfRepository, own, rawFamily, type EntryRef } from './lookup';
import type { ImageKind, KnownImage } from './types';
import { tagPrefix } from './uri';

const PROCESSORS: ReadonlySet<string> = new Set(['cpu', 'gpu', 'neuron', 'neuronx', 'inf', 'inf1', 'inf2', 'trn', 'trn1', 'trn2']);
const OS = /^(?:ubuntu\d+\.\d+|amzn\d+|al\d+|centos\d+|debian\d+)$/;
const BUILD = /^v\d+(?:\.\d+)*$/;
const NUMBER = String.raw`\d+(?:\.\d+)*`;
/** The version at the start of a tag for families without a better template: `2.6.0`, `1.2-1`, `26.05`. */
const GENERIC_HEAD = new RegExp(String.raw`^(?<v>${NUMBER}(?:-\d+)?)(?=-|$)`);
const HUGGING_FACE_HEAD = new RegExp(String.raw`^(?<base>${NUMBER})-transformers(?<v>${NUMBER})(?=-|$)`);

/** The parts after the head. */
interface Tail {
  processor?: string;
  py?: string;
  cuda?: string;
  os?: string;
  arm64: boolean;
  /** every part was recognised, and none twice */
  clean: boolean;
  /** there were no parts at all */
  empty: boolean;
}

function readTail(rest: string): Tail {
  const tail: Tail = { arm64: false, clean: true, empty: rest === '' };
  if (rest === '') return tail;
  const seen = new Set<string>();
  const note = (kind: string) => {
    if (seen.has(kind)) tail.clean = false;
    seen.add(kind);
  };
  let previous = '';
  for (const part of rest.split('-')) {
    if (PROCESSORS.has(part)) {
      note('processor');
      tail.processor ??= part;
    } else if (/^py\d+$/.test(part)) {
      note('py');
      tail.py ??= part;
    } else if (/^cu\d+$/.test(part)) {
      note('cuda');
      tail.cuda ??= part;
    } else if (OS.test(part)) {
      note('os');
      tail.os ??= part;
    } else if (part === 'arm64') {
      note(part);
      tail.arm64 = true;
    } else if (part === 'sagemaker' || part === 'ec2') {
      // One build per tag: SageMaker or EC2, never both.
      note('platform');
    } else if (!(BUILD.test(part) && (previous === 'sagemaker' || previous === 'ec2'))) {
      tail.clean = false;
    }
    previous = part;
  }
  return tail;
}

/** Triton's GPU tags omit the processor; a CUDA part also implies a GPU build. */
function effectiveProcessor(family: string, tail: Tail): string | undefined {
  return tail.processor ?? ((tail.cuda !== undefined || family === TRITON_FAMILY) ? 'gpu' : undefined);
}

/** A head the catalog can produce for an entry. */
interface Head {
  text: string;
  entry: EntryRef;
  /** the version as the head spells it (an alias for alias heads) */
  version: string;
  /** Hugging Face: the base framework number as the head spells it */
  base?: string;
}

function namesOf(target: string, aliases: Readonly<Record<string, string>> | undefined): string[] {
  return [target, ...Object.keys(aliases ?? {}).filter((a) => aliases?.[a] === target)];
}

function headsOf(e: EntryRef): Head[] {
  if (e.family === HUGGING_FACE_FAMILY && e.base) {
    const heads: Head[] = [];
    for (const base of namesOf(e.base, e.baseAliases)) {
      for (const version of namesOf(e.version, e.block.a)) {
        const text = tagPrefix({ family: e.family, version, baseFrameworkVersion: base, entry: e.entry });
        heads.push({ text, entry: e, version, base: base.replace(/^(?:pytorch|tensorflow)/, '') });
      }
    }
    return heads;
  }
  if (e.entry.t) return [{ text: e.entry.t, entry: e, version: e.version }];
  return namesOf(e.version, e.block.a).map((version) => ({ text: version, entry: e, version }));
}

/** Whether an entry admits the parts after its head. */
function accepts(e: EntryRef, tail: Tail): boolean {
  if (!tail.clean || (tail.arm64 && e.scope !== 'inference_graviton')) return false;
  if (tail.empty && own(FAMILY_META, e.family)?.bareTags) return true;
  const processors = e.block.p?.length ? e.block.p : e.entry.p ?? [];
  const pys = e.py ? [e.py] : e.entry.py ?? [];
  const processor = effectiveProcessor(e.family, tail);
  if (processors.length ? processor === undefined || !processors.includes(processor) : tail.processor !== undefined) {
    return false;
  }
  if (pys.length && (tail.py === undefined || !pys.includes(tail.py))) return false;
  const cv = processor !== undefined ? own(e.entry.cv, processor) : undefined;
  if (cv !== undefined) {
    const parts = cv.split('-');
    const cuda = parts.find((p) => /^cu\d+$/.test(p));
    const os = parts.find((p) => OS.test(p));
    if ((tail.cuda !== undefined && tail.cuda !== cuda) || (tail.os !== undefined && tail.os !== os)) return false;
  }
  return true;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A tag_prefix turned into a pattern: `0.36.0-lmi27.0.0-cu130` for 0.36.0 → `(?<v>N)-lmiN-cuN`. */
function templateOf(prefix: string, version: string): string | undefined {
  const at = prefix.indexOf(version);
  if (at < 0) return undefined;
  const generalise = (s: string) => escapeRegExp(s.replace(/\d+(?:\.\d+)*/g, '\u0001')).replace(/\u0001/g, NUMBER);
  return `^${generalise(prefix.slice(0, at))}(?<v>${NUMBER})${generalise(prefix.slice(at + version.length))}(?=-|$)`;
}

const templateCache = new Map<string, RegExp[]>();

/** Patterns that find the version in a family's tags, for tags the catalog does not list. */
function templatesOf(family: string): RegExp[] {
  let found = templateCache.get(family);
  if (found) return found;
  if (family === HUGGING_FACE_FAMILY) {
    found = [HUGGING_FACE_HEAD];
  } else {
    const sources = new Set<string>();
    for (const e of allEntries()) {
      const source = e.family === family && e.entry.t ? templateOf(e.entry.t, e.version) : undefined;
      if (source) sources.add(source);
    }
    found = [...sources].map((s) => new RegExp(s));
  }
  templateCache.set(family, found);
  return found;
}

/** The full catalog version a family spells as `version`, if any block lists it. */
function catalogVersionOf(family: string, version: string): string | undefined {
  const raw = rawFamily(family);
  for (const [, block] of raw ? blocksOf(raw) : []) {
    if (own(block.v, version)) return version;
    const target = own(block.a, version);
    if (target) return target;
  }
  return undefined;
}

/** The training/inference uses an entry serves. */
function usagesOf(e: EntryRef): ('training' | 'inference')[] {
  return e.scope !== undefined ? [usageOf(e.scope)] : (rawFamily(e.family)?.s ?? []).map(usageOf);
}

/** The one use all entries agree on, if they do. */
function commonUsage(entries: readonly EntryRef[]): 'training' | 'inference' | undefined {
  const uses = new Set(entries.flatMap(usagesOf));
  return uses.size === 1 ? [...uses][0] : undefined;
}

/** The catalog repositories and the extra DLC repositories the SDK data lacks. */
export function isKnownRepository(repository: string): boolean {
  return entriesOfRepository(repository).length > 0 || Object.hasOwn(EXTRA_REPOSITORIES, repository);
}

/** Family metadata, with a neutral fallback for a family the metadata table has not caught up with. */
export function familyMeta(family: string): { displayName: string; kind: ImageKind } {
  return own(FAMILY_META, family) ?? { displayName: family, kind: 'framework' };
}

/**
 * What the catalog knows about `repository:tag`. `repository` must satisfy
 * {@link isKnownRepository}. `tag` is `undefined` when there is none or it is unresolved.
 */
export function describeImage(repository: string, tag: string | undefined): KnownImage {
  const entries = entriesOfRepository(repository);
  const extra = own(EXTRA_REPOSITORIES, repository);
  const families = extra ? [extra.family] : [...new Set(entries.map((e) => e.family))];
  // Metadata order ranks the families sharing a repository (djl-lmi first for djl-inference).
  const order = Object.keys(FAMILY_META);
  families.sort((a, b) => order.indexOf(a) - order.indexOf(b));

  const match = tag !== undefined ? matchTag(repository, families, tag) : undefined;
  const family = match?.family ?? families[0];
  const override = own(REPOSITORY_OVERRIDES, repository);
  const parts = tag?.split('-') ?? [];
  const arm64 = extra?.arm64 === true || repository.endsWith('-inference-graviton') || parts.includes('arm64');
  const cuda = match?.tail.cuda ?? parts.find((p) => /^cu\d+$/.test(p));
  return {
    family,
    displayName: override?.displayName ?? familyMeta(family).displayName,
    kind: override?.kind ?? familyMeta(family).kind,
    repository,
    inCatalog: entries.length > 0,
    scope: extra ? extra.scope : commonUsage(entries) ?? (match?.known ? commonUsage(match.accepted) : undefined),
    architecture: arm64 ? 'arm64' : 'amd64',
    tagStatus: match === undefined ? 'none' : match.known ? 'known' : 'unknown',
    version: match?.version,
    catalogVersion: match?.catalogVersion,
    baseFrameworkVersion: match?.base,
    processor: match ? effectiveProcessor(family, { ...match.tail, cuda }) : undefined,
    pyVersion: match?.tail.py,
    cuda,
    os: match?.tail.os,
    ec2: /(?:^|-)ec2(?:-v\d+(?:\.\d+)*)?$/.test(tag ?? ''),
  };
}

interface TagMatch {
  known: boolean;
  family: string;
  version?: string;
  catalogVersion?: string;
  base?: string;
  tail: Tail;
  /** the entries that accept the tag (known tags only) */
  accepted: EntryRef[];
}

const headCache = new Map<string, Head[]>();

/** Every head a repository's tags can start with (built once per repository). */
function headsOfRepository(repository: string): Head[] {
  let heads = headCache.get(repository);
  if (!heads) {
    heads = entriesOfRepository(repository).flatMap(headsOf);
    headCache.set(repository, heads);
  }
  return heads;
}

function matchTag(repository: string, families: readonly string[], tag: string): TagMatch {
  const heads = headsOfRepository(repository).filter((h) => tag === h.text || tag.startsWith(`${h.text}-`));
  // The longest head wins: `1.4-2-py312` before `1.4-2`, `2.6.0` before an alias that prefixes it.
  const texts = [...new Set(heads.map((h) => h.text))].sort((a, b) => b.length - a.length);
  let partial: TagMatch | undefined;
  for (const text of texts) {
    const tail = readTail(tag.slice(text.length + 1));
    const same = heads.filter((h) => h.text === text);
    const accepted = same.filter((h) => accepts(h.entry, tail));
    const head = accepted[0] ?? same[0];
    const found: TagMatch = {
      known: accepted.length > 0, family: head.entry.family, version: head.version,
      catalogVersion: head.entry.version, base: head.base, tail, accepted: accepted.map((h) => h.entry),
    };
    if (found.known) return found;
    partial ??= found;
  }
  if (partial) return partial;

  // Not a head the catalog can produce: find the version with the family's tag shape, else any.
  const shapes: [string, RegExp][] = families.flatMap((f) => templatesOf(f).map((t): [string, RegExp] => [f, t]));
  for (const [family, pattern] of [...shapes, [families[0], GENERIC_HEAD] as [string, RegExp]]) {
    const m = pattern.exec(tag);
    if (m?.groups) {
      const version = m.groups.v;
      return {
        known: false, family, version, catalogVersion: catalogVersionOf(family, version), base: m.groups.base,
        tail: readTail(tag.slice(m[0].length + 1)), accepted: [],
      };
    }
  }
  return { known: false, family: families[0], tail: readTail(tag), accepted: [] };
}
