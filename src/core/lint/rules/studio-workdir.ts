import { copySteps, joinPath, workdirOf } from '../commands';
import { insertLineAfter, lastInstruction } from '../queries/lines';
import { studioFlavour } from '../queries/studio';
import { expandAt } from '../queries/variables';
import { defineRule, type Range } from '../types';
import { isUnder } from '../queries/filesystem';
import { runEffects } from '../queries/runEffects';

const HOME = '/home/sagemaker-user';
/** Paths Studio mounts or writes itself [WEB-studio, DG:studio-byoi-specs]. */
const RESERVED = ['/opt/ml', '/opt/.sagemakerinternal', '/var/log/studio'];

export const studioWorkdir = defineRule({
  meta: {
    id: 'studio-workdir',
    severity: 'warning',
    basis: 'doc',
    modes: ['studio'],
    summary: 'Studio images should end with a WORKDIR inside /home/sagemaker-user and leave /opt/ml, /opt/.sagemakerinternal and /var/log/studio empty.',
    source: ['WEB-studio', 'DG:studio-byoi-specs'],
    messages: {
      outsideHome: 'Studio starts the space in the image\'s WORKDIR, {path}, which is outside /home/sagemaker-user where the space\'s storage is mounted: files created there are not kept. End the image with WORKDIR /home/sagemaker-user.',
      reserved: '{path} is under {root}, which Studio reserves and mounts or writes itself at run time; what the image puts there is hidden or clashes with it. Keep it empty and use another directory.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const stage = model.finalStage;
    if (!stage) return;
    const reported = new Set<string>();
    const reserved = (path: string | undefined, range: Range) => {
      const root = path === undefined ? undefined : RESERVED.find((r) => isUnder(path, r));
      const key = `${range.start.line}:${range.start.character}`;
      if (!root || path === undefined || reported.has(key)) return;
      reported.add(key);
      ctx.report({ messageId: 'reserved', range, data: { path, root } });
    };

    for (const step of copySteps(model)) reserved(step.destination.replace(/(.)\/$/, '$1'), step.destinationWord.range);
    for (const write of runEffects(model).writes) reserved(write.path, write.range);
    for (const run of model.imageRuns()) {
      for (const command of run.commands) {
        if (command.name !== 'mkdir') continue;
        for (const word of command.words.slice(1)) {
          const expanded = expandAt(model, run.instruction, word.value);
          if (expanded.unresolved.length === 0 && expanded.value.startsWith('/')) reserved(joinPath('/', expanded.value), word.range);
        }
      }
    }

    const workdirs = model.imageInstructionsOf('WORKDIR').map((instruction) => {
      const word = model.words(instruction)[0];
      if (!word) return undefined;
      const expanded = expandAt(model, instruction, word.value);
      const before = workdirOf(model, instruction);
      const path = expanded.unresolved.length > 0 ? undefined
        : expanded.value.startsWith('/') ? joinPath('/', expanded.value)
          : before === undefined ? undefined : joinPath(before, expanded.value);
      return { word, path };
    });
    for (const workdir of workdirs) if (workdir) reserved(workdir.path, workdir.word.range);

    // The WORKDIR guidance is the current Studio's; a Studio Classic (KernelGateway) image is
    // started by its kernel gateway, so it is left alone there.
    const last = workdirs[workdirs.length - 1];
    if (!last || last.path === undefined || isUnder(last.path, HOME) || studioFlavour(model, ctx.buildContext) === 'classic') return;
    if (RESERVED.some((r) => isUnder(last.path as string, r))) return;
    ctx.report({
      messageId: 'outsideHome',
      range: last.word.range,
      data: { path: last.path },
      suggestions: [{ title: `End the image with WORKDIR ${HOME}`, edits: [insertLineAfter(model, lastInstruction(stage), `WORKDIR ${HOME}`)] }],
    });
  },
});
