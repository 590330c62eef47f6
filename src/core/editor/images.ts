/**
 * The pre-built images offered for one region, shaped for FROM completion: the repositories with
 * their registry host (account and domain of that region), and per repository the tags the SDK
 * builds, newest first. Every URI comes from the catalog's `buildImageUri`, so completion offers
 * exactly what `smlint` and the SDK agree exists.
 */
import {
  buildImageUri, compareVersions, listBaseFrameworkVersions, listFamilies, listProcessors, listPyVersions, listVersions,
} from '../catalog';
import type { FamilyInfo, ImageUriRequest, Scope } from '../catalog';

export interface ImageRepository {
  repository: string;
  /** `<account>.dkr.ecr.<region>.<domain>` */
  registry: string;
  family: string;
  displayName: string;
  /** the scopes whose images live in this repository */
  scopes: Scope[];
}

export interface ImageTag {
  tag: string;
  family: string;
  version: string;
  scope?: Scope;
  processor?: string;
  pyVersion?: string;
  baseFrameworkVersion?: string;
}

interface Built extends ImageTag {
  repository: string;
  registry: string;
}

// Elastic Inference was retired in 2024; its images can no longer be deployed.
const RETIRED_SCOPES: ReadonlySet<Scope> = new Set(['eia']);

const options = <T>(values: readonly T[]): (T | undefined)[] => (values.length > 0 ? [...values] : [undefined]);

/** Every image of a family in a region, newest version first, in the catalog's processor/Python order. */
function imagesOf(family: FamilyInfo, region: string): Built[] {
  const built: Built[] = [];
  const scopes = family.scopes.length > 0 ? family.scopes.filter((s) => !RETIRED_SCOPES.has(s)) : [undefined];
  for (const scope of scopes) {
    for (const { version, aliasOf } of listVersions(family.id, scope)) {
      // An alias names the same image as its full version; the full tag is the one to pin.
      if (aliasOf) continue;
      const bases = listBaseFrameworkVersions(family.id, version, scope).filter((b) => !b.aliasOf).map((b) => b.version);
      for (const baseFrameworkVersion of options(bases)) {
        for (const processor of options(listProcessors(family.id, version, scope))) {
          for (const pyVersion of options(listPyVersions(family.id, version, scope, baseFrameworkVersion))) {
            const request: ImageUriRequest = { framework: family.id, version, scope, processor, pyVersion, region, baseFrameworkVersion };
            const result = buildImageUri(request);
            if (!result.ok || !result.tag) continue;
            built.push({
              repository: result.repository, registry: result.uri.slice(0, result.uri.indexOf('/')), tag: result.tag,
              family: family.id, version, scope: result.scope, processor, pyVersion, baseFrameworkVersion,
            });
          }
        }
      }
    }
  }
  return built;
}

const cache = new Map<string, Built[]>();

function imagesIn(region: string): Built[] {
  let images = cache.get(region);
  if (!images) cache.set(region, (images = listFamilies().flatMap((family) => imagesOf(family, region))));
  return images;
}

/** The repositories with at least one image in `region`, in the catalog's family order. */
export function repositoriesIn(region: string): ImageRepository[] {
  const byName = new Map<string, ImageRepository>();
  const families = new Map(listFamilies().map((f) => [f.id, f]));
  for (const image of imagesIn(region)) {
    const known = byName.get(image.repository);
    if (known) {
      if (image.scope && !known.scopes.includes(image.scope)) known.scopes.push(image.scope);
      continue;
    }
    byName.set(image.repository, {
      repository: image.repository, registry: image.registry, family: image.family,
      displayName: families.get(image.family)?.displayName ?? image.family, scopes: image.scope ? [image.scope] : [],
    });
  }
  return [...byName.values()];
}

/** The tags of `repository` in `region`, newest version first; each tag once. */
export function tagsOf(repository: string, region: string): ImageTag[] {
  const seen = new Set<string>();
  const tags: ImageTag[] = [];
  for (const image of imagesIn(region)) {
    if (image.repository !== repository || seen.has(image.tag)) continue;
    seen.add(image.tag);
    const { repository: _repository, registry: _registry, ...tag } = image;
    tags.push(tag);
  }
  // A repository shared by several scopes lists each scope's versions in turn; merge them.
  return tags.sort((a, b) => compareVersions(b.version, a.version));
}
