import { copySteps, workdirOf } from '../commands';
import { defineRule, Mode } from '../types';
import { isUnder } from '../queries/filesystem';
import { runEffects } from '../queries/runEffects';

/**
 * The directories SageMaker fills or mounts at run time, the jobs that do so, and what happens
 * there [DG:your-algorithms-training-algo-dockerfile "reserved"; DG inference; DG processing].
 * `/opt/ml/code` is not among them: the toolkit keeps code baked there.
 */
const ML_ROOT = '/opt/ml';
const RESERVED: { dir: string; modes: Mode[]; why: string }[] = [
  { dir: '/opt/ml/model', modes: ['train', 'serve'], why: 'hosting unpacks model.tar.gz there, and training packs it into model.tar.gz' },
  { dir: '/opt/ml/input', modes: ['train'], why: 'training writes the job configuration and data channels there' },
  { dir: '/opt/ml/output', modes: ['train', 'processing'], why: 'jobs write their output and failure files there' },
  { dir: '/opt/ml/checkpoints', modes: ['train'], why: 'training syncs it with the checkpoint location in S3' },
  { dir: '/opt/ml/processing', modes: ['processing'], why: 'processing jobs mount their inputs and outputs there' },
  { dir: '/opt/ml/config', modes: ['processing'], why: 'processing jobs write their configuration there' },
];

export const writeToMountedPath = defineRule({
  meta: {
    id: 'write-to-mounted-path',
    severity: 'warning',
    basis: 'doc',
    modes: ['train', 'serve', 'processing'],
    summary: 'Do not bake files into the /opt/ml directories SageMaker fills at run time (model, input, output, checkpoints, processing, config).',
    source: ['DG:your-algorithms-training-algo-dockerfile', 'DG:your-algorithms-inference-code', 'DG:build-your-own-processing-container'],
    messages: {
      baked: '{what} {path}, inside {dir}, which SageMaker reserves ({why}): what the image puts there can be hidden when the job starts. Keep code in /opt/ml/code (training toolkit) or /opt/program, and other files outside /opt/ml.',
      workdir: 'The container starts in {path}, inside {dir}, which SageMaker reserves ({why}): files the program expects there can be hidden, and /opt/ml/model is read-only while serving. Use /opt/program, or /opt/ml/code with the training toolkit.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    // Every reserved directory is under /opt/ml: most paths are settled by that one comparison.
    const reservedFor = (path: string) => (isUnder(path, ML_ROOT)
      ? RESERVED.find((r) => isUnder(path, r.dir) && r.modes.some((m) => ctx.modes.has(m)))
      : undefined);
    for (const step of copySteps(model)) {
      const reserved = reservedFor(step.destination);
      if (!reserved) continue;
      ctx.report({
        messageId: 'baked',
        range: step.destinationWord.range,
        data: { what: `${step.keyword} into`, path: step.destination.replace(/(.)\/$/, '$1'), dir: reserved.dir, why: reserved.why },
      });
    }
    for (const write of runEffects(model).writes) {
      const reserved = reservedFor(write.path);
      if (!reserved) continue;
      ctx.report({ messageId: 'baked', range: write.range, data: { what: 'This RUN writes', path: write.path, dir: reserved.dir, why: reserved.why } });
    }
    const workdirs = model.imageInstructionsOf('WORKDIR');
    const last = workdirs[workdirs.length - 1];
    const workdir = last ? workdirOf(model, last) : undefined;
    const reserved = workdir !== undefined ? reservedFor(workdir) : undefined;
    if (last && workdir && reserved) {
      const word = model.words(last)[0];
      ctx.report({ messageId: 'workdir', range: word?.range ?? last.getRange(), data: { path: workdir, dir: reserved.dir, why: reserved.why } });
    }
  },
});
