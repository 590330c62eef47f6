/** The registry: the only list of rules, alphabetical by id. The parity meta-test keeps it complete. */
import type { Rule } from '../types';
import { entrypointShellForm } from './entrypoint-shell-form';

export const allRules: readonly Rule[] = [
  entrypointShellForm,
] as Rule[];

const byId = new Map(allRules.map((rule) => [rule.meta.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}
