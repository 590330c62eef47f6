/** Public types of the pre-built image catalog. */
import type { Scope } from './schema';

export type { Scope } from './schema';

/** What a pre-built image is for; the decision wizard groups families by it. */
export type ImageKind =
  /** a framework Deep Learning Container or framework image (PyTorch, TensorFlow, sklearn, …) to extend */
  | 'framework'
  /** a first-party built-in algorithm, run as it is rather than extended */
  | 'builtin-algorithm'
  /** a large-model serving container: TGI, TEI, vLLM, SGLang, DJL */
  | 'llm-serving'
  /** a general model server (Triton) */
  | 'model-server'
  /** a SageMaker Studio base image */
  | 'studio'
  /** a SageMaker reinforcement-learning image */
  | 'reinforcement-learning';

/** The CPU architecture an image is built for (Docker's names). */
export type Architecture = 'amd64' | 'arm64';

/**
 * How a tag relates to the catalog. `unknown` means only that the SDK data does not list it: the
 * DLC catalog publishes newer releases first, so it is never a claim that the tag does not exist.
 * `none` means there is nothing to check: no tag, a digest only, or a tag with an unresolved variable.
 */
export type TagStatus = 'known' | 'unknown' | 'none';

/**
 * Where an image reference points. `ecr` is a private registry `<account>.dkr.ecr.<region>.<domain>`,
 * `ecr-public` is `public.ecr.aws`, and `unknown` means the registry part is an unresolved variable
 * or the text is not an image reference at all.
 */
export type RegistryKind = 'ecr' | 'ecr-public' | 'docker-hub' | 'other' | 'unknown';

/** The parts of an image reference that an unresolved `${VAR}`/`$VAR` can hide. */
export type ImageRefPart = 'registry' | 'account' | 'region' | 'domain' | 'repository' | 'tag' | 'digest';

/** The DNS suffix of ECR hosts in each AWS partition. */
export type EcrDomain =
  | 'amazonaws.com'
  | 'amazonaws.com.cn'
  | 'amazonaws.eu'
  | 'c2s.ic.gov'
  | 'sc2s.sgov.gov'
  | 'csp.hci.ic.gov'
  | 'cloud.adc-e.uk';

/** A parsed `FROM` image reference. Fields are `undefined` when absent or hidden by a variable. */
export interface ImageRef {
  /** the input, trimmed */
  ref: string;
  registryKind: RegistryKind;
  /** the registry host as written (`docker.io` is only set when written) */
  registry?: string;
  /** ECR only: the 12-digit account of the host */
  account?: string;
  /** ECR only: the region of the host */
  region?: string;
  /** ECR only: the DNS suffix of the host */
  domain?: EcrDomain;
  /** the path after the host, as written (`library/` is not added for Docker Hub) */
  repository?: string;
  tag?: string;
  /** `sha256:…` */
  digest?: string;
  /** the parts that contain an unresolved variable and are therefore unknown */
  unresolved: ImageRefPart[];
  /** what the catalog knows, when the repository is a known SageMaker image repository */
  known?: KnownImage;
  /**
   * Private ECR with a known repository and region: the account that owns the repository in that
   * region. `undefined` when the catalog cannot tell (region not listed, or unresolved).
   */
  expectedAccount?: string;
  /** `account === expectedAccount`, or `undefined` when either is unknown */
  accountMatches?: boolean;
}

/** Catalog facts about a recognised SageMaker image repository and its tag. */
export interface KnownImage {
  /**
   * The catalog family (SDK file name): `pytorch`, `huggingface`, `linear-learner`, `djl-lmi`, …
   * For `djl-inference`, shared by the DJL families, the tag decides; `djl-lmi` when it cannot.
   */
  family: string;
  displayName: string;
  kind: ImageKind;
  /** the catalog repository name (for ECR Public, the private repository it mirrors) */
  repository: string;
  /**
   * `false` for DLC repositories the SDK data does not list yet (`pytorch` from 2.11,
   * `pytorch-training-arm64`, …); their tags are always `unknown`.
   */
  inCatalog: boolean;
  /** set when the repository (or the tag, for Graviton tags) serves only one of the two */
  scope?: 'training' | 'inference';
  architecture: Architecture;
  tagStatus: TagStatus;
  /**
   * The framework or engine version from the tag, as written (may be an alias such as `2.6`). For
   * Hugging Face it is the transformers version; for TGI/TEI/vLLM/DJL the engine release.
   */
  version?: string;
  /** the full catalog version `version` resolves to, when the catalog lists it */
  catalogVersion?: string;
  /** Hugging Face: the PyTorch/TensorFlow version in front of `-transformers` */
  baseFrameworkVersion?: string;
  /** `cpu`, `gpu`, `inf`, …; `gpu` is also inferred from a CUDA part and from Triton's bare GPU tag */
  processor?: string;
  /** `py312`, … */
  pyVersion?: string;
  /** `cu124`, … */
  cuda?: string;
  /** `ubuntu22.04`, `amzn2023`, … */
  os?: string;
  /** the tag is an EC2/ECS/EKS build (`-ec2`, `-ec2-vN`): it lacks the SageMaker stage */
  ec2: boolean;
}

/** A family (one SDK catalog file) for pickers. */
export interface FamilyInfo {
  id: string;
  displayName: string;
  kind: ImageKind;
  /** the scopes the family serves; empty for `sagemaker-base-python`, which has none */
  scopes: Scope[];
  /** the catalog repositories the family's images live in */
  repositories: string[];
}

/** A version for pickers; aliases point at the full version they stand for. */
export interface VersionInfo {
  version: string;
  /** set when `version` is a `version_aliases` key */
  aliasOf?: string;
}

/** The arguments of {@link buildImageUri}; they mirror the SDK's `image_uris.retrieve`. */
export interface ImageUriRequest {
  /** the family id (SDK `framework`): `pytorch`, `huggingface`, `linear-learner`, `sagemaker-base-python`, … */
  framework: string;
  /**
   * The version, or one of its aliases. Files with a single version ignore it (as the SDK does),
   * so it may be omitted for built-in algorithms.
   */
  version?: string;
  /** required only where the family has several scopes and no instance type decides */
  scope?: Scope;
  /** `cpu`, `gpu`, …; wins over `instanceType` for the processor, which still selects Graviton */
  processor?: string;
  /** `ml.g5.xlarge`, `ml.c7g.large`, `local`, `local_gpu` */
  instanceType?: string;
  /** `py312`, …; for `sagemaker-base-python`, `310` (default) or `38` */
  pyVersion?: string;
  region: string;
  /** Hugging Face only: `pytorch2.6.0`, `pytorch2.6`, `tensorflow2.6.3`, … */
  baseFrameworkVersion?: string;
}

/** Why {@link buildImageUri} could not build a URI. */
export type ImageUriError =
  | 'unknown-framework'
  | 'unknown-scope'
  | 'missing-scope'
  | 'unknown-version'
  | 'missing-version'
  | 'unknown-base-framework'
  | 'missing-base-framework'
  | 'unknown-py-version'
  | 'missing-py-version'
  | 'unknown-region'
  | 'unknown-processor'
  | 'missing-processor'
  | 'unknown-instance-type'
  | 'unsupported-instance-type';

/** The result of {@link buildImageUri}: the URI and its parts, or a typed error. */
export type ImageUriResult =
  | {
    ok: true;
    uri: string;
    account: string;
    region: string;
    repository: string;
    /** absent only when the SDK builds no tag */
    tag?: string;
    /** the scope the catalog lookup used; absent for `sagemaker-base-python` */
    scope?: Scope;
  }
  | { ok: false; error: ImageUriError; message: string };
