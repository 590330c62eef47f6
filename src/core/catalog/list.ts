/** Listings for editor completion and the decision wizard. */
import { FAMILY_META } from './families';
import { allEntries, familyIds, own, rawFamily, regionsOf, repositoryName, scopesOf, type EntryRef } from './lookup';
import type { Scope } from './schema';
import { familyMeta } from './tags';
import type { FamilyInfo, VersionInfo } from './types';
import { newestFirst } from './versions';

/** Whether an entry's image serves `scope` (unscoped files serve their whole `scope` list). */
function serves(e: EntryRef, scope: Scope | undefined): boolean {
  return scope === undefined || e.scope === scope || (e.scope === undefined && (rawFamily(e.family)?.s ?? []).includes(scope));
}

/**
 * The entries of a family version (full version or alias) in a scope, optionally narrowed to one
 * Hugging Face base framework (full key or alias).
 */
function entriesOf(family: string, version: string, scope?: Scope, baseFrameworkVersion?: string): EntryRef[] {
  return allEntries().filter((e) => e.family === family && serves(e, scope)
    && e.version === (own(e.block.a, version) ?? version)
    && (baseFrameworkVersion === undefined || e.base === (own(e.baseAliases, baseFrameworkVersion) ?? baseFrameworkVersion)));
}

function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** Newest first, each alias right after the version it stands for. */
function withAliases(versions: Iterable<string>, aliases: Iterable<[string, string]>): VersionInfo[] {
  const byTarget = new Map<string, string[]>();
  for (const [alias, target] of aliases) byTarget.set(target, unique([...(byTarget.get(target) ?? []), alias]));
  return newestFirst(unique(versions)).flatMap((version) => [
    { version },
    ...newestFirst(byTarget.get(version) ?? []).map((alias) => ({ version: alias, aliasOf: version })),
  ]);
}

const SCOPE_ORDER: readonly Scope[] = ['training', 'inference', 'inference_graviton', 'eia'];

/** Every catalog family with its display name, kind, scopes and repositories, in picker order. */
export function listFamilies(): FamilyInfo[] {
  const order = Object.keys(FAMILY_META);
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  return familyIds().sort((a, b) => rank(a) - rank(b) || a.localeCompare(b)).map((id) => ({
    id,
    ...familyMeta(id),
    scopes: scopesOf(rawFamily(id) ?? {}).sort((a, b) => SCOPE_ORDER.indexOf(a) - SCOPE_ORDER.indexOf(b)),
    repositories: unique(allEntries().filter((e) => e.family === id).map((e) => repositoryName(e.entry))).sort(),
  }));
}

/**
 * The versions of a family, newest first, with `version_aliases` listed after their targets. With
 * no scope, the versions of all scopes (an alias may then stand for different versions in different
 * scopes, and is listed under each). Empty for an unknown family or scope.
 */
export function listVersions(family: string, scope?: Scope): VersionInfo[] {
  const entries = allEntries().filter((e) => e.family === family && serves(e, scope));
  const blocks = unique(entries.map((e) => e.block));
  return withAliases(entries.map((e) => e.version), blocks.flatMap((b) => Object.entries(b.a ?? {})));
}

/** Hugging Face: the base frameworks (`pytorch2.6.0`, alias `pytorch2.6`) of a transformers version. */
export function listBaseFrameworkVersions(family: string, version: string, scope?: Scope): VersionInfo[] {
  const entries = entriesOf(family, version, scope).filter((e) => e.base !== undefined);
  return withAliases(entries.map((e) => e.base as string), unique(entries.map((e) => e.baseAliases)).flatMap((a) => Object.entries(a ?? {})));
}

/** The processors (`cpu`, `gpu`, …) of a family version; empty when its tags carry none. */
export function listProcessors(family: string, version: string, scope?: Scope): string[] {
  return unique(entriesOf(family, version, scope).flatMap((e) => (e.block.p?.length ? e.block.p : e.entry.p ?? [])));
}

/** The Python versions of a family version, newest first; empty when its tags carry none. */
export function listPyVersions(family: string, version: string, scope?: Scope, baseFrameworkVersion?: string): string[] {
  const entries = entriesOf(family, version, scope, baseFrameworkVersion);
  return newestFirst(unique(entries.flatMap((e) => (e.py ? [e.py] : e.entry.py ?? []))));
}

/** The regions a family version is offered in, alphabetically. */
export function listRegions(family: string, version: string, scope?: Scope, baseFrameworkVersion?: string): string[] {
  return unique(entriesOf(family, version, scope, baseFrameworkVersion).flatMap((e) => regionsOf(e.entry))).sort();
}
