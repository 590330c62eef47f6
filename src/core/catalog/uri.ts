/**
 * Builds ECR image URIs the way the SageMaker Python SDK's `image_uris.retrieve` does, from the
 * generated catalog. The numbered steps follow shared/sagemaker-image-uris/README.md.
 */
import {
  BASE_PYTHON_FAMILY, GRAVITON_FIXED_TAGS, GRAVITON_FRAMEWORKS, HUGGING_FACE_FAMILY, TRITON_FAMILY,
} from './families';
import { instanceFamily, isGravitonInstance, processorForInstance } from './instances';
import {
  accountIn, domainForRegion, familyIds, isHfVersion, isPyEntries, own, rawFamily, regionsOf, repositoryName, scopesOf,
} from './lookup';
import type { RawBlock, RawEntry, Scope } from './schema';
import type { ImageUriError, ImageUriRequest, ImageUriResult } from './types';
import { compareVersions, newestFirst } from './versions';

/** Families for which the SDK picks the newest version when none is given. */
const DEFAULT_TO_NEWEST: readonly string[] = ['huggingface-llm', 'huggingface-tei', 'huggingface-tei-cpu'];

/**
 * The SDK's fixed CUDA suffixes for some 2020-era images on p4d (`_get_image_tag`), keyed by
 * `<framework>-<tag>`.
 */
const P4D_CONTAINER_VERSIONS: Readonly<Record<string, string>> = {
  'tensorflow-2.3-gpu-py37': 'cu110-ubuntu18.04-v3',
  'tensorflow-2.3.1-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-2.3.2-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-1.15-gpu-py37': 'cu110-ubuntu18.04-v8',
  'tensorflow-1.15.4-gpu-py37': 'cu110-ubuntu18.04',
  'tensorflow-1.15.5-gpu-py37': 'cu110-ubuntu18.04',
  'mxnet-1.8-gpu-py37': 'cu110-ubuntu16.04-v1',
  'mxnet-1.8.0-gpu-py37': 'cu110-ubuntu16.04',
  'pytorch-1.6-gpu-py36': 'cu110-ubuntu18.04-v3',
  'pytorch-1.6.0-gpu-py36': 'cu110-ubuntu18.04',
  'pytorch-1.6-gpu-py3': 'cu110-ubuntu18.04-v3',
  'pytorch-1.6.0-gpu-py3': 'cu110-ubuntu18.04',
};

/** What it takes to spell a tag for one catalog entry. */
export interface TagSpec {
  family: string;
  scope: Scope | undefined;
  /** the version as requested: an alias survives into the tag unless there is a `tag_prefix` */
  version: string;
  /** Hugging Face: the base framework as requested (`pytorch2.6` gives `2.6-transformers…`) */
  baseFrameworkVersion?: string;
  entry: RawEntry;
  processor?: string;
  pyVersion?: string;
}

/** Step 9: what the tag starts with. */
export function tagPrefix(spec: Pick<TagSpec, 'family' | 'version' | 'baseFrameworkVersion' | 'entry'>): string {
  if (spec.family === HUGGING_FACE_FAMILY) {
    const base = /^(?:pytorch|tensorflow)(.*)$/.exec(spec.baseFrameworkVersion ?? '')?.[1] ?? '';
    return `${base}-transformers${spec.version}`;
  }
  return spec.entry.t ?? spec.version;
}

/**
 * Steps 8–11 for one entry: the SDK's tag, or `undefined` when a Graviton xgboost/sklearn version
 * has no fixed arm64 tag.
 */
export function composeTag(spec: TagSpec): string | undefined {
  const { family, entry, processor } = spec;
  if (spec.scope === 'inference_graviton' && Object.hasOwn(GRAVITON_FIXED_TAGS, family)) {
    return own(GRAVITON_FIXED_TAGS[family], spec.version);
  }
  let containerVersion = processor !== undefined ? own(entry.cv, processor) : undefined;
  if (containerVersion !== undefined && repositoryName(entry) === `${family}-inference-graviton`) {
    containerVersion = `${containerVersion}-sagemaker`;
  }
  const tag = [tagPrefix(spec), processor, spec.pyVersion, containerVersion].filter((x) => x).join('-');
  // The SDK strips a trailing `-gpu` from Triton tags: its GPU image is the default one.
  return family === TRITON_FAMILY && processor === 'gpu' && tag.endsWith('-gpu') ? tag.slice(0, -4) : tag;
}

type Failure = Extract<ImageUriResult, { ok: false }>;

function fail(error: ImageUriError, message: string): Failure {
  return { ok: false, error, message };
}

function ecrUri(account: string, region: string, repository: string, tag: string | undefined): string {
  return `${account}.dkr.ecr.${region}.${domainForRegion(region)}/${repository}${tag ? `:${tag}` : ''}`;
}

function list(values: readonly string[]): string {
  return values.length ? values.join(', ') : '(none)';
}

/**
 * The ECR URI of a pre-built SageMaker image, as the SageMaker Python SDK (`image_uris.retrieve`)
 * builds it from the same data. Never throws: unknown or missing arguments come back as
 * `{ ok: false, error, message }`.
 *
 * One deliberate difference: every Graviton hosting family (c8g, m8g, r7gd, r8g too) selects the
 * `inference_graviton` images, where the SDK still knows only the first eight families.
 */
export function buildImageUri(request: ImageUriRequest): ImageUriResult {
  const { framework, instanceType, region } = request;
  const family = rawFamily(framework);
  if (!family) return fail('unknown-framework', `Unsupported framework: ${framework}. Known: ${list(familyIds())}.`);
  if (framework === BASE_PYTHON_FAMILY) return basePythonUri(request, family.u);

  const graviton = instanceType !== undefined && isGravitonInstance(instanceType);
  if (instanceType !== undefined) {
    const processor = processorForInstance(instanceType);
    if (!processor) return fail('unknown-instance-type', `Invalid SageMaker instance type: ${instanceType}.`);
    // Step 1: the SDK switches to `<framework>-neuron[x].json`, which the catalog does not include.
    if ((processor === 'inf' || processor === 'trn') && (framework === 'pytorch' || framework === HUGGING_FACE_FAMILY)) {
      return fail('unsupported-instance-type',
        `${framework} on ${instanceType} uses the Neuron images (${framework}-neuron), which the catalog does not include.`);
    }
    if (processor === 'trn') {
      return fail('unsupported-instance-type', `Trainium instances such as ${instanceType} support only PyTorch Neuron images.`);
    }
    if (graviton && !GRAVITON_FRAMEWORKS.includes(framework)) {
      return fail('unsupported-instance-type',
        `${framework} has no arm64 image for the Graviton instance ${instanceType}. Graviton images: ${list(GRAVITON_FRAMEWORKS)}.`);
    }
  }

  // Step 2: the scope.
  let scope = request.scope;
  if (graviton) scope = 'inference_graviton';
  else if (scope === undefined && (framework === 'xgboost' || framework === 'sklearn')) scope = 'training';
  const scopes = scopesOf(family);
  if (scopes.length === 1) scope = scopes[0];
  if (scope === undefined && family.s && scopes.length === 2 && scopes.includes('training') && scopes.includes('inference')) {
    scope = scopes[0];
  }
  if (scope === undefined) return fail('missing-scope', `${framework} needs a scope or instance type. Scopes: ${list(scopes)}.`);
  if (!scopes.includes(scope)) return fail('unknown-scope', `Unsupported image scope for ${framework}: ${scope}. Scopes: ${list(scopes)}.`);
  const block = (family.u ?? family.b?.[scope]) as RawBlock;

  // Step 3: the version. A single-version file takes its version whatever was asked.
  const versions = Object.keys(block.v);
  let version = request.version;
  if (versions.length === 1 && (version === undefined || !own(block.a, version))) {
    version = versions[0];
  } else {
    if (version === undefined && DEFAULT_TO_NEWEST.includes(framework)) version = newestFirst(versions)[0];
    if (version === undefined) {
      return fail('missing-version', `${framework} needs a version. Versions: ${list(newestFirst(versions))}.`);
    }
    if (!own(block.v, version) && !own(block.a, version)) {
      return fail('unknown-version', `Unsupported ${framework} ${scope} version: ${version}. The catalog may be older than `
        + `the image. Versions: ${list(newestFirst(versions))}.`);
    }
  }
  const fullVersion = own(block.a, version) ?? version;
  const value = block.v[fullVersion];

  // Step 4: Hugging Face nests an entry per base framework.
  let entry: RawEntry | undefined;
  let perPython: Readonly<Record<string, RawEntry>> | undefined;
  if (isHfVersion(value)) {
    const base = request.baseFrameworkVersion;
    const bases = Object.keys(value.f);
    if (base === undefined) return fail('missing-base-framework', `huggingface ${version} needs a base framework: ${list(bases)}.`);
    entry = own(value.f, own(value.a, base) ?? base);
    if (!entry) return fail('unknown-base-framework', `Unsupported base framework for huggingface ${version}: ${base}. Base frameworks: ${list(bases)}.`);
  } else if (isPyEntries(value)) {
    perPython = value.y;
  } else {
    entry = value;
  }

  // Step 5: the Python version; dropped when the entry lists none. In legacy per-Python entries
  // it picks the entry, and with it the repository.
  const pys = perPython ? Object.keys(perPython) : entry?.py ?? [];
  let py = request.pyVersion;
  if (pys.length === 0) py = undefined;
  else if (py === undefined && pys.length === 1) py = pys[0];
  else if (py === undefined) return fail('missing-py-version', `${framework} ${version} needs a Python version: ${list(pys)}.`);
  if (py !== undefined && !pys.includes(py)) {
    return fail('unknown-py-version', `Unsupported Python version for ${framework} ${version}: ${py}. Python versions: ${list(pys)}.`);
  }
  entry ??= own(perPython, py ?? '');
  if (!entry) return fail('unknown-py-version', `${framework} ${version} has no entry for Python version ${py}.`);

  // Step 6: the account.
  const account = accountIn(entry, region);
  if (!account) {
    return fail('unknown-region', `Unsupported region: ${region}. ${framework} ${version} is offered in: ${list(regionsOf(entry))}.`);
  }

  // Step 7: the processor.
  const processors = block.p?.length ? block.p : entry.p ?? [];
  const processor = pickProcessor(processors, request.processor, instanceType);
  if (typeof processor === 'object') return processor;
  if (processor !== undefined && entry.cv && !own(entry.cv, processor)) {
    return fail('unknown-processor', `${framework} ${version} has no ${processor} image. Processors: ${list(Object.keys(entry.cv))}.`);
  }

  // Step 11: the SDK refuses p2 for newer PyTorch and TensorFlow.
  const instFamily = instanceType !== undefined ? instanceFamily(instanceType) : undefined;
  if (instFamily === 'p2' && ((framework === 'pytorch' && compareVersions(version, '1.13') >= 0)
    || (framework === 'tensorflow' && compareVersions(version, '2.12') >= 0))) {
    return fail('unsupported-instance-type', 'P2 instances are not supported from PyTorch 1.13 and TensorFlow 2.12.');
  }

  const spec = { family: framework, scope, version, baseFrameworkVersion: request.baseFrameworkVersion, entry, processor, pyVersion: py };
  let tag = composeTag(spec);
  if (tag === undefined && scope === 'inference_graviton') {
    return fail('unknown-version', `${framework} ${version} has no arm64 tag for Graviton.`);
  }
  const p4d = instFamily === 'p4d' && tag !== undefined ? own(P4D_CONTAINER_VERSIONS, `${framework}-${tag}`) : undefined;
  if (p4d) tag = `${tag}-${p4d}`;

  const repository = repositoryName(entry);
  return { ok: true, uri: ecrUri(account, region, repository, tag), account, region, repository, tag, scope };
}

/** Step 7, `_processor`: the processor for the tag, `undefined` when the tag has none, or an error. */
function pickProcessor(
  processors: readonly string[], requested: string | undefined, instanceType: string | undefined,
): string | undefined | Failure {
  if (processors.length === 0) return undefined;
  let processor = requested;
  if (processor === undefined) {
    if (instanceType === undefined) {
      if (processors.length === 1) return processors[0];
      return fail('missing-processor', `A processor or instance type is needed: ${list(processors)}.`);
    }
    // An instance family named in `processors` (old per-family images) wins over cpu/gpu.
    const family = instanceFamily(instanceType);
    processor = family !== undefined && processors.includes(family) ? family : processorForInstance(instanceType);
  }
  if (processor === undefined || !processors.includes(processor)) {
    return fail('unknown-processor', `Unsupported processor: ${processor ?? instanceType}. Processors: ${list(processors)}.`);
  }
  return processor;
}

/**
 * `get_base_python_image_uri`: the repository gets `-<py>` appended (`310` or `38`) and the tag
 * is the version, `1.0`.
 */
function basePythonUri(request: ImageUriRequest, block: RawBlock | undefined): ImageUriResult {
  const [version, value] = Object.entries(block?.v ?? {})[0] ?? [];
  if (!value || isHfVersion(value) || isPyEntries(value)) {
    return fail('unknown-framework', `${BASE_PYTHON_FAMILY} has no usable entry in the catalog.`);
  }
  const py = (request.pyVersion ?? '310').replace(/^py/, '');
  if (py !== '310' && py !== '38') {
    return fail('unknown-py-version', `Unsupported Python version for ${BASE_PYTHON_FAMILY}: ${request.pyVersion}. Python versions: 310, 38.`);
  }
  const account = accountIn(value, request.region);
  if (!account) {
    return fail('unknown-region', `Unsupported region: ${request.region}. ${BASE_PYTHON_FAMILY} is offered in: ${list(regionsOf(value))}.`);
  }
  const repository = `${repositoryName(value)}-${py}`;
  return { ok: true, uri: ecrUri(account, request.region, repository, version), account, region: request.region, repository, tag: version };
}
