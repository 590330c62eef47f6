/**
 * `# smlint …` comments: `ignore=<id>[,<id>]` silences the next instruction, `global ignore=…` the
 * whole file, `mode=train,serve` states the image's modes, and `target=`, `instance-type=`,
 * `region=` state how it is deployed. Like hadolint's Pragma.hs they are a layer around the rules:
 * rules never see them.
 */
import type { DeploymentFacts, DeploymentTarget, Mode, Range } from './types';
import { DEPLOYMENT_TARGETS, MODES } from './types';

export interface IdReference { id: string; range: Range }

export interface Pragmas {
  /** line of the silenced instruction's first line → ids */
  nextInstruction: Map<number, IdReference[]>;
  global: IdReference[];
  modes?: { modes: Mode[]; range: Range };
  /** `mode=` values that are not modes */
  badModes: { value: string; range: Range }[];
  /** ignore pragmas that precede no instruction */
  dangling: IdReference[];
  /** deployment facts stated in the file */
  deployment: DeploymentFacts;
  /** `target=` values that are not deployment targets */
  badTargets: { value: string; range: Range }[];
}

const PRAGMA = /^(\s*#\s*smlint\s+)(global\s+)?(ignore|mode|target|instance-type|region)\s*=\s*(\S*)/;

/**
 * Reads the pragmas of a file.
 * @param lines the file's lines
 * @param instructionStarts the first line of every instruction, ascending
 */
export function readPragmas(lines: readonly string[], instructionStarts: readonly number[]): Pragmas {
  const pragmas: Pragmas = { nextInstruction: new Map(), global: [], badModes: [], dangling: [], deployment: {}, badTargets: [] };
  let next = 0;
  lines.forEach((line, lineNo) => {
    const match = PRAGMA.exec(line);
    if (!match) return;
    const [, lead, global, kind, list] = match;
    const listStart = lead.length + (global?.length ?? 0) + line.slice(lead.length + (global?.length ?? 0)).indexOf(list);
    const items = splitList(list, lineNo, listStart);
    if (kind === 'target') {
      if ((DEPLOYMENT_TARGETS as readonly string[]).includes(list)) pragmas.deployment.target = list as DeploymentTarget;
      else pragmas.badTargets.push({ value: list, range: { start: { line: lineNo, character: listStart }, end: { line: lineNo, character: listStart + list.length } } });
      return;
    }
    if (kind === 'instance-type') { if (list) pragmas.deployment.instanceType = list; return; }
    if (kind === 'region') { if (list) pragmas.deployment.region = list; return; }
    if (kind === 'mode') {
      const modes = items.filter((i) => (MODES as readonly string[]).includes(i.id)).map((i) => i.id as Mode);
      pragmas.badModes.push(...items.filter((i) => !(MODES as readonly string[]).includes(i.id)).map((i) => ({ value: i.id, range: i.range })));
      if (modes.length) pragmas.modes = { modes, range: { start: { line: lineNo, character: listStart }, end: { line: lineNo, character: listStart + list.length } } };
      return;
    }
    if (global) { pragmas.global.push(...items); return; }
    while (next < instructionStarts.length && instructionStarts[next] <= lineNo) next++;
    if (next >= instructionStarts.length) { pragmas.dangling.push(...items); return; }
    const target = instructionStarts[next];
    pragmas.nextInstruction.set(target, [...(pragmas.nextInstruction.get(target) ?? []), ...items]);
  });
  return pragmas;
}

function splitList(list: string, line: number, start: number): IdReference[] {
  const items: IdReference[] = [];
  let offset = 0;
  for (const part of list.split(',')) {
    if (part) items.push({ id: part, range: { start: { line, character: start + offset }, end: { line, character: start + offset + part.length } } });
    offset += part.length + 1;
  }
  return items;
}
