/**
 * Which build stages a `docker build` of the image actually runs. BuildKit (Docker's default
 * builder since 23.0) builds only the target stage and what it needs: its FROM lineage and the
 * stages it copies or mounts from. A stage outside that set is never pulled or run.
 */
import { copySteps } from '../commands';
import type { Model, Stage } from '../model';

/** The stage a `--from=`/`from=` value names: a stage name (case-insensitive) or index; else an image. */
export function stageByReference(model: Model, reference: string): Stage | undefined {
  const wanted = reference.toLowerCase();
  return model.stages.find((s) => s.name === wanted) ?? (/^\d+$/.test(reference) ? model.stages[Number(reference)] : undefined);
}

const MOUNT_FROM = /--mount=\S*?\bfrom=([^,\s]+)/g;

/** The stages built for the image (the final stage, or the one chosen with --stage). */
export function builtStages(model: Model): Set<Stage> {
  return model.memo('builtStages', () => {
    const built = new Set<Stage>();
    const pending = model.finalStage ? [model.finalStage] : [];
    while (pending.length > 0) {
      const stage = pending.pop() as Stage;
      if (built.has(stage)) continue;
      built.add(stage);
      if (stage.parent) pending.push(stage.parent);
      const sources = copySteps(model, stage).filter((step) => step.stage === stage && step.from !== undefined).map((step) => step.from as string);
      for (const run of stage.runs) {
        for (const match of model.textOf(run.instruction.getRange()).matchAll(MOUNT_FROM)) sources.push(match[1]);
      }
      for (const source of sources) {
        const named = stageByReference(model, source);
        if (named) pending.push(named);
      }
    }
    return built;
  });
}
