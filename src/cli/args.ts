import { parseArgs } from 'node:util';
import {
  checkInstanceType, checkRegion, checkStage, closestMatch, type Config, unknownValueMessage,
} from '../core/lint/config';
import { DEPLOYMENT_TARGETS, type DeploymentTarget, type Mode, MODES, SEVERITIES, type Severity } from '../core/lint/types';

export const FORMATS = ['text', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliOptions {
  paths: string[];
  format: Format;
  /** an explicit config file; it turns discovery off */
  configFile?: string;
  /** the settings given as flags: the top config layer */
  flags: Config;
  context?: string;
  fix: boolean;
  maxWarnings?: number;
  listRules: boolean;
  explain?: string;
  noColor: boolean;
  version: boolean;
  help: boolean;
}

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  mode: { type: 'string', multiple: true },
  config: { type: 'string', short: 'c' },
  target: { type: 'string' },
  stage: { type: 'string' },
  'instance-type': { type: 'string' },
  region: { type: 'string' },
  'build-arg': { type: 'string', multiple: true },
  context: { type: 'string' },
  'fail-level': { type: 'string' },
  'max-warnings': { type: 'string' },
  fix: { type: 'boolean' },
  'list-rules': { type: 'boolean' },
  explain: { type: 'string' },
  'no-color': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const HELP = `Usage: smlint [options] [paths...]

Lint Dockerfiles against the Amazon SageMaker container contract.

Paths are files, directories (searched for Dockerfile, Dockerfile.*, *.Dockerfile,
*.dockerfile and Containerfile; node_modules and .git are skipped) or - for stdin.
Default: ./Dockerfile

Options:
  -f, --format <text|json|sarif>  output format (default: text)
      --mode <modes>              the SageMaker jobs the image is for, comma-separated:
                                  ${MODES.join(', ')} (default: detected from the file)
      --target <target>           how a serve image is deployed: ${DEPLOYMENT_TARGETS.join(', ')}
      --stage <name>              the build stage to lint as the image, i.e. the stage
                                  docker build --target builds (default: the last stage)
      --instance-type <type>      e.g. ml.c7g.xlarge; enables architecture and GPU checks
      --region <region>           e.g. us-east-1
      --build-arg <NAME=value>    a docker build --build-arg value (repeatable)
      --context <dir>             the build context (default: the Dockerfile's directory;
                                  none for stdin)
  -c, --config <file>             use this config file instead of looking for .smlint.yaml
                                  next to each Dockerfile and in its parent directories
      --fail-level <level>        exit 1 for findings at or above: error, warning, info
                                  (default: error)
      --max-warnings <n>          also exit 1 when there are more than n warnings
      --fix                       apply the safe fixes and write the files back, then report
                                  what remains. With - (stdin) the fixed text is printed on
                                  stdout and the report goes to stderr
      --list-rules                list the rules (text, or JSON with --format json)
      --explain <rule-id>         show a rule's details and documentation
      --no-color                  plain output (NO_COLOR and FORCE_COLOR are honoured too)
  -v, --version                   print the version
  -h, --help                      print this help

Exit codes: 0 no findings at the fail level, 1 findings at the fail level (or too many
warnings), 2 usage, configuration or file errors.
`;

export type ParsedArgs = { ok: true; options: CliOptions } | { ok: false; error: string };

/** Reads argv; every mistake becomes one line for the user (the caller adds the --help hint). */
export function parseCliArgs(argv: readonly string[]): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    return { ok: false, error: describeParseError(error) };
  }
  const { values, positionals } = parsed;
  const errors: string[] = [];
  const oneOf = <T extends string>(flag: string, kind: string, value: string | undefined, allowed: readonly T[]): T | undefined => {
    if (value === undefined) return undefined;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    errors.push(`--${flag}: ${unknownValueMessage(kind, value, allowed)}`);
    return undefined;
  };
  const checked = (flag: string, value: string | undefined, check: (value: string) => string | undefined) => {
    const problem = value === undefined ? undefined : check(value);
    if (problem) errors.push(`--${flag}: ${problem}`);
    return problem ? undefined : value;
  };

  const modes = values.mode?.flatMap((list) => list.split(',')).map((mode) => mode.trim()).filter(Boolean)
    .map((mode) => oneOf<Mode>('mode', 'mode', mode, MODES)).filter((mode): mode is Mode => mode !== undefined);
  const buildArgs: Record<string, string> = {};
  for (const arg of values['build-arg'] ?? []) {
    const eq = arg.indexOf('=');
    if (eq <= 0) errors.push(`--build-arg: expected NAME=value, got '${arg}'`);
    else buildArgs[arg.slice(0, eq)] = arg.slice(eq + 1);
  }
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = Number(values['max-warnings']);
    if (!/^\d+$/.test(values['max-warnings'])) errors.push(`--max-warnings: expected a whole number, got '${values['max-warnings']}'`);
  }
  const flags: Config = {
    modes: modes?.length ? [...new Set(modes)] : undefined,
    target: oneOf<DeploymentTarget>('target', 'deployment target', values.target, DEPLOYMENT_TARGETS),
    stage: checked('stage', values.stage, checkStage),
    instanceType: checked('instance-type', values['instance-type'], checkInstanceType),
    region: checked('region', values.region, checkRegion),
    buildArgs: Object.keys(buildArgs).length ? buildArgs : undefined,
    failLevel: oneOf<Severity>('fail-level', 'severity', values['fail-level'], SEVERITIES),
  };
  const format = oneOf<Format>('format', 'format', values.format, FORMATS) ?? 'text';
  if (errors.length > 0) return { ok: false, error: errors[0] };

  return {
    ok: true,
    options: {
      paths: positionals,
      format,
      configFile: values.config,
      flags,
      context: values.context,
      fix: values.fix ?? false,
      maxWarnings,
      listRules: values['list-rules'] ?? false,
      explain: values.explain,
      noColor: values['no-color'] ?? false,
      version: values.version ?? false,
      help: values.help ?? false,
    },
  };
}

/** Node's messages span lines and mention positional tricks; one line naming the flag is clearer. */
function describeParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const flag = /'(-[^']*)'/.exec(message)?.[1];
  const code = (error as { code?: string }).code;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) {
    const guess = flag.startsWith('--') ? closestMatch(flag.slice(2), Object.keys(OPTIONS)) : undefined;
    return `unknown option '${flag}'${guess ? `; did you mean '--${guess}'?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const name = /--[\w-]+/.exec(message)?.[0] ?? flag;
    if (/does not take an argument/.test(message)) return `option '${name}' does not take a value`;
    return `option '${name}' needs a value`;
  }
  return message.split('\n')[0];
}
