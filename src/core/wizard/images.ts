/**
 * What the wizard asks of the image catalog: which pre-built images fit the answers so far, and
 * their exact URIs. Every list is cut to a few entries so that the whole answer space stays small
 * enough for a test to enumerate.
 */
import {
  buildImageUri, isGravitonInstance, listBaseFrameworkVersions, listFamilies, listPyVersions, listRegions, listVersions,
  type FamilyInfo, type ImageUriResult, type Scope,
} from '../catalog';

/** What an image is used for; a purpose of "both" needs a training and an inference image. */
export type ImageRole = 'training' | 'inference' | 'processing' | 'studio';

/**
 * The regions the wizard offers: the two largest, one in Europe, and a China region, whose URIs
 * differ in account and domain (`amazonaws.com.cn`).
 */
export const REGIONS: readonly string[] = ['us-east-1', 'us-west-2', 'eu-west-1', 'cn-north-1'];

/**
 * The catalog is static, so each listing is computed once per distinct query: the exhaustive test
 * and every keystroke in the wizard ask the same few hundred questions again and again.
 */
function memo<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const cache = new Map<string, R>();
  return (...args: A) => {
    const key = args.map((arg) => (typeof arg === 'object' && arg !== null ? queryKey(arg as ImageQuery) : String(arg))).join('|');
    if (!cache.has(key)) cache.set(key, fn(...args));
    return cache.get(key) as R;
  };
}

function queryKey(query: ImageQuery): string {
  return `${query.family}/${query.roles.join('+')}/${query.instanceType}/${query.processor}`;
}

/** How many versions of a framework the wizard offers, newest first. */
const VERSIONS_OFFERED = 2;

/** SageMaker Distribution, the base of Studio images; pulled from ECR Public, which needs no login. */
export const STUDIO_FAMILY = 'sagemaker-distribution';
const STUDIO_PUBLIC_REPOSITORY = 'public.ecr.aws/sagemaker/sagemaker-distribution';

/** Training and processing jobs use the training images; Studio images live in the inference scope. */
function scopeOf(role: ImageRole, instanceType: string | undefined): Scope {
  if (role === 'training' || role === 'processing') return 'training';
  return role === 'inference' && instanceType !== undefined && isGravitonInstance(instanceType) ? 'inference_graviton' : 'inference';
}

export interface ImageQuery {
  family: string;
  roles: readonly ImageRole[];
  /** absent for serverless endpoints (CPU only, no instance type) and built-in algorithms */
  instanceType?: string;
  /** set when the family has no instance type to decide the processor (serverless: cpu) */
  processor?: string;
}

export interface ResolvedImage {
  role: ImageRole;
  uri: string;
  /** the registry host, e.g. `763104351884.dkr.ecr.us-east-1.amazonaws.com` */
  registry: string;
  /** true for a private ECR registry, which needs `docker login` before a pull */
  privateEcr: boolean;
  /** the Python of the tag, when the tag has one */
  pyVersion?: string;
  /** Hugging Face: the PyTorch or TensorFlow version under transformers */
  baseFrameworkVersion?: string;
}

function newestBase(family: string, version: string, scope: Scope): string | undefined {
  return listBaseFrameworkVersions(family, version, scope).find((v) => !v.aliasOf)?.version;
}

/** The catalog result for one role, with the answer's Python when the tag offers it, else the newest. */
function build(query: ImageQuery, role: ImageRole, version: string, region: string, pyVersion?: string): { result: ImageUriResult; py?: string; base?: string } {
  const scope = scopeOf(role, query.instanceType);
  const base = newestBase(query.family, version, scope);
  const pys = listPyVersions(query.family, version, scope, base);
  const py = pyVersion !== undefined && pys.includes(pyVersion) ? pyVersion : pys[0];
  const result = buildImageUri({
    framework: query.family, version, scope: scope === 'inference_graviton' ? 'inference' : scope, region,
    instanceType: query.instanceType, processor: query.processor, pyVersion: py, baseFrameworkVersion: base,
  });
  return { result, py, base };
}

/** Resolves the image of every role, or `undefined` when the catalog cannot build one of them. */
export const resolveImages = memo((query: ImageQuery, version: string, region: string, pyVersion?: string): ResolvedImage[] | undefined => {
  const images: ResolvedImage[] = [];
  for (const role of query.roles) {
    const { result, py, base } = build(query, role, version, region, pyVersion);
    if (!result.ok) return undefined;
    const uri = query.family === STUDIO_FAMILY ? `${STUDIO_PUBLIC_REPOSITORY}:${result.tag}` : result.uri;
    const registry = uri.slice(0, uri.indexOf('/'));
    images.push({ role, uri, registry, privateEcr: registry.includes('.dkr.ecr.'), pyVersion: py, baseFrameworkVersion: base });
  }
  return images;
});

/**
 * The newest versions offered for every role (a purpose of "both" needs the same version in the
 * training and the inference scope) that the catalog can build in at least one offered region.
 */
export const versionOptions = memo((query: ImageQuery): string[] => {
  const perRole = query.roles.map((role) => listVersions(query.family, scopeOf(role, query.instanceType)).filter((v) => !v.aliasOf).map((v) => v.version));
  const common = perRole[0].filter((v) => perRole.every((list) => list.includes(v)));
  return common.filter((v) => REGIONS.some((r) => resolveImages(query, v, r) !== undefined)).slice(0, VERSIONS_OFFERED);
});

/** The Pythons every role's tag offers for a version (empty when the tags carry none). */
export const pyVersionOptions = memo((query: ImageQuery, version: string): string[] => {
  const lists = query.roles.map((role) => {
    const scope = scopeOf(role, query.instanceType);
    return listPyVersions(query.family, version, scope, newestBase(query.family, version, scope));
  }).filter((list) => list.length > 0);
  return lists.length ? lists[0].filter((py) => lists.every((list) => list.includes(py))) : [];
});

/** The offered regions in which the catalog builds every role's image. */
export const regionOptions = memo((query: ImageQuery, version: string, pyVersion?: string): string[] => {
  if (query.family === STUDIO_FAMILY) {
    // ECR Public serves every region, but the catalog lists where SageMaker offers the image at all.
    const listed = listRegions(query.family, version);
    return REGIONS.filter((r) => listed.includes(r));
  }
  return REGIONS.filter((r) => resolveImages(query, version, r, pyVersion) !== undefined);
});

let families: readonly FamilyInfo[] | undefined;
function allFamilies(): readonly FamilyInfo[] {
  families ??= listFamilies();
  return families;
}

/** The display name of a catalog family. */
export function familyName(family: string): string {
  return allFamilies().find((f) => f.id === family)?.displayName ?? family;
}

/** The catalog's built-in algorithm families, in catalog order. */
export function builtinAlgorithms(): string[] {
  return allFamilies().filter((f) => f.kind === 'builtin-algorithm').map((f) => f.id);
}
