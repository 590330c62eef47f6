import type { ExecSpec } from '../model';
import { baseInfo } from '../queries/baseImage';
import { programWord } from '../queries/entrypoint';
import { removeInstructionEdit } from '../queries/instructions';
import { webServerPackage } from '../queries/serving';
import { commandName } from '../shell';
import { defineRule } from '../types';

/**
 * The DLCs' own launchers. Restating them (as people do after copying the DLC Dockerfile's tail)
 * changes nothing [DLC:docker/pytorch/Dockerfile.cuda; DLCold:pytorch/inference/docker/2.6/py3/Dockerfile.cpu].
 */
const DLC_ENTRYPOINTS = /(^|\/)(start_with_right_hostname\.sh|dockerd-entrypoint\.py|dockerd_entrypoint\.sh)$/;
/** What the DLC CMDs start; SageMaker replaces the CMD anyway, so restating it is harmless. */
const DLC_COMMANDS = /^(torchserve|multi-model-server|tensorflow_model_server|serve|train)$/;

export const prebuiltEntrypointOverride = defineRule({
  meta: {
    id: 'prebuilt-entrypoint-override',
    severity: 'warning',
    basis: 'heuristic',
    modes: ['train', 'serve'],
    summary: 'A SageMaker pre-built image brings the entrypoint that handles train/serve; setting ENTRYPOINT or CMD on top of it bypasses or does nothing.',
    source: ['DLC:docker/pytorch/Dockerfile.cuda', 'DLC:scripts/docker/pytorch/start_with_right_hostname.sh', 'DLCold:pytorch/inference/docker/2.6/py3/Dockerfile.cpu', 'DG:prebuilt-containers-extend'],
    messages: {
      entrypointOverride: 'This ENTRYPOINT replaces the one of {base}, which starts the toolkit for "train"/"serve"; the new program must then do that itself. To extend the image, leave ENTRYPOINT alone and use ENV SAGEMAKER_PROGRAM (training) or code/inference.py in the model archive (inference).',
      ownServer: 'This ENTRYPOINT replaces the one of {base}, so the toolkit\'s model server does not start: the image serves with the {server} it installs, which must answer /ping and /invocations on port 8080 by itself. To extend the image instead, leave ENTRYPOINT alone and put code/inference.py in the model archive.',
      cmdIgnored: 'SageMaker replaces this CMD with "train"/"serve", which the entrypoint of {base} handles, so it never runs there; it only affects a local "docker run" without arguments. Use ENV SAGEMAKER_PROGRAM (training) or code/inference.py in the model archive (inference) instead.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const base = baseInfo(model);
    const scopes = base.image?.sagemaker?.scopes ?? [];
    if (base.kind !== 'sagemaker' || !scopes.some((s) => s === 'training' || s === 'inference')) return;
    const data = { base: base.image?.repository ?? base.name };
    const entrypoint = model.entrypoint();
    if (entrypoint && !entrypoint.words.slice(0, 3).some((w) => DLC_ENTRYPOINTS.test(w.value))) {
      // An inference image that installs a web stack of its own and starts it (the
      // byoc-pytorch-container sample: nginx + gunicorn + flask behind `python serve.py`) bypasses the
      // toolkit on purpose.
      const server = scopes.includes('training') ? undefined : webServerPackage(model, ctx.buildContext);
      ctx.report(server
        ? { messageId: 'ownServer', range: entrypoint.instruction.getRange(), data: { ...data, server }, severity: 'info', suggestions: [removal(entrypoint)] }
        : { messageId: 'entrypointOverride', range: entrypoint.instruction.getRange(), data, suggestions: [removal(entrypoint)] });
      return;
    }
    const cmd = model.cmd();
    if (cmd && !DLC_COMMANDS.test(commandName(programWord(cmd)))) {
      ctx.report({ messageId: 'cmdIgnored', range: cmd.instruction.getRange(), data, suggestions: [removal(cmd)] });
    }

    function removal(spec: ExecSpec) {
      const keyword = spec.instruction.getKeyword();
      return { title: `Remove this ${keyword} (keep the one of ${data.base})`, edits: [removeInstructionEdit(model, spec.instruction)] };
    }
  },
});
