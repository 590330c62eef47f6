import type { ExecSpec } from '../model';
import { baseFacts } from '../queries/base';
import { programWord } from '../queries/entrypoint';
import { removeInstructionEdit } from '../queries/instructions';
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
      cmdIgnored: 'SageMaker replaces this CMD with "train"/"serve", which the entrypoint of {base} handles, so it never runs there; it only affects a local "docker run" without arguments. Use ENV SAGEMAKER_PROGRAM (training) or code/inference.py in the model archive (inference) instead.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const base = baseFacts(model);
    const scopes = base.image?.sagemaker?.scopes ?? [];
    if (base.kind !== 'sagemaker' || !scopes.some((s) => s === 'training' || s === 'inference')) return;
    const data = { base: base.image?.repository ?? base.name };
    const entrypoint = model.entrypoint();
    if (entrypoint && !entrypoint.words.slice(0, 3).some((w) => DLC_ENTRYPOINTS.test(w.value))) {
      ctx.report({ messageId: 'entrypointOverride', range: entrypoint.instruction.getRange(), data, suggestions: [removal(entrypoint)] });
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
