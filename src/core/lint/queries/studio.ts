/**
 * Which kind of SageMaker Studio image a file builds, and whether it brings a Jupyter kernel.
 * Studio Classic runs KernelGateway apps: the image only has to provide kernelspecs. Current
 * Studio runs JupyterLab or Code Editor spaces from the image itself [DG:studio-byoi-specs, WEB-studio].
 */
import { copySteps } from '../commands';
import { type Model, memoKey } from '../model';
import type { BuildContext } from '../types';
import { pythonInstalls } from './toolkits';
import { baseInfo } from './baseImage';

const STUDIO_FLAVOUR_MEMO = memoKey();

export type StudioFlavour = 'classic' | 'current';

/** Words that name the KernelGateway app of Studio Classic, in code or in comments. */
const KERNEL_GATEWAY = /kernel[-_ ]?gateway/i;
/** Packages and images of the current Studio's JupyterLab and Code Editor spaces. */
const CURRENT_PACKAGES = ['jupyterlab', 'jupyter-server', 'code-server', 'sagemaker-code-editor', 'sagemaker-jupyterlab-extension'];
const CURRENT_WORDS = /\b(jupyter-lab|jupyterlab|code-server|code-editor|sagemaker-distribution)\b/i;

/**
 * `classic` when the file clearly targets a KernelGateway app (and nothing of current Studio),
 * `current` when it clearly targets JupyterLab/Code Editor spaces, undefined when it cannot tell.
 */
export function studioFlavour(model: Model, context: BuildContext | undefined): StudioFlavour | undefined {
  return model.memo(STUDIO_FLAVOUR_MEMO, () => {
    const names = pythonInstalls(model, context).packages.map((p) => p.name);
    const classic = KERNEL_GATEWAY.test(model.text) || names.includes('jupyter-kernel-gateway');
    const current = names.some((n) => CURRENT_PACKAGES.includes(n)) || CURRENT_WORDS.test(model.text);
    if (classic && !current) return 'classic';
    if (current && !classic) return 'current';
    return undefined;
  }, context);
}

/** Python packages that are, or install, a Jupyter kernel. */
const KERNEL_PACKAGES = [
  'ipykernel', 'jupyter', 'notebook', 'jupyterlab', 'r-irkernel', 'irkernel', 'xeus-python', 'xeus-cling', 'sparkmagic',
  'bash-kernel', 'sos-notebook', 'ipython-kernel', 'metakernel', 'jupyter-kernel-gateway',
];
/** Commands and paths that register a kernelspec by hand. */
const KERNEL_WORDS = /ipykernel|kernelspec|installspec|\/share\/jupyter\/kernels|kernel\.json/i;
/** Bases that ship kernels: SageMaker's Studio images and the Jupyter Docker Stacks. */
const KERNEL_IMAGES = /^jupyter\/|(^|\/)(sagemaker-distribution|sagemaker-base-python)/;

/**
 * Whether the image has a Jupyter kernelspec: `yes` (installed or registered), `no` (the base is
 * known to have none and the file adds none), `maybe` (the base or an install is out of sight).
 */
export function kernelspec(model: Model, context: BuildContext | undefined): 'yes' | 'no' | 'maybe' {
  const installs = pythonInstalls(model, context);
  if (installs.packages.some((p) => KERNEL_PACKAGES.includes(p.name))) return 'yes';
  if (model.imageRuns().some((run) => KERNEL_WORDS.test(model.textOf(run.instruction.getRange())))) return 'yes';
  if (copySteps(model).some((step) => KERNEL_WORDS.test(step.destination) || step.sources.some((s) => KERNEL_WORDS.test(s.value)))) return 'yes';
  const base = baseInfo(model);
  if (base.image && !base.image.unresolved && KERNEL_IMAGES.test(base.image.repository)) return 'yes';
  if (base.kind !== 'known' && base.kind !== 'scratch') return 'maybe';
  return installs.opaque.length > 0 ? 'maybe' : 'no';
}
