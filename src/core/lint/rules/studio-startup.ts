import { kernelspec, studioFlavour } from '../queries/studio';
import { baseInfo } from '../queries/baseImage';
import { defineRule } from '../types';

export const studioStartup = defineRule({
  meta: {
    id: 'studio-startup',
    severity: 'info',
    basis: 'doc',
    modes: ['studio'],
    summary: 'Studio starts custom images its own way: ENTRYPOINT/CMD belong in the AppImageConfig, and a KernelGateway image needs a Jupyter kernelspec.',
    source: ['DG:studio-byoi-specs', 'WEB-studio'],
    messages: {
      startCommand: 'Studio does not start the image with this {keyword}: Studio Classic overrides ENTRYPOINT and CMD, and current Studio expects the start command in the AppImageConfig\'s ContainerConfig (ContainerEntrypoint, ContainerArguments). Set it there.',
      noKernel: 'A Studio Classic (KernelGateway) image needs a Jupyter kernelspec, and nothing in this image installs one, so no kernel can start. Install one, e.g. RUN pip install ipykernel && python -m ipykernel install --sys-prefix.',
      maybeNoKernel: 'Nothing in this Studio image installs a Jupyter kernelspec. A Studio Classic (KernelGateway) image needs one (e.g. RUN pip install ipykernel && python -m ipykernel install --sys-prefix); a JupyterLab or Code Editor image needs its server instead.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    for (const spec of [model.entrypoint(), model.cmd()]) {
      if (!spec) continue;
      ctx.report({ messageId: 'startCommand', range: spec.instruction.getRange(), data: { keyword: spec.instruction.getKeyword() } });
    }
    // Only a base known to have no kernel, with nothing hidden in the file, can show "no kernel".
    if (kernelspec(model, ctx.buildContext) !== 'no') return;
    const range = baseInfo(model).range ?? model.finalStage?.from.getRange();
    if (!range) return;
    const flavour = studioFlavour(model, ctx.buildContext);
    if (flavour === 'classic') ctx.report({ messageId: 'noKernel', range, severity: 'warning' });
    else if (flavour === undefined) ctx.report({ messageId: 'maybeNoKernel', range });
  },
});
