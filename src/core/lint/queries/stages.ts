/**
 * Which build stages a `docker build` of the image actually runs. BuildKit (Docker's default
 * builder since 23.0) builds only the target stage and what it needs: its FROM lineage and the
 * stages it copies or mounts from. A stage outside that set is never pulled or run.
 */
import { copySteps } from '../commands';
import { type Model, type Stage, memoKey } from '../model';

const BUILT_STAGES_MEMO = memoKey();
const COPIED_STAGES_MEMO = memoKey();

/** The stage a `--from=`/`from=` value names: a stage name (case-insensitive) or index; else an image. */
export function stageByReference(model: Model, reference: string): Stage | undefined {
  const wanted = reference.toLowerCase();
  return model.stages.find((s) => s.name === wanted) ?? (/^\d+$/.test(reference) ? model.stages[Number(reference)] : undefined);
}

const MOUNT_FROM = /--mount=\S*?\bfrom=([^,\s]+)/g;

/** The stages built for the image (the final stage, or the one chosen with --stage). */
export function builtStages(model: Model): ReadonlySet<Stage> {
  return model.memo(BUILT_STAGES_MEMO, () => new Set(reachableStages(model, true)));
}

/**
 * The stages whose files end up in the image: its lineage and, transitively, the stages it copies
 * from with `COPY --from`, in the order a reader meets them.
 */
export function copiedStages(model: Model): readonly Stage[] {
  return model.memo(COPIED_STAGES_MEMO, () => reachableStages(model, false));
}

/** The image's lineage and the stages it copies (and, with `mounts`, mounts) from, transitively. */
function reachableStages(model: Model, mounts: boolean): Stage[] {
  const found: Stage[] = [];
  const visit = (stage: Stage) => {
    for (const s of model.lineage(stage)) {
      if (found.includes(s)) continue;
      found.push(s);
      for (const source of sourceStages(model, s, mounts)) visit(source);
    }
  };
  if (model.finalStage) visit(model.finalStage);
  return found;
}

function sourceStages(model: Model, stage: Stage, mounts: boolean): Stage[] {
  const references: string[] = [];
  for (const step of copySteps(model, stage)) {
    if (step.stage === stage && step.from !== undefined) references.push(step.from);
  }
  if (mounts && model.text.includes('--mount')) {
    for (const run of stage.runs) {
      if (!model.mentions(run.instruction, '--mount')) continue;
      for (const match of model.textOf(run.instruction.getRange()).matchAll(MOUNT_FROM)) references.push(match[1]);
    }
  }
  const stages: Stage[] = [];
  for (const reference of references) {
    const named = stageByReference(model, reference);
    if (named) stages.push(named);
  }
  return stages;
}
