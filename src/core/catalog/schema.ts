/**
 * The shape of the generated catalog in `data.ts`. It is the SageMaker Python SDK's
 * `image_uri_config/*.json` with three space savings, and otherwise the same structure, so the
 * URI algorithm in `uri.ts` can follow the SDK's `image_uris.py` step by step:
 *
 * - every region → account map is stored once in {@link RawCatalog.registries} and referenced by
 *   index (the SDK files repeat one of only a few dozen maps in every version entry);
 * - repository names are stored once in {@link RawCatalog.repositories} and referenced by index;
 * - keys are one or two letters; each is documented here.
 */

/** The SDK's image scopes (top-level keys of scoped files, or the `scope` list of unscoped ones). */
export type Scope = 'training' | 'inference' | 'inference_graviton' | 'eia';

/** One SDK version entry (`versions[v]`, or the base-framework entry of a Hugging Face version). */
export interface RawEntry {
  /** `repository`: index into {@link RawCatalog.repositories} */
  r: number;
  /** `registries`: index into {@link RawCatalog.registries} */
  g: number;
  /** `py_versions` */
  py?: string[];
  /** `processors` set on the entry (sklearn and xgboost set them here rather than on the block) */
  p?: string[];
  /** `container_version`: processor → suffix such as `cu124-ubuntu22.04` */
  cv?: Record<string, string>;
  /** `tag_prefix` */
  t?: string;
}

/**
 * A legacy version entry that has no repository of its own but one entry per Python version
 * (TensorFlow 1.13.1 and MXNet 1.4.1: `py2` lives in a `sagemaker-*` repository, `py3` in the DLC one).
 */
export interface RawPyEntries {
  y: Record<string, RawEntry>;
}

/** A `huggingface.json` version: the transformers version nests one entry per base framework. */
export interface RawHfVersion {
  /** `version_aliases` of base frameworks, e.g. `pytorch2.6` → `pytorch2.6.0` */
  a?: Record<string, string>;
  /** base framework (`pytorch2.6.0`, `tensorflow2.6.3`) → entry */
  f: Record<string, RawEntry>;
}

export type RawVersion = RawEntry | RawPyEntries | RawHfVersion;

/** A block: the value of a scope key in scoped files, or the whole of an unscoped file. */
export interface RawBlock {
  /** `versions` */
  v: Record<string, RawVersion>;
  /** `version_aliases`: short name → full version */
  a?: Record<string, string>;
  /** `processors` for every version of the block */
  p?: string[];
}

/**
 * One SDK file (one family). Scoped files set `b`; unscoped files set `u` and `s`; the bare
 * `sagemaker-base-python.json` sets only `u`.
 */
export interface RawFamily {
  /** scoped files: scope → block */
  b?: Partial<Record<Scope, RawBlock>>;
  /** unscoped and bare files: the single block */
  u?: RawBlock;
  /** unscoped files: the `scope` list, the scopes that the single block serves */
  s?: Scope[];
}

export interface RawCatalog {
  /** the region names that {@link registries} columns refer to */
  regions: string[];
  /** the 12-digit AWS accounts that {@link registries} cells refer to */
  accounts: string[];
  /**
   * The distinct `registries` maps. Each is one number per region of {@link regions}, in order:
   * `0` when the map lacks the region, otherwise `1 +` an index into {@link accounts}.
   */
  registries: number[][];
  /** the distinct `repository` names */
  repositories: string[];
  /** file name without `.json` → family */
  families: Record<string, RawFamily>;
}
