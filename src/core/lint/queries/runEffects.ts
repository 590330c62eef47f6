/**
 * What the image's RUN steps write: the paths known commands create (cp, mv, wget -O, tar -C,
 * `>` …), and the commands that may write anything (scripts, interpreters, unknown tools), each
 * with the directory it runs in, so that callers can say when a directory's contents are unknown.
 */
import type { Instruction } from 'dockerfile-ast';
import { joinPath, workdirOf } from '../commands';
import { type Model, type RunStep, memoKey } from '../model';
import { SimpleCommand, Word } from '../shell';
import type { Range } from '../types';
import { expandAt } from './variables';

const RUN_EFFECTS_MEMO = memoKey();

export interface RunWrite {
  /** absolute path written */
  path: string;
  range: Range;
  instruction: Instruction;
}

export interface UnknownCommand {
  /** absolute paths among the command's arguments */
  paths: string[];
  /** the directory it runs in; undefined when a variable hides it */
  cwd: string | undefined;
  range: Range;
  instruction: Instruction;
}

export interface RunEffects {
  /** files and directories that known commands create (cp, mv, wget -O, tar -C, `>` …) */
  writes: RunWrite[];
  /** commands that may write anything: scripts, interpreters, unknown tools */
  unknown: UnknownCommand[];
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

/** Commands that create no file under a path they are given (mkdir creates only a directory). */
const HARMLESS = new Set([
  'chmod', 'chown', 'chgrp', 'ls', 'cat', 'test', '[', 'stat', 'file', 'head', 'tail', 'grep', 'echo', 'printf', 'mkdir',
  'rm', 'rmdir', 'which', 'sed', 'true', 'false', 'set', 'export', 'cd', 'apt-get', 'apt', 'yum', 'dnf', 'microdnf', 'tdnf',
  'apk', 'zypper', 'useradd', 'groupadd', 'adduser', 'addgroup', 'usermod', 'update-alternatives', 'ldconfig', 'sha256sum',
  'md5sum', 'env', 'sleep', 'id', 'whoami', 'exit', 'rpm', 'dpkg', 'locale-gen', 'update-ca-certificates',
]);

/** The commands writtenPaths knows; others write only through a `--local-dir`/`--output-dir` flag. */
const WRITERS = new Set(['cp', 'mv', 'install', 'rsync', 'ln', 'touch', 'tee', 'wget', 'curl', 'tar', 'unzip', 'git', 'aws', 'gsutil']);

/** Options that take a value, per writing command (the value is not a path operand). */
const VALUE_OPTIONS: Record<string, string[]> = {
  cp: ['-S', '--suffix'], mv: ['-S', '--suffix'], ln: ['-S', '--suffix'], install: ['-m', '--mode', '-o', '--owner', '-g', '--group', '-S', '--suffix'],
  touch: ['-d', '--date', '-r', '--reference', '-t'], rsync: ['-e', '--rsh'],
};

/** Everything the image's RUN steps write or may write; computed once per lint run. */
export function runEffects(model: Model): RunEffects {
  return model.memo(RUN_EFFECTS_MEMO, () => {
    const effects: RunEffects = { writes: [], unknown: [] };
    for (const run of model.imageRuns()) {
      // A path behind a variable the file does not set, or relative to an unknown WORKDIR, is no path we can name.
      const resolve = (cwd: string | undefined, value: string): string | undefined => {
        const expanded = expandAt(model, run.instruction, value);
        if (expanded.unresolved.length > 0) return undefined;
        if (expanded.value.startsWith('/')) return joinPath('/', expanded.value);
        return cwd === undefined ? undefined : joinPath(cwd, expanded.value);
      };
      const workdir = workdirOf(model, run.instruction);
      // Output flags are rare: one look at the step's text spares a look at every command's words.
      const outputFlags = model.mentions(run.instruction, '--local-dir') || model.mentions(run.instruction, '--output-dir');
      let cwd = workdir;
      for (const command of run.commands) {
        const name = command.name;
        if (name === 'cd') { cwd = command.words[1] ? resolve(cwd, command.words[1].value) : cwd; continue; }
        const written = WRITERS.has(name) || (outputFlags && hasOutputFlag(command)) ? writtenPaths(command, name) : undefined;
        if (written) {
          for (const w of written) {
            const path = resolve(cwd, w.value);
            if (path) effects.writes.push({ path, range: w.range, instruction: run.instruction });
          }
          continue;
        }
        if (!name || HARMLESS.has(name) || /^pip\d*(\.\d+)?$/.test(name)) continue;
        const paths: string[] = [];
        for (let i = 1; i < command.words.length; i++) {
          const value = command.words[i].value;
          const path = value.startsWith('/') || value.startsWith('./') ? resolve(cwd, value) : undefined;
          if (path !== undefined) paths.push(path);
        }
        effects.unknown.push({ paths, cwd, range: command.range, instruction: run.instruction });
      }
      for (const write of redirections(model, run)) {
        const path = resolve(workdir, write.value);
        if (path) effects.writes.push({ path, range: write.range, instruction: run.instruction });
      }
    }
    return effects;
  });
}

/** Download tools and model hubs name their destination with these flags, whatever the command. */
function hasOutputFlag(command: SimpleCommand): boolean {
  return command.words.some((w) => w.value.startsWith('--local-dir') || w.value.startsWith('--output-dir'));
}

/** The paths a known writing command (or one with an output flag) creates, or undefined when it creates none it names. */
function writtenPaths(command: SimpleCommand, name: string): Word[] | undefined {
  const args = command.words.slice(1);
  const operands = (values: string[] = []) => {
    const out: Word[] = [];
    for (let i = 0; i < args.length; i++) {
      if (values.includes(args[i].value)) { i++; continue; }
      if (!args[i].value.startsWith('-') || args[i].value === '-') out.push(args[i]);
    }
    return out;
  };
  const optionValue = (short: string[], long: string[]): Word | undefined => {
    for (let i = 0; i < args.length; i++) {
      const v = args[i].value;
      if (short.includes(v) || long.includes(v)) return args[i + 1];
      const eq = long.find((l) => v[l.length] === '=' && v.startsWith(l));
      if (eq) return { ...args[i], value: v.slice(eq.length + 1) };
    }
    return undefined;
  };
  const cwdFile = (word: Word | undefined): Word[] => (word ? [{ ...word, value: word.value.split('?')[0].split('/').filter(Boolean).pop() ?? '.' }] : []);
  switch (name) {
    case 'cp': case 'mv': case 'install': case 'rsync': case 'ln': {
      const target = optionValue(['-t'], ['--target-directory']);
      if (target) return [target];
      const ops = operands(VALUE_OPTIONS[name]);
      if (name === 'ln' && ops.length === 1) return cwdFile(ops[0]);
      return ops.length >= 2 ? [ops[ops.length - 1]] : [];
    }
    case 'touch': case 'tee':
      return operands(VALUE_OPTIONS[name]);
    case 'wget': {
      const out = optionValue(['-O'], ['--output-document']);
      if (out) return out.value === '-' ? [] : [out];
      const prefix = optionValue(['-P'], ['--directory-prefix']);
      const url = args.find((w) => REMOTE.test(w.value));
      return prefix ? [prefix] : cwdFile(url);
    }
    case 'curl': {
      const out = optionValue(['-o'], ['--output']);
      if (out) return out.value === '-' ? [] : [out];
      const dir = optionValue([], ['--output-dir']);
      if (dir) return [dir];
      const remoteName = args.some((w) => w.value === '-O' || w.value === '--remote-name' || /^-[a-zA-Z]*O[a-zA-Z]*$/.test(w.value));
      return remoteName ? cwdFile(args.find((w) => REMOTE.test(w.value))) : [];
    }
    case 'tar': {
      // `tar xzf a.tgz` bundles its options in the first word without a dash.
      const extracting = args.some((w, i) => w.value === '--extract' || w.value === '--get'
        || /^-[a-zA-Z]*x[a-zA-Z]*$/.test(w.value) || (i === 0 && /^[a-zA-Z]*x[a-zA-Z]*$/.test(w.value)));
      if (!extracting) return [];
      const dir = optionValue(['-C'], ['--directory']);
      return dir ? [dir] : [{ ...command.words[0], value: '.' }];
    }
    case 'unzip': {
      const dir = optionValue(['-d'], []);
      return dir ? [dir] : [{ ...command.words[0], value: '.' }];
    }
    case 'git': {
      if (args[0]?.value !== 'clone') return undefined;
      const ops = operands(['-b', '--branch', '--depth', '-o', '--origin', '-c', '--config', '--reference', '--filter', '-j', '--jobs']).slice(1);
      return ops.length >= 2 ? [ops[1]] : cwdFile(ops[0] && { ...ops[0], value: ops[0].value.replace(/\.git$/, '') });
    }
    case 'aws': case 'gsutil': {
      const verb = name === 'aws' ? args[1]?.value : args[0]?.value;
      if ((name === 'aws' && args[0]?.value !== 's3') || !['cp', 'sync', 'mv'].includes(verb ?? '')) return undefined;
      const last = operands()[operands().length - 1];
      return last && !REMOTE.test(last.value) ? [last] : [];
    }
    default: {
      // Download tools and model hubs name their destination with these flags.
      const out = optionValue([], ['--local-dir', '--output-dir']);
      return out ? [out] : undefined;
    }
  }
}

/**
 * `> file` and `>> file` targets, which the tokenizer drops as redirections. Quoted text and the
 * bodies of heredocs fed to other programs (`python3 <<EOF`) are not shell, so they are skipped.
 */
function redirections(model: Model, run: RunStep): { value: string; range: Range }[] {
  // Most steps redirect nothing: look for a `>` before working out where the arguments are.
  if (!model.mentions(run.instruction, '>')) return [];
  const range = model.argumentsRange(run.instruction);
  if (!range || model.jsonArray(run.instruction)) return [];
  const text = model.textOf(range);
  const base = model.offsetAt(range.start);
  const opaque = run.heredocs.map((h) => h.getContentRange()).filter((r): r is Range => !!r)
    .map((r) => [model.offsetAt(r.start) - base, model.offsetAt(r.end) - base]);
  const writes: { value: string; range: Range }[] = [];
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    const skip = opaque.length > 0 ? opaque.find(([from, to]) => i >= from && i < to) : undefined;
    if (skip) { i = skip[1] - 1; continue; }
    if (quote) { if (c === quote) quote = ''; else if (c === '\\' && quote === '"') i++; continue; }
    if (c === '\\') { i++; continue; }
    if (c === '"' || c === "'") { quote = c; continue; }
    if (c !== '>' || text[i - 1] === '<' || text[i - 1] === '>') continue;
    let j = i + 1;
    if (text[j] === '>' || text[j] === '|') j++;
    if (text[j] === '&' || text[j] === '=') continue;
    while (text[j] === ' ' || text[j] === '\t') j++;
    const target = /^(["']?)([^\s"'`;&|()<>]+)\1/.exec(text.slice(j));
    if (!target || target[2] === '/dev/null') continue;
    const start = base + j + target[1].length;
    writes.push({ value: target[2], range: model.rangeOf(start, start + target[2].length) });
    i = j + target[0].length - 1;
  }
  return writes;
}
