import { defineRule } from '../types';

export const entrypointShellForm = defineRule({
  meta: {
    id: 'entrypoint-shell-form',
    // The catalog says E, but an argument-ignoring script in shell form does start and run; what
    // is lost is the train/serve word and SIGTERM, so the failure is not certain.
    severity: 'warning',
    basis: 'doc',
    modes: ['train', 'serve', 'processing'],
    summary: 'ENTRYPOINT must use the exec (JSON array) form so the program receives train/serve and SIGTERM.',
    source: ['DG:your-algorithms-training-algo-dockerfile', 'DG:your-algorithms-inference-code', 'DG:build-your-own-processing-container', 'WEB-docker-exec'],
    messages: {
      shellForm: 'Shell-form ENTRYPOINT runs under /bin/sh -c: it never receives SageMaker\'s "train"/"serve" argument and does not get SIGTERM when the job stops. Use the exec form, e.g. ENTRYPOINT {suggestion}.',
      invalidJson: 'This ENTRYPOINT looks like exec form but is not valid JSON (exec form needs double quotes), so Docker runs it under /bin/sh -c: it never receives "train"/"serve" nor SIGTERM.',
    },
  },
  check(ctx) {
    const entrypoint = ctx.model.entrypoint();
    if (!entrypoint || entrypoint.form !== 'shell') return;
    const range = entrypoint.instruction.getRange();
    const argsRange = entrypoint.instruction.getArgumentsRange();
    const written = argsRange ? ctx.model.textOf(argsRange).trim() : '';
    if (written.startsWith('[')) {
      const doubleQuoted = written.replace(/'/g, '"');
      ctx.report({
        messageId: 'invalidJson',
        range,
        suggestions: isStringArray(doubleQuoted) && argsRange
          ? [{ title: `Use double quotes: ENTRYPOINT ${doubleQuoted}`, edits: [{ range: argsRange, newText: doubleQuoted }] }]
          : undefined,
      });
      return;
    }
    const [command, ...others] = entrypoint.commands;
    // Converting is only mechanical for one simple command without expansions: exec form does
    // not expand $VARS, and it changes what the program receives, so it stays a suggestion.
    const convertible = command && others.length === 0 && command.assignments.length === 0 && command.words.every((w) => !w.expands);
    const execForm = convertible ? `[${command.words.map((w) => JSON.stringify(w.value)).join(', ')}]` : '["python3", "/opt/program/entry.py"]';
    ctx.report({
      messageId: 'shellForm',
      range,
      data: { suggestion: execForm },
      suggestions: convertible && argsRange
        ? [{ title: `Convert to exec form: ENTRYPOINT ${execForm}`, edits: [{ range: argsRange, newText: execForm }] }]
        : undefined,
    });
  },
});

function isStringArray(json: string): boolean {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
  } catch {
    return false;
  }
}
