import { Arg, Env, Instruction } from 'dockerfile-ast';
import { eolOf } from '../edits';
import { baseImageOf } from '../queries/baseImage';
import { Model, PREDEFINED_ARGS, Stage } from '../model';
import { insertLineAfter } from '../queries/lines';
import { isImageReference } from '../queries/references';
import { instructionVariableReferences, shellAssignedNames, VariableReference, variableReferences } from '../queries/variables';
import type { Severity, Suggestion } from '../types';
import { defineRule } from '../types';

const NO_REFERENCES: readonly VariableReference[] = [];
const NO_NAMES: ReadonlySet<string> = new Set();

/** Instructions whose arguments Docker itself expands with the stage's ARG and ENV values. */
const DOCKER_EXPANDED = new Set(['ENV', 'LABEL', 'WORKDIR', 'COPY', 'ADD', 'EXPOSE', 'USER', 'VOLUME', 'STOPSIGNAL', 'ARG']);

/**
 * Variables a RUN always has from the shell or the runtime, whatever the build arguments: a global
 * ARG of one of these names is not what a `$NAME` in the stage refers to.
 */
const ALWAYS_SET = new Set([
  'PATH', 'HOME', 'PWD', 'OLDPWD', 'HOSTNAME', 'USER', 'SHELL', 'SHLVL', 'TERM', 'IFS', 'UID', 'EUID', 'PPID',
  'RANDOM', 'LINENO', 'SECONDS', 'LANG', 'LC_ALL', 'PYTHONPATH', 'LD_LIBRARY_PATH',
]);

/**
 * Base images whose ENV is known: a global ARG name used in a stage on them is empty unless it is
 * one of these. On any other base the image may set an ENV of that name, so the finding is info.
 */
const BASE_ENV: Record<string, RegExp> = {
  ubuntu: /^$/, debian: /^$/, alpine: /^$/, amazonlinux: /^$/, centos: /^$/, rockylinux: /^$/, almalinux: /^$/, fedora: /^$/, busybox: /^$/,
  python: /^(PYTHON_\w+|GPG_KEY)$/,
  'nvidia/cuda': /^(NV_\w+|NVIDIA_\w+|NVARCH|CUDA_VERSION|NCCL_VERSION|CUDNN_VERSION)$/,
};

/** Stand-ins for BuildKit's automatic platform ARGs when judging what a FROM expands to. */
const SAMPLE_PLATFORM_ARGS: Record<string, string> = {
  TARGETPLATFORM: 'linux/amd64', BUILDPLATFORM: 'linux/amd64', TARGETOS: 'linux', BUILDOS: 'linux', TARGETARCH: 'amd64', BUILDARCH: 'amd64',
};

export const argScope = defineRule({
  meta: {
    id: 'arg-scope',
    severity: 'error',
    basis: 'doc',
    modes: ['train', 'serve', 'processing', 'studio'],
    summary: 'A FROM can only use ARGs declared before the first FROM, and a stage sees a global ARG only after re-declaring it.',
    source: ['WEB-docker-arg', 'EXP:container/Dockerfile'],
    messages: {
      fromNotDeclared: '{name} is not declared before the first FROM, so it is empty in this FROM{effect}. Declare ARG {name}=<value> before the first FROM.',
      fromDeclaredInStage: '{name} is declared inside a build stage (line {line}), and FROM only sees ARGs declared before the first FROM, so it is empty here{effect}. Move the ARG before the first FROM (and keep a bare ARG {name} in stages that use it).',
      fromNoValue: 'ARG {name} has no default, so this FROM works only with --build-arg {name}=…{effect}.',
      notInStage: '{name} is a global ARG (declared before the first FROM), and a stage does not see global ARGs it does not re-declare, so it is empty here. Add a bare ARG {name} at the start of this stage.',
      notInStageBaseUnknown: '{name} is a global ARG (declared before the first FROM), and a stage does not see global ARGs it does not re-declare, so it is empty here unless the base image sets ENV {name}. Add a bare ARG {name} at the start of this stage.',
    },
  },
  check(ctx) {
    const { model } = ctx;
    const firstFrom = model.stages[0]?.from;
    if (!firstFrom) return;
    const configured = Object.keys(model.buildArgs).length > 0;

    for (const stage of model.stages) {
      const imageRange = stage.imageRange;
      const references = imageRange ? variableReferences(model, imageRange, 'docker') : [];
      if (references.length > 0) {
        // What Docker would pull: global values where there are some, empty text elsewhere.
        const withValues = model.substitute(stage.image, (name) => globalValue(model, name) ?? (Object.hasOwn(SAMPLE_PLATFORM_ARGS, name) ? SAMPLE_PLATFORM_ARGS[name] : undefined)).value;
        const pulled = model.substitute(withValues, () => '').value;
        const rejected = !isImageReference(pulled) && !pulled.includes('$');
        const effect = rejected
          ? `: the reference becomes "${pulled}", which Docker rejects`
          : `: Docker would use "${pulled}"`;
        checkFromReferences(references, rejected, effect);
      }
      const platformRange = stage.platformFlag?.valueRange;
      if (platformRange) {
        checkFromReferences(variableReferences(model, platformRange, 'docker'), false, ': the build then uses the builder\'s own platform');
      }
      checkStageUses(stage);
    }

    function checkFromReferences(references: VariableReference[], rejected: boolean, effect: string): void {
      for (const ref of references) {
        if (ref.guarded || PREDEFINED_ARGS.has(ref.name)) continue;
        const global = model.globalArgs.get(ref.name);
        if (global) {
          // Left empty on purpose when the FROM still works without it (`${REGISTRY}python:3.11`).
          if (global.value !== undefined || !rejected) continue;
          ctx.report({
            messageId: 'fromNoValue', range: ref.range,
            // Without configured build arguments, the value is most likely passed by a build script.
            severity: configured ? 'error' : 'info',
            data: { name: ref.name, effect: configured ? ', and the configured build arguments do not set it' : '; set buildArgs so that smlint can check the base image' },
          });
          continue;
        }
        const severity: Severity = rejected ? 'error' : 'warning';
        const inStage = model.stages.map((s) => s.args.get(ref.name)).find((a) => a !== undefined);
        if (inStage) {
          const declaration = model.textOf(inStage.range);
          ctx.report({
            messageId: 'fromDeclaredInStage', range: ref.range, severity,
            data: { name: ref.name, line: inStage.range.start.line + 1, effect },
            suggestions: declaration.includes('=') ? [declareGlobally(declaration)] : undefined,
          });
        } else {
          ctx.report({
            messageId: 'fromNotDeclared', range: ref.range, severity, data: { name: ref.name, effect },
            // A --build-arg for it exists, so a bare declaration is all that is missing.
            suggestions: ref.name in model.buildArgs ? [declareGlobally(ref.name)] : undefined,
          });
        }
      }
    }

    function declareGlobally(declaration: string): Suggestion {
      const at = { line: firstFrom!.getRange().start.line, character: 0 };
      return { title: `Declare ARG ${declaration} before the first FROM`, edits: [{ range: { start: at, end: at }, newText: `ARG ${declaration}${eolOf(model.text)}` }] };
    }

    function checkStageUses(stage: Stage): void {
      if (model.globalArgs.size === 0) return;
      const inScope = new Set(stage.parent ? stage.parent.env.keys() : []);
      const reported = new Set<string>();
      const baseEnv = knownBaseEnv(model, stage);
      // The stage keeps one step per RUN, in order.
      let runs = 0;
      for (const instruction of stage.instructions) {
        const keyword = model.keyword(instruction);
        let references: readonly VariableReference[] = NO_REFERENCES;
        let assigned: ReadonlySet<string> = NO_NAMES;
        if (keyword === 'RUN') {
          const run = stage.runs[runs++];
          // Exec-form RUN expands nothing itself; a RUN that sources a file may set anything.
          if (run && !model.jsonArray(instruction)) {
            references = instructionVariableReferences(model, instruction, 'shell');
            const names = references.length > 0 ? shellAssignedNames(run) : assigned;
            if (names) assigned = names; else references = NO_REFERENCES;
          }
        } else if (DOCKER_EXPANDED.has(keyword)) {
          references = instructionVariableReferences(model, instruction, 'docker');
        }
        for (const ref of references) {
          const { name } = ref;
          if (ref.guarded || inScope.has(name) || assigned.has(name) || reported.has(name) || !model.globalArgs.has(name)) continue;
          if (ALWAYS_SET.has(name) || PREDEFINED_ARGS.has(name) || baseEnv?.test(name)) continue;
          reported.add(name);
          ctx.report({
            messageId: baseEnv ? 'notInStage' : 'notInStageBaseUnknown',
            range: ref.range,
            severity: baseEnv ? 'warning' : 'info',
            data: { name },
            suggestions: [redeclare(stage, name)],
          });
        }
        for (const name of declaredNames(model, instruction)) inScope.add(name);
      }
    }

    function redeclare(stage: Stage, name: string): Suggestion {
      return { title: `Add ARG ${name} after this stage's FROM`, edits: [insertLineAfter(model, stage.from, `ARG ${name}`)] };
    }
  },
});

function globalValue(model: Model, name: string): string | undefined {
  return model.globalArgs.get(name)?.value;
}

/** The ENV names the stage's external base sets (none for an OS image or scratch), or undefined when that is not known. */
function knownBaseEnv(model: Model, stage: Stage): RegExp | undefined {
  const base = baseImageOf(model, stage);
  if (!base) return model.baseStage(stage)?.resolvedImage.toLowerCase() === 'scratch' ? /^$/ : undefined;
  return base.unresolved ? undefined : BASE_ENV[base.repository];
}

/** The names an ARG or ENV instruction declares. */
function declaredNames(model: Model, instruction: Instruction): string[] {
  if (instruction instanceof Arg) return [instruction.getProperty()?.getName() ?? ''];
  if (instruction instanceof Env) return model.properties(instruction).map((p) => p.getName());
  return [];
}
