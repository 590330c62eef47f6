/**
 * The catalog of pre-built SageMaker images (Deep Learning Containers, framework images, built-in
 * algorithms, LLM serving and Studio images), generated from the SageMaker Python SDK's data.
 *
 * - {@link parseImageRef} reads a `FROM` reference and says what the catalog knows about it.
 * - {@link buildImageUri} builds the URI the SDK would build.
 * - The `list*` functions and the instance helpers feed completion and the decision wizard.
 * - {@link suggestTags} offers the nearest known tags for an unknown one.
 */
export { buildImageUri } from './uri';
export { parseImageRef } from './ref';
export { suggestTags } from './suggest';
export {
  listBaseFrameworkVersions, listFamilies, listProcessors, listPyVersions, listRegions, listVersions,
} from './list';
export {
  instanceFamily, isGpuInstance, isGravitonInstance, processorForInstance, type InstanceProcessor,
} from './instances';
export { compareVersions } from './versions';
export { isAwsImageAccount } from './lookup';
export type {
  Architecture, EcrDomain, FamilyInfo, ImageKind, ImageRef, ImageRefPart, ImageUriError, ImageUriRequest,
  ImageUriResult, KnownImage, RegistryKind, Scope, TagStatus, VersionInfo,
} from './types';
