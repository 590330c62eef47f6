/**
 * The smlint command. `run` takes the process's IO as a parameter and returns the exit code, so
 * the tests run the real command in-process; only `bin.ts` touches `process`. The file system is
 * used directly (tests give it temporary folders).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import pc from 'picocolors';
import { version } from '../../package.json';
import {
  type Config, DEFAULT_CONFIG, formatConfigProblem, mergeConfig, parseConfig, toLintOptions,
} from '../core/lint/config';
import { lint } from '../core/lint/engine';
import { allRules } from '../core/lint/rules';
import type { LintOptions, LintResult, Rule } from '../core/lint/types';
import { type CliOptions, HELP, parseCliArgs } from './args';
import { NodeBuildContext } from './buildContext';
import { describeError, discover, findConfigFile, type Target } from './discover';
import { fixText } from './fix';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { atOrAbove, type FileReport, totalCounts } from './report';
import { docsPageReader, explainRule, listRules } from './rules';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  readStdin(): Promise<string>;
  /** relative paths on the command line are resolved against it */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** whether stdout is a terminal: colour is used only then (unless forced) */
  isTTY: boolean;
  /** the folder holding docs/rules/<id>.md, for --explain and SARIF help */
  docsDir?: string;
}

export const EXIT = { clean: 0, findings: 1, usage: 2 } as const;

/** A problem that stops the run with exit code 2: a one-line message, never a stack trace. */
class UsageError extends Error {}

/**
 * Runs smlint and returns the exit code (see {@link EXIT}). `rules` is the registry; tests pass
 * their own to exercise behaviour no registered rule has yet, such as a safe fix.
 */
export async function run(argv: readonly string[], io: Io, rules: readonly Rule[] = allRules): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr(`smlint: ${parsed.error} (run 'smlint --help' for usage)\n`);
    return EXIT.usage;
  }
  const options = parsed.options;
  if (options.help) return print(io, HELP);
  if (options.version) return print(io, `${version}\n`);
  const docsPage = docsPageReader(io.docsDir);
  if (options.listRules) return print(io, listRules(rules, options.format === 'json' ? 'json' : 'text'));
  if (options.explain !== undefined) {
    const explained = explainRule(rules, options.explain, docsPage);
    if (explained.ok) return print(io, explained.text);
    io.stderr(`smlint: ${explained.error}\n`);
    return EXIT.usage;
  }
  try {
    return await lintTargets(options, io, rules, docsPage);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(error.message.endsWith('\n') ? error.message : `${error.message}\n`);
    return EXIT.usage;
  }
}

function print(io: Io, text: string): number {
  io.stdout(text);
  return EXIT.clean;
}

async function lintTargets(options: CliOptions, io: Io, rules: readonly Rule[], docsPage: (id: string) => string | undefined): Promise<number> {
  const { targets, errors } = discover(options.paths.length > 0 ? options.paths : ['Dockerfile'], io.cwd);
  if (errors.length > 0) throw new UsageError(errors.map((error) => `smlint: ${error}`).join('\n'));
  const configs = new ConfigLoader(io.cwd, options.configFile);
  const contextDir = options.context === undefined ? undefined : checkedDirectory(resolve(io.cwd, options.context), options.context);
  const contexts = new Map<string, NodeBuildContext>();
  const contextFor = (dir: string) => {
    let context = contexts.get(dir);
    if (!context) contexts.set(dir, (context = new NodeBuildContext(dir, { notice: (message) => io.stderr(`smlint: ${message}\n`) })));
    return context;
  };

  // Every config is read before anything is linted, so a broken config never yields half a report.
  const planned = targets.map((target) => {
    const fileConfig = configs.forDirectory(target.kind === 'file' ? dirname(target.path) : io.cwd);
    const config = mergeConfig(DEFAULT_CONFIG, fileConfig, options.flags);
    const dir = contextDir ?? (target.kind === 'file' ? dirname(target.path) : undefined);
    const lintOptions: LintOptions = { ...toLintOptions(config), ruleSet: rules, buildContext: dir === undefined ? undefined : contextFor(dir) };
    return { target, config, lintOptions };
  });

  const reports: FileReport[] = [];
  let failed = false;
  let ioFailed = false;
  let fixedStdin: string | undefined;
  for (const { target, config, lintOptions } of planned) {
    const text = await readTarget(target, io);
    if (text === undefined) {
      ioFailed = true;
      continue;
    }
    const lintText = (source: string) => lint(source, lintOptions);
    let result: LintResult;
    let fixed = false;
    if (options.fix) {
      const outcome = fixText(text, lintText);
      result = outcome.result;
      fixed = outcome.text !== text;
      if (target.kind === 'stdin') fixedStdin = outcome.text;
      else if (fixed && !writeTarget(target.path, outcome.text, io)) ioFailed = true;
    } else {
      result = lintText(text);
    }
    reports.push({ path: target.kind === 'file' ? target.path : undefined, displayPath: displayPath(target, io.cwd), result, fixed });
    failed ||= result.findings.some((finding) => atOrAbove(finding.severity, config.failLevel ?? 'error'));
  }

  const output = render(reports, options, io, rules, docsPage);
  // With --fix on stdin, stdout carries the fixed Dockerfile (for editors and pipes), so the report moves to stderr.
  if (fixedStdin !== undefined) {
    io.stdout(fixedStdin);
    io.stderr(output);
  } else {
    io.stdout(output);
  }
  if (ioFailed) return EXIT.usage;
  const tooManyWarnings = options.maxWarnings !== undefined && totalCounts(reports).warning > options.maxWarnings;
  return failed || tooManyWarnings ? EXIT.findings : EXIT.clean;
}

function render(reports: FileReport[], options: CliOptions, io: Io, rules: readonly Rule[], docsPage: (id: string) => string | undefined): string {
  switch (options.format) {
    case 'json': return formatJson(reports);
    case 'sarif': return formatSarif(reports, { rules, version, cwd: io.cwd, docsPage });
    case 'text': return formatText(reports, pc.createColors(useColor(options, io)));
  }
}

/** The usual conventions: --no-color and NO_COLOR win, FORCE_COLOR forces, otherwise only a real terminal. */
function useColor(options: Pick<CliOptions, 'noColor'>, io: Pick<Io, 'env' | 'isTTY'>): boolean {
  if (options.noColor || io.env.NO_COLOR) return false;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return io.isTTY && io.env.TERM !== 'dumb';
}

/** Reads and checks config files once per directory; an explicit --config file is used for every target. */
class ConfigLoader {
  private readonly byDirectory = new Map<string, Config | undefined>();
  private readonly byFile = new Map<string, Config>();
  private readonly explicit: Config | undefined;

  constructor(private readonly cwd: string, configFile: string | undefined) {
    this.explicit = configFile === undefined ? undefined : this.load(resolve(cwd, configFile));
  }

  forDirectory(dir: string): Config | undefined {
    if (this.explicit) return this.explicit;
    if (!this.byDirectory.has(dir)) {
      const file = findConfigFile(dir);
      this.byDirectory.set(dir, file === undefined ? undefined : this.load(file));
    }
    return this.byDirectory.get(dir);
  }

  private load(file: string): Config {
    let config = this.byFile.get(file);
    if (!config) this.byFile.set(file, (config = this.read(file)));
    return config;
  }

  private read(file: string): Config {
    const shown = shortPath(file, this.cwd);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new UsageError(`smlint: cannot read config ${shown}: ${describeError(error)}`);
    }
    const parsed = parseConfig(text, shown);
    if (!parsed.ok) throw new UsageError(parsed.problems.map(formatConfigProblem).join('\n'));
    return parsed.config;
  }
}

function checkedDirectory(path: string, shown: string): string {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw new UsageError(`smlint: --context ${shown}: ${describeError(error)}`);
  }
  if (!isDirectory) throw new UsageError(`smlint: --context ${shown}: not a directory`);
  return path;
}

async function readTarget(target: Target, io: Io): Promise<string | undefined> {
  if (target.kind === 'stdin') return io.readStdin();
  try {
    return readFileSync(target.path, 'utf8');
  } catch (error) {
    io.stderr(`smlint: ${shortPath(target.path, io.cwd)}: ${describeError(error)}\n`);
    return undefined;
  }
}

function writeTarget(path: string, text: string, io: Io): boolean {
  try {
    writeFileSync(path, text);
    return true;
  } catch (error) {
    io.stderr(`smlint: cannot write the fixes to ${shortPath(path, io.cwd)}: ${describeError(error)}\n`);
    return false;
  }
}

function displayPath(target: Target, cwd: string): string {
  return target.kind === 'stdin' ? '<stdin>' : shortPath(target.path, cwd);
}

/** Relative to the working directory when inside it, as people typed it; absolute otherwise. */
function shortPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? path : rel;
}
