/**
 * Which address the image's HTTP server listens on, as far as ENTRYPOINT/CMD show it, and which
 * ports EXPOSE documents. Only servers whose command-line flags and defaults are known are read
 * precisely; a program we do not know is judged only by an explicit `--port`.
 */
import type { Instruction } from 'dockerfile-ast';
import { type ExecSpec, type Model, memoKey } from '../model';
import { commandName, SimpleCommand, Word } from '../shell';
import { expandAt, expandAtRuntime } from './variables';

const SERVER_COMMANDS_MEMO = memoKey();

export const SAGEMAKER_PORT = 8080;
export const BIND_TO_PORT_VARIABLE = 'SAGEMAKER_BIND_TO_PORT';

interface ServerSpec {
  /** how the server is named in messages */
  name: string;
  /** flags whose value is a port */
  portFlags?: readonly string[];
  /** flags whose value is a host */
  hostFlags?: readonly string[];
  /** flags whose value is HOST, HOST:PORT, :PORT or unix:PATH (gunicorn's --bind) */
  bindFlags?: readonly string[];
  /** flags that make the server listen on a socket or descriptor handed to it (a proxy in front) */
  socketFlags?: readonly string[];
  /** flags naming a config file, which may set the address: then nothing can be told */
  configFlags?: readonly string[];
  /** variables the server reads when no flag is given */
  portEnv?: readonly string[];
  hostEnv?: readonly string[];
  /** the address it listens on when nothing sets one; absent when a file it loads by itself may set it */
  defaultPort?: number;
  defaultHost?: string;
  /** the port may be the first positional argument (`python -m http.server 8000`) */
  positionalPort?: boolean;
  /** the port of a bind address that names only a host */
  bindDefaultPort?: number;
}

const SERVERS: Readonly<Record<string, ServerSpec>> = {
  uvicorn: {
    name: 'uvicorn', portFlags: ['--port'], hostFlags: ['--host'], socketFlags: ['--uds', '--fd'],
    portEnv: ['UVICORN_PORT'], hostEnv: ['UVICORN_HOST'], defaultPort: 8000, defaultHost: '127.0.0.1',
  },
  // gunicorn also binds 0.0.0.0:$PORT and loads ./gunicorn.conf.py by itself, so it has no default here.
  gunicorn: { name: 'gunicorn', bindFlags: ['-b', '--bind'], configFlags: ['-c', '--config'], bindDefaultPort: 8000 },
  hypercorn: {
    name: 'hypercorn', bindFlags: ['-b', '--bind'], configFlags: ['-c', '--config'], bindDefaultPort: 8000, defaultPort: 8000, defaultHost: '127.0.0.1',
  },
  'flask run': {
    name: 'flask run', portFlags: ['-p', '--port'], hostFlags: ['-h', '--host'],
    portEnv: ['FLASK_RUN_PORT'], hostEnv: ['FLASK_RUN_HOST'], defaultPort: 5000, defaultHost: '127.0.0.1',
  },
  'fastapi run': { name: 'fastapi run', portFlags: ['--port'], hostFlags: ['--host'], defaultPort: 8000, defaultHost: '0.0.0.0' },
  'fastapi dev': { name: 'fastapi dev', portFlags: ['--port'], hostFlags: ['--host'], defaultPort: 8000, defaultHost: '127.0.0.1' },
  'streamlit run': { name: 'streamlit run', portFlags: ['--server.port'], portEnv: ['STREAMLIT_SERVER_PORT'], defaultPort: 8501, defaultHost: '0.0.0.0' },
  'http.server': { name: 'python -m http.server', hostFlags: ['-b', '--bind'], positionalPort: true, defaultPort: 8000, defaultHost: '0.0.0.0' },
  'waitress-serve': { name: 'waitress-serve', portFlags: ['--port'], hostFlags: ['--host'], bindFlags: ['--listen'], defaultPort: 8080, defaultHost: '0.0.0.0' },
  'vllm serve': { name: 'vllm serve', portFlags: ['--port'], hostFlags: ['--host'], configFlags: ['--config'], defaultPort: 8000, defaultHost: '0.0.0.0' },
  'vllm.entrypoints.openai.api_server': { name: 'vllm api_server', portFlags: ['--port'], hostFlags: ['--host'], defaultPort: 8000, defaultHost: '0.0.0.0' },
  'mlflow models serve': { name: 'mlflow models serve', portFlags: ['-p', '--port'], hostFlags: ['-h', '--host'], defaultPort: 5000, defaultHost: '127.0.0.1' },
  'text-generation-launcher': { name: 'text-generation-launcher', portFlags: ['-p', '--port'], hostFlags: ['-H', '--hostname'], portEnv: ['PORT'], defaultPort: 3000, defaultHost: '0.0.0.0' },
  'bentoml serve': { name: 'bentoml serve', portFlags: ['-p', '--port'], hostFlags: ['--host'], defaultPort: 3000, defaultHost: '0.0.0.0' },
};

/** Programs whose presence in the same command means a reverse proxy owns the public port. */
const PROXIES = new Set(['nginx', 'envoy', 'haproxy', 'caddy', 'traefik', 'openresty']);
/** Programs that run the next word as the real command. */
const WRAPPERS = new Set(['env', 'nohup', 'exec', 'ddtrace-run', 'opentelemetry-instrument', 'dumb-init', 'tini']);
const RUN_WRAPPERS = new Set(['poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'rye']);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash']);

/** One part of an address (the port or the host) and where it comes from. */
export interface AddressPart<T> {
  /** port: undefined when it cannot be told (an unknown variable); host: undefined for all interfaces */
  value: T | undefined;
  /** the word that sets it (the server's name, for a default) */
  word: Word;
  /** for messages: `--port 8000`, `FLASK_RUN_PORT=5000`, `its default port 8000` */
  how: string;
  origin: 'flag' | 'env' | 'default';
  /** true when it came through a variable (`--port $PORT`) */
  throughVariable: boolean;
}

export interface Listen {
  port: AddressPart<number>;
  host: AddressPart<string>;
}

export interface ServerCommand {
  /** the server's name for messages */
  server: string;
  /** false for a program we do not know, judged by an explicit `--port` only */
  known: boolean;
  instruction: Instruction;
  keyword: 'ENTRYPOINT' | 'CMD';
  command: SimpleCommand;
  nameWord: Word;
  /** every address it listens on; empty when it cannot be told (socket, config file) */
  listens: Listen[];
  /** a proxy (nginx, …) starts in the same command line: the server is behind it */
  proxied: boolean;
  /** the address words mention SAGEMAKER_BIND_TO_PORT */
  readsBindToPort: boolean;
}

/** A server command and where its real arguments start. */
interface Identified { key: string; nameWord: Word; args: Word[] }

function identify(command: SimpleCommand): { identified?: Identified; assignments: Word[] } {
  let words = command.words;
  const assignments = [...command.assignments];
  // Peel wrappers: `env X=1 uvicorn …`, `poetry run gunicorn …`, `tini -- serve …`.
  for (let guard = 0; guard < 8 && words.length > 0; guard++) {
    const name = commandName(words[0]);
    if (WRAPPERS.has(name)) {
      let i = 1;
      while (i < words.length && (words[i].value.startsWith('-') || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].value))) {
        if (/^[A-Za-z_]/.test(words[i].value)) assignments.push(words[i]);
        i++;
      }
      words = words.slice(i);
      continue;
    }
    if (RUN_WRAPPERS.has(name) && words[1]?.value === 'run') {
      words = words.slice(2);
      continue;
    }
    break;
  }
  const [first, ...rest] = words;
  if (!first) return { assignments };
  const name = commandName(first);
  if (/^python(\d+(\.\d+)*)?$/.test(name)) {
    const m = rest.findIndex((w) => w.value === '-m');
    const module = m >= 0 ? rest[m + 1] : undefined;
    if (module) return { identified: identifyByName(module.value, [module, ...rest.slice(m + 2)]), assignments };
    // `python3 serve.py --port 9000`: a script we cannot read, judged by its flags.
    const script = rest.findIndex((w) => !w.value.startsWith('-'));
    return { identified: script < 0 ? undefined : { key: '', nameWord: rest[script], args: rest.slice(script + 1) }, assignments };
  }
  return { identified: identifyByName(name, words), assignments };
}

function identifyByName(name: string, words: Word[]): Identified | undefined {
  const [nameWord, ...args] = words;
  const sub = (verbs: string[]): number => args.findIndex((w) => verbs.includes(w.value));
  if (name === 'uvicorn' || name === 'gunicorn' || name === 'hypercorn' || name === 'waitress-serve'
    || name === 'text-generation-launcher' || name === 'http.server' || name === 'vllm.entrypoints.openai.api_server') {
    return { key: name, nameWord, args };
  }
  const verbs: Record<string, string[]> = { flask: ['run'], fastapi: ['run', 'dev'], streamlit: ['run'], vllm: ['serve'], bentoml: ['serve'] };
  if (verbs[name]) {
    const at = sub(verbs[name]);
    return at >= 0 ? { key: `${name} ${args[at].value}`, nameWord, args: [...args.slice(0, at), ...args.slice(at + 1)] } : undefined;
  }
  if (name === 'mlflow' && args[0]?.value === 'models' && args[1]?.value === 'serve') {
    return { key: 'mlflow models serve', nameWord, args: args.slice(2) };
  }
  return { key: '', nameWord, args };
}

/** `--port 8000`, `--port=8000`, `-p8000`: the value word of one of `flags`, with its value. */
function flagValues(args: Word[], flags: readonly string[]): { word: Word; value: string; flag: string }[] {
  const found: { word: Word; value: string; flag: string }[] = [];
  args.forEach((word, i) => {
    for (const flag of flags) {
      if (word.value === flag && args[i + 1]) found.push({ word: args[i + 1], value: args[i + 1].value, flag });
      else if (flag.startsWith('--') && word.value[flag.length] === '=' && word.value.startsWith(flag)) found.push({ word, value: word.value.slice(flag.length + 1), flag });
      else if (!flag.startsWith('--') && flag.length === 2 && word.value.startsWith(flag) && word.value.length > 2) found.push({ word, value: word.value.slice(2), flag });
    }
  });
  return found;
}

function parsePort(value: string): number | undefined {
  return /^\d{1,5}$/.test(value) ? Number(value) : undefined;
}

/** `0.0.0.0:5000`, `:5000`, `[::1]:8080`, `0.0.0.0`; a bare number is read as a port, the reading that never invents a wrong one. */
function parseBind(value: string): { host: string | undefined; port: number | undefined; socket: boolean } {
  if (/^(unix:|fd:\/\/)/.test(value)) return { host: undefined, port: undefined, socket: true };
  if (/^\d+$/.test(value)) return { host: undefined, port: Number(value), socket: false };
  const match = /^(\[[^\]]*\]|[^:]*)(?::(\d+))?$/.exec(value);
  if (!match) return { host: undefined, port: undefined, socket: false };
  const host = match[1] === '' ? undefined : match[1].replace(/^\[|\]$/g, '');
  return { host, port: match[2] === undefined ? undefined : Number(match[2]), socket: false };
}

export function isLoopback(host: string | undefined): boolean {
  return host !== undefined && (host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host));
}

/** Whether a shell expands the words of this spec: shell form, or `["sh", "-c", "…"]`. */
function shellExpands(spec: ExecSpec): boolean {
  if (spec.form === 'shell') return true;
  return SHELLS.has(commandName(spec.words[0])) && spec.words.some((w) => /^-[a-z]*c$/.test(w.value));
}

function readServer(model: Model, spec: ExecSpec, keyword: 'ENTRYPOINT' | 'CMD', command: SimpleCommand, proxied: boolean): ServerCommand | undefined {
  const { identified, assignments } = identify(command);
  if (!identified) return undefined;
  const spec_ = SERVERS[identified.key];
  // A program we do not know is read only by its --port flag, which most commands lack.
  if (!spec_ && !identified.args.some((w) => w.value.startsWith('--port'))) return undefined;
  const expands = shellExpands(spec);
  const inline = new Map(assignments.map((w) => [w.value.slice(0, w.value.indexOf('=')), w.value.slice(w.value.indexOf('=') + 1)]));
  let readsBindToPort = false;
  // A value as the program receives it: a shell expands `$X` from the image ENV (exec form does not).
  const resolve = (raw: string): { value: string | undefined; variable: boolean } => {
    if (raw.includes(BIND_TO_PORT_VARIABLE)) readsBindToPort = true;
    if (!raw.includes('$')) return { value: raw, variable: false };
    if (!expands) return { value: undefined, variable: true };
    const inlined = model.substitute(raw, (n) => inline.get(n));
    const expanded = expandAtRuntime(model, inlined.unresolved.length ? raw : inlined.value);
    return { value: expanded.unresolved.length ? undefined : expanded.value, variable: true };
  };
  const result = (server: string, known: boolean, listens: Listen[]): ServerCommand => ({
    instruction: spec.instruction, keyword, command, nameWord: identified.nameWord, proxied, server, known, listens, readsBindToPort,
  });
  const fromFlag = <T>(found: { word: Word; value: string; flag: string }, parse: (v: string) => T | undefined): AddressPart<T> => {
    const r = resolve(found.value);
    return {
      value: r.value === undefined ? undefined : parse(r.value), word: found.word,
      how: found.flag ? `${found.flag} ${found.value}` : found.value, origin: 'flag', throughVariable: r.variable,
    };
  };
  const anyHost: AddressPart<string> = { value: undefined, word: identified.nameWord, how: '', origin: 'default', throughVariable: false };

  if (!spec_) {
    const ports = flagValues(identified.args, ['--port']);
    if (ports.length === 0) return undefined;
    const listens = ports.map((found) => ({ port: fromFlag(found, parsePort), host: anyHost }));
    return result(commandName(identified.nameWord), false, listens);
  }

  const args = identified.args;
  const envPart = <T>(names: readonly string[] | undefined, parse: (v: string) => T | undefined): AddressPart<T> | undefined => {
    for (const name of names ?? []) {
      let value: string | undefined;
      let how: string;
      const assigned = inline.get(name);
      if (assigned !== undefined) {
        value = resolve(assigned).value;
        how = `${name}=${assigned}`;
      } else {
        const entry = model.finalStage?.env.get(name);
        if (!entry) continue;
        if (entry.rawValue.includes(BIND_TO_PORT_VARIABLE)) readsBindToPort = true;
        value = entry.value.includes('$') ? undefined : entry.value;
        how = `ENV ${name}=${entry.rawValue}`;
      }
      return { value: value === undefined ? undefined : parse(value), word: identified.nameWord, how, origin: 'env', throughVariable: true };
    }
    return undefined;
  };

  const unknowable = flagValues(args, [...(spec_.socketFlags ?? []), ...(spec_.configFlags ?? [])]).length > 0;
  const binds = flagValues(args, spec_.bindFlags ?? []);
  const ports = flagValues(args, spec_.portFlags ?? []);
  const hosts = flagValues(args, spec_.hostFlags ?? []);
  if (spec_.positionalPort) {
    const positional = args.find((w, i) => !w.value.startsWith('-') && !(spec_.hostFlags ?? []).includes(args[i - 1]?.value ?? ''));
    if (positional) ports.push({ word: positional, value: positional.value, flag: '' });
  }
  // A socket or a config file decides the address: only explicit flags can still be judged.
  if (unknowable && binds.length === 0 && ports.length === 0) return result(spec_.name, true, []);

  const hostFlag = hosts[hosts.length - 1];
  const host: AddressPart<string> = (hostFlag ? fromFlag(hostFlag, (v) => v) : undefined)
    ?? envPart(spec_.hostEnv, (v) => v)
    ?? { value: spec_.defaultHost, word: identified.nameWord, how: `its default host ${spec_.defaultHost}`, origin: 'default', throughVariable: false };
  const listens: Listen[] = [];
  for (const bind of binds) {
    const part = fromFlag(bind, (v) => parseBind(v));
    if (part.value?.socket) continue;
    // `--bind 0.0.0.0` alone keeps the server's default port.
    const port = part.value === undefined ? undefined : part.value.port ?? spec_.bindDefaultPort;
    const { word, how, origin, throughVariable } = part;
    listens.push({
      port: { value: port, word, how, origin, throughVariable },
      host: { value: part.value?.host, word, how, origin, throughVariable },
    });
  }
  for (const found of ports) listens.push({ port: fromFlag(found, parsePort), host });
  if (binds.length === 0 && ports.length === 0) {
    const port = envPart(spec_.portEnv, parsePort)
      ?? (spec_.defaultPort === undefined ? undefined
        : { value: spec_.defaultPort, word: identified.nameWord, how: `its default port ${spec_.defaultPort}`, origin: 'default' as const, throughVariable: false });
    if (port) listens.push({ port, host });
  }
  return result(spec_.name, true, listens);
}

/**
 * The servers the image's ENTRYPOINT (and, separately, its CMD) start, with the addresses they
 * listen on. A server behind a proxy started in the same command line is marked `proxied`.
 */
export function serverCommands(model: Model): ServerCommand[] {
  return model.memo(SERVER_COMMANDS_MEMO, () => {
    const found: ServerCommand[] = [];
    const specs: [ExecSpec | undefined, 'ENTRYPOINT' | 'CMD'][] = [[model.entrypoint(), 'ENTRYPOINT'], [model.cmd(), 'CMD']];
    for (const [spec, keyword] of specs) {
      if (!spec) continue;
      const proxied = spec.commands.some((c) => PROXIES.has(c.name));
      for (const command of spec.commands) {
        const server = readServer(model, spec, keyword, command, proxied);
        if (server) found.push(server);
      }
    }
    return found;
  });
}

export interface ExposedPort {
  instruction: Instruction;
  word: Word;
  /** the first and last port of `8000-8010`; undefined when a variable cannot be resolved */
  from: number | undefined;
  to: number | undefined;
  protocol: string;
}

/** Every port the image's EXPOSE instructions document, variables expanded as at build time. */
export function exposedPorts(model: Model): ExposedPort[] {
  const found: ExposedPort[] = [];
  for (const instruction of model.imageInstructionsOf('EXPOSE')) {
    for (const word of model.words(instruction)) {
      const expanded = expandAt(model, instruction, word.value);
      const match = expanded.unresolved.length ? null : /^(\d+)(?:-(\d+))?(?:\/(\w+))?$/.exec(expanded.value);
      found.push({
        instruction, word,
        from: match ? Number(match[1]) : undefined,
        to: match ? Number(match[2] ?? match[1]) : undefined,
        protocol: match?.[3]?.toLowerCase() ?? 'tcp',
      });
    }
  }
  return found;
}
