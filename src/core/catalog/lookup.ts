/** Read access to the generated catalog: families, blocks, entries, registries and domains. */
import { CATALOG } from './data';
import type { RawBlock, RawEntry, RawFamily, RawHfVersion, RawPyEntries, RawVersion, Scope } from './schema';
import type { EcrDomain } from './types';

/** `record[key]` for own keys only, so user input such as `constructor` never reaches the prototype. */
export function own<T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

export function familyIds(): string[] {
  return Object.keys(CATALOG.families);
}

export function rawFamily(id: string): RawFamily | undefined {
  return own(CATALOG.families, id);
}

/** The scopes a family serves: its scope keys, or the `scope` list of an unscoped file. */
export function scopesOf(family: RawFamily): Scope[] {
  return family.b ? (Object.keys(family.b) as Scope[]) : [...(family.s ?? [])];
}

/** Each block of a family with the scope it is filed under (`undefined` for unscoped files). */
export function blocksOf(family: RawFamily): [Scope | undefined, RawBlock][] {
  if (family.u) return [[undefined, family.u]];
  return Object.entries(family.b ?? {}) as [Scope, RawBlock][];
}

export function isHfVersion(v: RawVersion): v is RawHfVersion {
  return 'f' in v;
}

export function isPyEntries(v: RawVersion): v is RawPyEntries {
  return 'y' in v;
}

export function repositoryName(entry: RawEntry): string {
  return CATALOG.repositories[entry.r];
}

/** The account owning an entry's repository in `region`, if the entry lists the region. */
export function accountIn(entry: RawEntry, region: string): string | undefined {
  const column = CATALOG.regions.indexOf(region);
  const cell = column < 0 ? 0 : CATALOG.registries[entry.g][column];
  return cell === 0 ? undefined : CATALOG.accounts[cell - 1];
}

/** The regions an entry's repository is listed in, in catalog (alphabetical) order. */
export function regionsOf(entry: RawEntry): string[] {
  const row = CATALOG.registries[entry.g];
  return CATALOG.regions.filter((_, i) => row[i] !== 0);
}

/** One version entry of the catalog with where it was found. */
export interface EntryRef {
  family: string;
  /** the block's scope key; `undefined` for unscoped files */
  scope: Scope | undefined;
  block: RawBlock;
  /** the full version key */
  version: string;
  /** Hugging Face: the base framework key (`pytorch2.6.0`) */
  base?: string;
  /** Hugging Face: the version's base-framework aliases */
  baseAliases?: Readonly<Record<string, string>>;
  /** legacy per-Python entries: the Python key the entry is filed under */
  py?: string;
  entry: RawEntry;
}

let entriesCache: readonly EntryRef[] | undefined;
let byRepositoryCache: ReadonlyMap<string, readonly EntryRef[]> | undefined;

/** Every version entry, flattened (built once, on first use). */
export function allEntries(): readonly EntryRef[] {
  if (entriesCache) return entriesCache;
  const out: EntryRef[] = [];
  for (const family of familyIds()) {
    for (const [scope, block] of blocksOf(CATALOG.families[family])) {
      for (const [version, v] of Object.entries(block.v)) {
        const at = { family, scope, block, version };
        if (isHfVersion(v)) {
          for (const [base, entry] of Object.entries(v.f)) out.push({ ...at, base, baseAliases: v.a, entry });
        } else if (isPyEntries(v)) {
          for (const [py, entry] of Object.entries(v.y)) out.push({ ...at, py, entry });
        } else {
          out.push({ ...at, entry: v });
        }
      }
    }
  }
  entriesCache = out;
  return out;
}

/** The entries stored in a catalog repository; empty for repositories the catalog lacks. */
export function entriesOfRepository(repository: string): readonly EntryRef[] {
  if (!byRepositoryCache) {
    const map = new Map<string, EntryRef[]>();
    for (const e of allEntries()) {
      const name = repositoryName(e.entry);
      const list = map.get(name);
      if (list) list.push(e);
      else map.set(name, [e]);
    }
    byRepositoryCache = map;
  }
  return byRepositoryCache.get(repository) ?? [];
}

/**
 * The account owning `repository` in `region`. Every entry of a repository agrees on it (the
 * generator's input has no conflicting pair), so the first entry listing the region decides.
 */
export function accountForRepository(repository: string, region: string): string | undefined {
  for (const e of entriesOfRepository(repository)) {
    const account = accountIn(e.entry, region);
    if (account) return account;
  }
  return undefined;
}

/** Region prefixes of the partitions whose ECR hosts are not under `amazonaws.com` (botocore). */
const PARTITION_DOMAINS: readonly (readonly [string, EcrDomain])[] = [
  ['cn-', 'amazonaws.com.cn'],
  ['us-isob-', 'sc2s.sgov.gov'],
  ['us-isof-', 'csp.hci.ic.gov'],
  ['us-iso-', 'c2s.ic.gov'],
  ['eu-isoe-', 'cloud.adc-e.uk'],
  ['eusc-', 'amazonaws.eu'],
];

/** All ECR DNS suffixes, for recognising hosts. */
export const ECR_DOMAINS: readonly EcrDomain[] = ['amazonaws.com', ...PARTITION_DOMAINS.map(([, d]) => d)];

/** The DNS suffix of ECR hosts in a region's partition. */
export function domainForRegion(region: string): EcrDomain {
  return PARTITION_DOMAINS.find(([prefix]) => region.startsWith(prefix))?.[1] ?? 'amazonaws.com';
}

const AWS_IMAGE_ACCOUNTS = new Set(CATALOG.accounts);

/** True when `account` owns a pre-built SageMaker image repository in some region of the catalog. */
export function isAwsImageAccount(account: string): boolean {
  return AWS_IMAGE_ACCOUNTS.has(account);
}
