/**
 * Variable expansion as Docker does it, at the two moments that matter: at build time, for the
 * instructions whose arguments Docker expands (COPY, USER, WORKDIR, VOLUME, EXPOSE, …) from the
 * ARG and ENV values declared *before* them; and at run time, when a shell in ENTRYPOINT/CMD
 * expands `$X` from the image's final ENV (ARGs are gone by then).
 */
import type { Instruction } from 'dockerfile-ast';
import type { Model } from '../model';

export interface Expansion {
  value: string;
  /** names the linter cannot see a value for; when non-empty, `value` keeps them as written */
  unresolved: string[];
}

function before(a: { line: number; character: number }, b: { line: number; character: number }): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/**
 * Expands `value` as Docker expands the arguments of `instruction`. A variable that the stage
 * sets only later, or sets again later (the model keeps the last value), counts as unresolved.
 */
export function expandAt(model: Model, instruction: Instruction, value: string): Expansion {
  if (!value.includes('$')) return { value, unresolved: [] };
  // (not files.ts's stageOf: files.ts builds on this module)
  const stage = model.stages.find((s) => s.instructions.includes(instruction));
  const at = instruction.getRange().start;
  const lookup = (name: string): string | undefined => {
    if (!stage) return undefined;
    const env = stage.env.get(name);
    // ENV wins over ARG; set again after this point, its value here is no longer known.
    if (env) return before(env.instruction.getRange().start, at) ? env.value : undefined;
    const arg = stage.args.get(name);
    if (arg && before(arg.range.start, at)) return arg.value;
    return undefined;
  };
  return model.substitute(value, lookup);
}

/** Expands `value` as a shell in the running container would, from the image's final ENV. */
export function expandAtRuntime(model: Model, value: string): Expansion {
  if (!value.includes('$')) return { value, unresolved: [] };
  const env = model.finalStage?.env;
  return model.substitute(value, (name) => env?.get(name)?.value);
}
