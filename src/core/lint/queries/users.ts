/**
 * Who the image runs as: the last USER instruction, and the accounts and groups the file creates
 * or changes (useradd, adduser, usermod, groupadd, addgroup) with their numeric ids.
 */
import type { Instruction } from 'dockerfile-ast';
import { type Model, memoKey } from '../model';
import { SimpleCommand, Word } from '../shell';
import { expandAt } from './variables';

const ACCOUNT_STEPS_MEMO = memoKey();

export interface UserSpec {
  instruction: Instruction;
  /** the whole `user[:group]` word */
  word: Word;
  /** after build-time expansion; undefined when a variable in it is unknown */
  user: string | undefined;
  group: string | undefined;
  /** true when the word names a group (`USER 1000:100`) */
  hasGroup: boolean;
  /** the variables that could not be expanded */
  unresolved: string[];
}

/** The image's last USER, the user its processes run as (the base image's, when undefined). */
export function finalUser(model: Model): UserSpec | undefined {
  const instructions = model.imageInstructionsOf('USER');
  const instruction = instructions[instructions.length - 1];
  if (!instruction) return undefined;
  const word = model.words(instruction)[0];
  if (!word) return undefined;
  const expanded = expandAt(model, instruction, word.value);
  const colon = word.value.indexOf(':');
  const hasGroup = colon >= 0;
  const { unresolved } = expanded;
  if (unresolved.length > 0) return { instruction, word, user: undefined, group: undefined, hasGroup, unresolved };
  const [user, group] = expanded.value.split(':', 2);
  return { instruction, word, user, group: hasGroup ? group : undefined, hasGroup, unresolved };
}

/** True for root by name or number. */
export function isRoot(user: string): boolean {
  return user === 'root' || /^0+$/.test(user);
}

export interface IdValue {
  /** the word holding the id (or the whole `--uid=1000` word) */
  word: Word;
  /** as written after expansion: a number or a name; undefined when a variable is unknown */
  value: string | undefined;
}

export interface AccountStep {
  instruction: Instruction;
  command: SimpleCommand;
  tool: 'useradd' | 'adduser' | 'usermod' | 'groupadd' | 'addgroup';
  /** the account or group name (the last operand); undefined when a variable is unknown */
  name: string | undefined;
  nameWord: Word | undefined;
  uid?: IdValue;
  /** the primary group (useradd/usermod `-g`, adduser `--gid`/`--ingroup`), or the new group's GID */
  gid?: IdValue;
}

/** Options of each tool that take a value (their next word), so operands are told apart. */
const VALUE_OPTIONS: Record<AccountStep['tool'], { short: string; long: string[] }> = {
  useradd: { short: 'bcdefgGkKpRPsuZ', long: ['--base-dir', '--comment', '--home-dir', '--home', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password', '--root', '--prefix', '--shell', '--uid', '--selinux-user', '--btrfs-subvolume-home'] },
  usermod: { short: 'cdefgGlLpRPsuZ', long: ['--comment', '--home', '--expiredate', '--inactive', '--gid', '--groups', '--login', '--password', '--root', '--prefix', '--shell', '--uid', '--selinux-user', '--add-subuids', '--del-subuids', '--add-subgids', '--del-subgids'] },
  // Debian's adduser takes long options; BusyBox's takes -h -g(GECOS) -s -G -u -k.
  adduser: { short: 'hgsGuk', long: ['--home', '--shell', '--gecos', '--comment', '--uid', '--gid', '--ingroup', '--firstuid', '--lastuid', '--firstgid', '--lastgid', '--conf', '--add-extra-groups', '--extrausers'] },
  groupadd: { short: 'gKpR', long: ['--gid', '--key', '--password', '--root', '--prefix', '--users'] },
  addgroup: { short: 'g', long: ['--gid', '--conf', '--firstgid', '--lastgid'] },
};

/** Which option of each tool sets the uid and the primary group. */
const ID_OPTIONS: Record<AccountStep['tool'], { uid: string[]; gid: string[] }> = {
  useradd: { uid: ['-u', '--uid'], gid: ['-g', '--gid'] },
  usermod: { uid: ['-u', '--uid'], gid: ['-g', '--gid'] },
  adduser: { uid: ['-u', '--uid'], gid: ['--gid', '--ingroup'] },
  groupadd: { uid: [], gid: ['-g', '--gid'] },
  addgroup: { uid: [], gid: ['-g', '--gid'] },
};

function parseAccount(model: Model, instruction: Instruction, command: SimpleCommand): AccountStep | undefined {
  const tool = command.name as AccountStep['tool'];
  if (!(tool in VALUE_OPTIONS)) return undefined;
  const { short, long } = VALUE_OPTIONS[tool];
  const ids = ID_OPTIONS[tool];
  const expand = (word: Word, raw: string): IdValue => {
    const e = expandAt(model, instruction, raw);
    return { word, value: e.unresolved.length ? undefined : e.value };
  };
  const step: AccountStep = { instruction, command, tool, name: undefined, nameWord: undefined };
  const operands: Word[] = [];
  const take = (option: string, word: Word, raw: string) => {
    if (ids.uid.includes(option)) step.uid = expand(word, raw);
    else if (ids.gid.includes(option)) step.gid = expand(word, raw);
  };
  const args = command.words.slice(1);
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    const v = word.value;
    if (v === '--') { operands.push(...args.slice(i + 1)); break; }
    if (v.startsWith('--')) {
      const eq = v.indexOf('=');
      const option = eq < 0 ? v : v.slice(0, eq);
      if (eq >= 0) take(option, word, v.slice(eq + 1));
      else if (long.includes(option) && args[i + 1]) { take(option, args[i + 1], args[i + 1].value); i++; }
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      // A cluster of short flags: the first that takes a value takes the rest of the word or the next one.
      for (let j = 1; j < v.length; j++) {
        if (!short.includes(v[j])) continue;
        const rest = v.slice(j + 1);
        if (rest) take(`-${v[j]}`, word, rest);
        else if (args[i + 1]) { take(`-${v[j]}`, args[i + 1], args[i + 1].value); i++; }
        break;
      }
      continue;
    }
    operands.push(word);
  }
  // `adduser name group` adds an existing user to a group: the account is the first operand.
  const nameWord = tool === 'adduser' || tool === 'addgroup' ? operands[0] : operands[operands.length - 1];
  if (nameWord) {
    step.nameWord = nameWord;
    const e = expandAt(model, instruction, nameWord.value);
    step.name = e.unresolved.length ? undefined : e.value;
  }
  if (tool === 'adduser' && operands.length > 1) {
    // Adding a member changes no ids.
    step.uid = undefined;
    step.gid = undefined;
  }
  return step;
}

/** Every account and group command of the image's RUN steps, in order. */
export function accountSteps(model: Model): AccountStep[] {
  return model.memo(ACCOUNT_STEPS_MEMO, () => {
    const steps: AccountStep[] = [];
    for (const run of model.imageRuns()) {
      for (const command of run.commands) {
        const step = parseAccount(model, run.instruction, command);
        if (step) steps.push(step);
      }
    }
    return steps;
  });
}

/** Group names whose GID is the same on Debian, Ubuntu, Alpine and RHEL-likes. */
const WELL_KNOWN_GROUPS: Readonly<Record<string, number>> = { root: 0, users: 100 };
const WELL_KNOWN_USERS: Readonly<Record<string, number>> = { root: 0 };

/** The numeric GID a group name or number stands for, from the file's groupadd steps; undefined when unknown. */
export function groupId(model: Model, group: string): number | undefined {
  if (/^\d+$/.test(group)) return Number(group);
  const created = accountSteps(model).filter((s) => (s.tool === 'groupadd' || s.tool === 'addgroup') && s.name === group && s.gid?.value);
  const last = created[created.length - 1];
  if (last?.gid?.value && /^\d+$/.test(last.gid.value)) return Number(last.gid.value);
  return WELL_KNOWN_GROUPS[group];
}

/** The numeric UID a user name or number stands for, from the file's useradd/adduser/usermod steps. */
export function userId(model: Model, user: string): number | undefined {
  if (/^\d+$/.test(user)) return Number(user);
  const set = accountSteps(model).filter((s) => s.tool !== 'groupadd' && s.tool !== 'addgroup' && s.name === user && s.uid?.value);
  const last = set[set.length - 1];
  if (last?.uid?.value && /^\d+$/.test(last.uid.value)) return Number(last.uid.value);
  return WELL_KNOWN_USERS[user];
}
