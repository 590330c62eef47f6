/** Nearest known tags for a tag the catalog does not list. */
import { entriesOfRepository } from './lookup';
import type { ImageRef } from './types';
import { composeTag } from './uri';
import { compareVersions } from './versions';

interface Candidate {
  tag: string;
  family: string;
  version: string;
  processor?: string;
  py?: string;
  arm64: boolean;
}

/** Every tag the SDK can build for a repository, one per entry × processor × Python version. */
function sdkTags(repository: string): Candidate[] {
  const out = new Map<string, Candidate>();
  for (const e of entriesOfRepository(repository)) {
    const processors: (string | undefined)[] = e.block.p?.length ? e.block.p : e.entry.p?.length ? e.entry.p : [undefined];
    const pys: (string | undefined)[] = e.py ? [e.py] : e.entry.py?.length ? e.entry.py : [undefined];
    for (const processor of processors) {
      for (const py of pys) {
        const tag = composeTag({
          family: e.family, scope: e.scope, version: e.version, baseFrameworkVersion: e.base, entry: e.entry, processor, pyVersion: py,
        });
        if (tag && !out.has(tag)) {
          out.set(tag, { tag, family: e.family, version: e.version, processor, py, arm64: e.scope === 'inference_graviton' });
        }
      }
    }
  }
  return [...out.values()];
}

/**
 * Up to `n` catalog tags of the same repository nearest to the reference's tag, for a rule that
 * reports an unknown tag. Ranked by, in turn: same architecture, same processor, same catalog
 * version, same Python version, same family, then newest first. Empty when the repository is not
 * in the catalog (or the reference names no known image).
 */
export function suggestTags(ref: ImageRef, n = 5): string[] {
  const known = ref.known;
  if (!known) return [];
  const arm64 = known.architecture === 'arm64';
  const score = (c: Candidate): number[] => [
    Number(c.arm64 === arm64),
    Number(known.processor !== undefined && c.processor === known.processor),
    Number(known.catalogVersion !== undefined && c.version === known.catalogVersion),
    Number(known.pyVersion !== undefined && c.py === known.pyVersion),
    Number(c.family === known.family),
  ];
  const ranked = sdkTags(known.repository)
    .filter((c) => c.tag !== ref.tag)
    .map((c) => ({ c, s: score(c) }))
    .sort((a, b) => {
      for (let i = 0; i < a.s.length; i++) if (a.s[i] !== b.s[i]) return b.s[i] - a.s[i];
      return compareVersions(b.c.version, a.c.version) || compareVersions(b.c.tag, a.c.tag);
    });
  return ranked.slice(0, Math.max(0, n)).map(({ c }) => c.tag);
}
