/** SageMaker instance types: family, processor and architecture, as the SDK reads them. */

/**
 * The real-time hosting families with Graviton (arm64) CPUs (sagemaker-contract.md §3.1). The SDK
 * knows only the first eight; the catalog uses the full list, so a c8g endpoint gets the arm64
 * image instead of an amd64 one that would fail with `exec format error`.
 */
const GRAVITON_FAMILIES: ReadonlySet<string> = new Set([
  'm6g', 'm6gd', 'c6g', 'c6gd', 'c6gn', 'c7g', 'r6g', 'r6gd', 'c8g', 'm8g', 'r7gd', 'r8g',
]);

/** The processor kinds an instance type maps to. */
export type InstanceProcessor = 'cpu' | 'gpu' | 'inf' | 'trn';

/** `ml.g5.xlarge` → `g5`, `ml.p6-b200.48xlarge` → `p6-b200` (the SDK's pattern); else `undefined`. */
export function instanceFamily(instanceType: string): string | undefined {
  return /^ml[._]([a-z\d-]+)\.?\w*$/.exec(instanceType)?.[1];
}

/**
 * The processor the SDK picks for an instance type: `local` → cpu, `local_gpu` → gpu, `inf*` → inf,
 * `trn*` → trn, `g*`/`p*` → gpu, anything else → cpu. `undefined` for a malformed type.
 */
export function processorForInstance(instanceType: string): InstanceProcessor | undefined {
  if (instanceType.startsWith('local')) return instanceType === 'local' ? 'cpu' : 'gpu';
  const family = instanceFamily(instanceType);
  if (!family) return undefined;
  if (family.startsWith('inf')) return 'inf';
  if (family.startsWith('trn')) return 'trn';
  return family[0] === 'g' || family[0] === 'p' ? 'gpu' : 'cpu';
}

/** Whether the instance type has NVIDIA GPUs (including `local_gpu`). */
export function isGpuInstance(instanceType: string): boolean {
  return processorForInstance(instanceType) === 'gpu';
}

/** Whether the instance type is a Graviton (arm64) hosting family such as `ml.c7g.xlarge`. */
export function isGravitonInstance(instanceType: string): boolean {
  const family = instanceFamily(instanceType);
  return family !== undefined && GRAVITON_FAMILIES.has(family);
}
