import { imagePackages, InstalledPackage } from '../commands';
import { removeWordEdit } from '../queries/words';
import { commandName, type Word } from '../shell';
import { defineRule } from '../types';

/**
 * Packages that are the driver itself, on Debian/Ubuntu, the CUDA repositories and RHEL-likes. Not
 * reported: the CUDA toolkit and forward-compatibility packages (`cuda-toolkit-*`, `cuda-compat-*`),
 * which are what the guide asks for; libraries (`libnvidia-*`), which a name alone cannot tell from
 * driver pieces; `nvidia-container-toolkit`; the `*-local-repo-*` packages, which only add a
 * repository; and `cuda-drivers-fabricmanager-*`, the NVSwitch service.
 */
const DRIVER_PACKAGE = /^(nvidia-driver|nvidia-driver-.+|cuda-drivers|cuda-drivers-.+|nvidia-headless-(no-dkms-)?\d.*|nvidia-dkms-\d.*|kmod-nvidia.*)$/;
const NOT_A_DRIVER = /-local-repo|fabricmanager/;
/** NVIDIA's own driver installer; the CUDA runfile (`cuda_*.run`) can install the toolkit alone. */
const DRIVER_RUNFILE = /(^|\/)NVIDIA-Linux-[^/]*\.run$/;
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh']);

export const nvidiaDriverInImage = defineRule({
  meta: {
    id: 'nvidia-driver-in-image',
    severity: 'error',
    basis: 'doc',
    modes: ['train', 'serve', 'processing', 'studio'],
    summary: 'GPU images must not contain the NVIDIA driver: the SageMaker host provides it; ship only the CUDA toolkit or runtime.',
    source: ['DG:your-algorithms-training-algo-dockerfile', 'DG:your-algorithms-inference-code', 'DG:build-your-own-processing-container', 'DG:studio-byoi-specs'],
    messages: {
      driverPackage: '{package} is the NVIDIA driver. SageMaker asks for the CUDA toolkit only: the GPU host injects its own driver through the NVIDIA container runtime, and a driver in the image clashes with it. Remove the package (an nvidia/cuda base or the CUDA toolkit packages are enough).',
      driverInstaller: 'This runs NVIDIA\'s driver installer (NVIDIA-Linux-*.run). SageMaker asks for the CUDA toolkit only: the GPU host injects its own driver through the NVIDIA container runtime, and a driver in the image clashes with it. Remove this step.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const system = imagePackages(model).filter((p) => p.manager !== 'pip' && p.manager !== 'conda');
    for (const pkg of system) {
      if (!DRIVER_PACKAGE.test(pkg.name) || NOT_A_DRIVER.test(pkg.name)) continue;
      // Removing the only package would leave an install of nothing; the person decides then.
      const others = system.filter((p) => p.command === pkg.command && p !== pkg);
      ctx.report({
        messageId: 'driverPackage',
        range: pkg.word.range,
        data: { package: pkg.word.value },
        suggestions: others.length > 0 && !isDriverOnly(others)
          ? [{ title: `Remove ${pkg.word.value} from this install`, edits: [removeWordEdit(model, pkg.word)] }]
          : undefined,
      });
    }
    for (const run of model.imageRuns()) {
      for (const command of run.commands) {
        const first = command.words[0];
        const second = command.words[1];
        const runsInstaller = isDriverRunfile(first) || (SHELLS.has(commandName(first)) && isDriverRunfile(second));
        if (!runsInstaller) continue;
        ctx.report({ messageId: 'driverInstaller', range: command.range });
      }
    }
  },
});

function isDriverRunfile(word: Word | undefined): boolean {
  return !!word && word.value.endsWith('.run') && DRIVER_RUNFILE.test(word.value);
}

function isDriverOnly(packages: InstalledPackage[]): boolean {
  return packages.every((p) => DRIVER_PACKAGE.test(p.name) && !NOT_A_DRIVER.test(p.name));
}
