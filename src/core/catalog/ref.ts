/** Parses the image reference of a `FROM` instruction and looks it up in the catalog. */
import { EXTRA_REPOSITORIES, PUBLIC_DLC_NAMESPACE, PUBLIC_REPOSITORIES } from './families';
import { ECR_DOMAINS, accountForRepository, own } from './lookup';
import { describeImage, isKnownRepository } from './tags';
import type { EcrDomain, ImageRef, ImageRefPart, RegistryKind } from './types';
import { cachedByString } from '../cache';

/** Stands in for an unresolved variable while the reference is split; it matches no grammar. */
const HOLE = '\u0000';
const H = '\\u0000';

// Docker's reference grammar (distribution/reference), with a hole allowed wherever text is.
const COMPONENT = new RegExp(`^(?:[a-z0-9${H}]+(?:(?:[._]|__|-+)[a-z0-9${H}]+)*|${H}+)$`);
const HOST = new RegExp(`^[A-Za-z0-9.${H}-]+(?::[0-9${H}]+)?$`);
const TAG = new RegExp(`^[\\w${H}][\\w.${H}-]{0,127}$`);
const DIGEST = new RegExp(`^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F${H}]{32,}$|^${H}$`);
const ECR_HOST = /^([^.]+)\.dkr\.ecr(?:-fips)?\.([^.]+)\.(.+)$/;
const ACCOUNT = /^\d{12}$/;
const REGION = /^[a-z]{2,4}(?:-[a-z]+)+-\d+$/;
const DOCKER_HUB_HOSTS: ReadonlySet<string> = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * Replaces each `${…}` (nested braces included) and `$NAME` with one {@link HOLE}, so that a
 * default such as `${REGION:-us-east-1}` cannot be mistaken for a tag separator.
 */
function maskVariables(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '$' && text[i + 1] === '{') {
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) break;
      }
      out += HOLE;
      i = j;
    } else if (c === '$' && /[A-Za-z_]/.test(text[i + 1] ?? '')) {
      while (/\w/.test(text[i + 1] ?? '')) i++;
      out += HOLE;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Parses an image reference as written after `FROM` (after the caller's `ARG` substitution). Parts
 * that still contain `${VAR}`/`$VAR` are left `undefined` and listed in `unresolved`; the rest is
 * parsed and, for SageMaker image repositories in private ECR, ECR Public or behind an unresolved
 * registry, looked up in the catalog. Never throws: text that cannot be an image reference gives
 * an `ImageRef` with only `ref` and `registryKind: 'unknown'`. Results are shared between callers
 * (the editor re-lints the same references on every keystroke): treat them as read-only.
 */
export function parseImageRef(ref: string): ImageRef {
  return parseCached(ref);
}

const parseCached = cachedByString(parseUncached);

function parseUncached(ref: string): ImageRef {
  const text = ref.trim();
  const empty: ImageRef = { ref: text, registryKind: 'unknown', unresolved: [] };
  if (text.includes(HOLE)) return empty;
  const masked = maskVariables(text);

  let name = masked;
  let digest: string | undefined;
  let tag: string | undefined;
  const at = name.indexOf('@');
  if (at >= 0) [name, digest] = [name.slice(0, at), name.slice(at + 1)];
  const colon = name.lastIndexOf(':');
  if (colon > name.lastIndexOf('/')) [name, tag] = [name.slice(0, colon), name.slice(colon + 1)];

  let host: string | undefined;
  let path = name;
  const slash = name.indexOf('/');
  if (slash >= 0) {
    const first = name.slice(0, slash);
    if (/[.:]/.test(first) || first === 'localhost' || first.includes(HOLE)) [host, path] = [first, name.slice(slash + 1)];
  }
  const wellFormed = path.split('/').every((c) => COMPONENT.test(c))
    && (host === undefined || HOST.test(host))
    && (tag === undefined || TAG.test(tag))
    && (digest === undefined || DIGEST.test(digest));
  if (!wellFormed) return empty;

  const unresolved: ImageRefPart[] = [];
  const resolved = (part: string | undefined, kind: ImageRefPart): string | undefined => {
    if (part === undefined || !part.includes(HOLE)) return part;
    unresolved.push(kind);
    return undefined;
  };
  const out: ImageRef = { ...empty, unresolved };
  readRegistry(host, path, out);
  out.repository = resolved(path, 'repository');
  out.tag = resolved(tag, 'tag');
  // A variable at the end of the name may carry the tag too (`FROM ${BASE_IMAGE}`).
  if (tag === undefined && digest === undefined && path.endsWith(HOLE)) unresolved.push('tag');
  out.digest = resolved(digest, 'digest');

  const repository = out.repository === undefined ? undefined : catalogRepository(out.registryKind, out.repository);
  if (repository !== undefined) {
    out.known = describeImage(repository, out.tag);
    if (out.registryKind === 'ecr' && out.region !== undefined) {
      out.expectedAccount = accountForRepository(own(EXTRA_REPOSITORIES, repository)?.accountsOf ?? repository, out.region);
      if (out.account !== undefined && out.expectedAccount !== undefined) out.accountMatches = out.account === out.expectedAccount;
    }
  }
  return out;
}

/** Fills the registry fields of `out`. */
function readRegistry(host: string | undefined, path: string, out: ImageRef): void {
  const hole = (part: string, kind: ImageRefPart): boolean => {
    if (part.includes(HOLE)) out.unresolved.push(kind);
    return part.includes(HOLE);
  };
  if (host === undefined) {
    if (path.split('/')[0].includes(HOLE)) out.unresolved.push('registry');
    else out.registryKind = 'docker-hub';
    return;
  }
  const ecr = ECR_HOST.exec(host);
  if (ecr) {
    const [, account, region, domain] = ecr;
    const fits = (part: string, ok: boolean) => part.includes(HOLE) || ok;
    if (fits(account, ACCOUNT.test(account)) && fits(region, REGION.test(region))
      && fits(domain, (ECR_DOMAINS as readonly string[]).includes(domain))) {
      out.registryKind = 'ecr';
      if (!hole(host, 'registry')) out.registry = host;
      if (!hole(account, 'account')) out.account = account;
      if (!hole(region, 'region')) out.region = region;
      if (!hole(domain, 'domain')) out.domain = domain as EcrDomain;
      return;
    }
  }
  if (hole(host, 'registry')) return;
  out.registry = host;
  if (DOCKER_HUB_HOSTS.has(host)) out.registryKind = 'docker-hub';
  else if (host === 'public.ecr.aws') out.registryKind = 'ecr-public';
  else out.registryKind = 'other';
}

/**
 * The catalog repository a registry path names, if it is a SageMaker image repository. Docker Hub
 * and other registries never qualify: a `pytorch-training` there is someone else's image.
 */
function catalogRepository(kind: RegistryKind, path: string): string | undefined {
  if (kind === 'docker-hub' || kind === 'other') return undefined;
  if (kind === 'ecr-public') {
    const mirrored = path.startsWith(PUBLIC_DLC_NAMESPACE) ? path.slice(PUBLIC_DLC_NAMESPACE.length) : undefined;
    return mirrored !== undefined && isKnownRepository(mirrored) ? mirrored : own(PUBLIC_REPOSITORIES, path);
  }
  return isKnownRepository(path) ? path : undefined;
}
