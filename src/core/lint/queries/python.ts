/**
 * The image's Python: which version its base gives `pip`/`python3`, and whether the program
 * SageMaker starts is a Python process.
 */
import { copySteps, imagePackages, stepInstalls } from '../commands';
import { SERVE_TOOLKITS } from '../knowledge';
import type { Model } from '../model';
import { commandName, SimpleCommand } from '../shell';
import type { BuildContext, Range } from '../types';
import { findPython, pythonInstalls, trainingToolkit } from './toolkits';
import { baseInfo } from './baseImage';
import { landedFiles } from './filesystem';

export interface PythonVersion {
  major: number;
  minor: number;
  /** where the version comes from, for messages: `python:3.7-slim`, `ubuntu:18.04's python3` */
  origin: string;
  range: Range;
}

/** System python3 of distributions whose version is below what current tools need. */
const SYSTEM_PYTHON: { repository: RegExp; tag: RegExp; version: [number, number] }[] = [
  { repository: /^ubuntu$/, tag: /^(14\.04|trusty)/, version: [3, 4] },
  { repository: /^ubuntu$/, tag: /^(16\.04|xenial)/, version: [3, 5] },
  { repository: /^ubuntu$/, tag: /^(18\.04|bionic)/, version: [3, 6] },
  { repository: /^debian$/, tag: /^(9|stretch)\b/, version: [3, 5] },
  { repository: /^debian$/, tag: /^(10|buster)\b/, version: [3, 7] },
  { repository: /^amazonlinux$/, tag: /^2(\.|-|$)/, version: [3, 7] },
  { repository: /^centos$/, tag: /^(7|8)\b/, version: [3, 6] },
  { repository: /^nvidia\/cuda$/, tag: /ubuntu16\.04/, version: [3, 5] },
  { repository: /^nvidia\/cuda$/, tag: /ubuntu18\.04/, version: [3, 6] },
  { repository: /^nvidia\/cuda$/, tag: /centos[78]/, version: [3, 6] },
];

/** Other ways to get a Python than the distribution's python3 package. */
const OTHER_PYTHON = /conda|mamba|pyenv|deadsnakes|uv\s+python|python-build-standalone|get-pip|python\.org\/ftp/i;

/**
 * The version of the Python that `pip`/`python3` run in the image, when the base shows it:
 * the `python` image's tag, a SageMaker image's `pyNN` tag, or the python3 package of an old
 * distribution when the file installs that and no other Python.
 */
export function basePythonVersion(model: Model): PythonVersion | undefined {
  const info = baseInfo(model);
  if (!info.image || !info.range || info.kind === 'unresolved') return undefined;
  const { repository, parsed } = info.image;
  if (parsed.unresolved.includes('tag')) return undefined;
  const tag = parsed.tag ?? 'latest';
  const origin = `${repository}:${tag}`;
  if (repository === 'python') {
    const m = /^(\d+)(?:\.(\d+))?/.exec(tag);
    if (!m) return undefined;
    const major = Number(m[1]);
    // `python:3` is the newest 3.x; a bare `python:2` is 2.7.
    if (m[2] === undefined) return major === 2 ? { major, minor: 7, origin, range: info.range } : undefined;
    return { major, minor: Number(m[2]), origin, range: info.range };
  }
  if (info.kind === 'sagemaker') {
    const m = /^py(\d)(\d+)$/.exec(parsed.known?.pyVersion ?? '') ?? /(?:^|-)py(\d)(\d+)(?:-|$)/.exec(tag);
    return m ? { major: Number(m[1]), minor: Number(m[2]), origin, range: info.range } : undefined;
  }
  const system = SYSTEM_PYTHON.find((s) => s.repository.test(repository) && s.tag.test(tag));
  if (!system) return undefined;
  const packages = imagePackages(model).filter((p) => p.manager !== 'pip' && p.manager !== 'conda');
  const installsPython3 = packages.some((p) => /^python3(-pip|-dev|-venv)?$/.test(p.name));
  const installsOther = packages.some((p) => /^python3\.?\d+/.test(p.name) && !/^python3-/.test(p.name));
  const otherSource = model.imageRuns().some((r) => OTHER_PYTHON.test(model.textOf(r.instruction.getRange())))
    || copySteps(model).some((s) => s.from !== undefined);
  if (!installsPython3 || installsOther || otherSource) return undefined;
  return { major: system.version[0], minor: system.version[1], origin: `${origin}'s python3`, range: info.range };
}

/** The Python version a command names explicitly: `python3.9 -m pip`, `pip3.10`. */
export function commandPythonVersion(command: SimpleCommand): { major: number; minor: number } | undefined {
  const m = /^(?:python|pip)(\d)\.(\d+)$/.exec(command.name);
  return m ? { major: Number(m[1]), minor: Number(m[2]) } : undefined;
}

export interface PythonLauncher {
  /** what starts Python, for messages */
  what: string;
  range: Range;
}

const PYTHON_PROGRAMS = /^(python(\d+(\.\d+)*)?|gunicorn|uvicorn|hypercorn|celery|flask|streamlit|jupyter|.+\.py)$/;
const PYTHON_SHEBANG = /^#!.*\bpython/;

/**
 * What makes the image's main process a Python program, or undefined when it is not one or
 * already runs unbuffered (`python -u`). Looks at ENTRYPOINT, then (without one) at the
 * toolkits' console scripts and copied `train`/`serve` files, then at CMD.
 */
export function pythonLauncher(model: Model, context: BuildContext | undefined): PythonLauncher | undefined {
  const entrypoint = model.entrypoint();
  if (entrypoint) return execLauncher(entrypoint.commands, entrypoint.instruction.getRange(), 'ENTRYPOINT');
  // Only these register a `train`/`serve` console script; sagemaker-inference registers none.
  const toolkit = trainingToolkit(model, context).package ?? findPython(pythonInstalls(model, context), SERVE_TOOLKITS);
  if (toolkit) return { what: `${toolkit.word.value}'s console script`, range: toolkit.word.range };
  for (const file of landedFiles(model, context)) {
    const name = file.path.endsWith('/train') ? 'train' : file.path.endsWith('/serve') ? 'serve' : undefined;
    if (name && file.copy.step.from === undefined && isPythonScript(context, file.contextFile?.path)) {
      return { what: `the ${name} script`, range: file.source.range };
    }
  }
  const cmd = model.cmd();
  return cmd ? execLauncher(cmd.commands, cmd.instruction.getRange(), 'CMD') : undefined;
}

function execLauncher(commands: SimpleCommand[], range: Range, keyword: string): PythonLauncher | undefined {
  const command = commands[commands.length - 1];
  if (!command) return undefined;
  let words = command.words;
  if (commandName(words[0]) === 'env') words = words.slice(1).filter((w) => !/^-|=/.test(w.value));
  const program = commandName(words[0]);
  if (!PYTHON_PROGRAMS.test(program)) return undefined;
  // `python -u` (or -Iu …) already runs unbuffered.
  if (/^python/.test(program) && words.slice(1).some((w) => /^-[A-Za-z]*u[A-Za-z]*$/.test(w.value) && !w.value.startsWith('--'))) return undefined;
  return { what: `${keyword} ${program}`, range };
}

/** Without a listed context, a train/serve file is taken for Python, as in the AWS samples. */
function isPythonScript(context: BuildContext | undefined, path: string | undefined): boolean {
  const text = path === undefined ? undefined : context?.readText(path);
  return text === undefined ? path === undefined : PYTHON_SHEBANG.test(text);
}

/**
 * How the file itself runs pip (`pip3`, `python3 -m pip`), for suggested lines that must work in
 * this image; `pip` on a python or SageMaker base; undefined when the image may have no pip at all.
 */
export function pipCommand(model: Model): string | undefined {
  for (const run of model.imageRuns()) {
    for (const step of stepInstalls(model, run)) {
      if (!step) continue;
      const { command } = step.install;
      const name = command.name;
      // `uv pip install` needs --system or a virtualenv, which a suggested line cannot know.
      if (step.install.manager !== 'pip' || name === 'uv') continue;
      const program = command.words[0].value;
      return /^python/.test(name) ? `${program} -m pip` : program;
    }
  }
  const base = baseInfo(model);
  return base.kind === 'sagemaker' || base.image?.repository === 'python' ? 'pip' : undefined;
}
