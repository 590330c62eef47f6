/**
 * Questions about the shape of an ENTRYPOINT or CMD: which program it starts, whether it is only
 * an interpreter waiting for a script, whether an init wrapper sits in front of the program.
 */
import { INTERPRETERS } from '../knowledge';
import type { ExecSpec, Model } from '../model';
import { commandName, Word } from '../shell';

/**
 * The image's ENTRYPOINT as far as the file shows it; `ENTRYPOINT []` clears the entrypoint, so it
 * counts as none.
 */
export function imageEntrypoint(model: Model): ExecSpec | undefined {
  const spec = model.entrypoint();
  return spec && spec.form === 'exec' && spec.words.length === 0 ? undefined : spec;
}

/** Interpreter options after which the next word is code or a module, not a script file. */
const CODE_OPTIONS = /^(-[cm]|-[cm].+|-e|-E|-p|--eval|--print|-jar)$/;

/**
 * The interpreter word when the exec-form spec is an interpreter with at most options and no
 * script (`["python3"]`, `["python3", "-u"]`, `["bash"]`): the first run-time argument then
 * becomes the script, which is what ScriptProcessor relies on [DG:processing-container-run-scripts].
 */
export function bareInterpreter(spec: ExecSpec | undefined): Word | undefined {
  if (!spec || spec.form !== 'exec') return undefined;
  let words = spec.words;
  // `["/usr/bin/env", "python3"]` runs python3 just the same.
  if (commandName(words[0]) === 'env') words = words.slice(1).filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w.value) && w.value !== '-i');
  const [interpreter, ...rest] = words;
  if (!interpreter || !INTERPRETERS.test(commandName(interpreter))) return undefined;
  return rest.every((w) => w.value.startsWith('-') && !CODE_OPTIONS.test(w.value)) ? interpreter : undefined;
}

/**
 * The program an ENTRYPOINT starts: the first word of its first command, which for
 * `["sh", "-c", "/opt/entry.sh"]` is the script the shell runs.
 */
export function programWord(spec: ExecSpec | undefined): Word | undefined {
  return spec?.commands[0]?.words[0] ?? spec?.words[0];
}

const INIT_WRAPPERS = /^(tini(-static)?(-[a-z0-9]+)?|dumb-init)$/;

/**
 * The word of an init wrapper (`tini`, `/sbin/tini`, `tini-static-amd64`, `dumb-init`) that starts
 * the ENTRYPOINT, which the guide says cannot be used [DG:your-algorithms-training-algo-dockerfile].
 */
export function initWrapper(spec: ExecSpec | undefined): Word | undefined {
  const word = spec?.form === 'exec' ? spec.words[0] : spec?.commands[0]?.words[0];
  return word && INIT_WRAPPERS.test(commandName(word)) ? word : undefined;
}
