/**
 * The editor's `sagemakerContainers.*` settings as a config layer. Settings arrive as untyped JSON
 * (the settings editor only warns about schema violations), so each value is checked with the same
 * messages `.smlint.yaml` uses; a bad value is dropped and reported, never passed to the engine.
 */
import {
  checkInstanceType, checkRegion, type Config, DEFAULT_CONFIG, mergeConfig, RULE_LEVELS, type RuleLevel, unknownValueMessage,
} from '../lint/config';
import { ruleById } from '../lint/rules';
import { DEPLOYMENT_TARGETS, type DeploymentTarget, type Mode, MODES } from '../lint/types';

/** The settings that shape a lint run, as read from the configuration (any JSON). */
export interface RawSettings {
  rules?: unknown;
  modes?: unknown;
  target?: unknown;
  region?: unknown;
  instanceType?: unknown;
}

export const SETTINGS_SECTION = 'sagemakerContainers';

/** The region images are offered for when neither the settings nor `.smlint.yaml` name one. */
export const DEFAULT_REGION = 'us-east-1';

export function settingsToConfig(settings: RawSettings): { config: Config; problems: string[] } {
  const problems: string[] = [];
  const config: Config = {};
  const setting = (name: string) => `${SETTINGS_SECTION}.${name}`;

  if (Array.isArray(settings.modes) && settings.modes.length > 0) {
    const modes = settings.modes.filter((mode): mode is Mode => {
      const known = (MODES as readonly unknown[]).includes(mode);
      if (!known) problems.push(`${setting('modes')}: ${unknownValueMessage('mode', String(mode), MODES)}`);
      return known;
    });
    if (modes.length > 0) config.modes = [...new Set(modes)];
  }

  const target = text(settings.target);
  if (target !== undefined) {
    if ((DEPLOYMENT_TARGETS as readonly string[]).includes(target)) config.target = target as DeploymentTarget;
    else problems.push(`${setting('target')}: ${unknownValueMessage('deployment target', target, DEPLOYMENT_TARGETS)}`);
  }

  for (const [name, check] of [['region', checkRegion], ['instanceType', checkInstanceType]] as const) {
    const value = text(settings[name]);
    if (value === undefined) continue;
    const problem = check(value);
    if (problem) problems.push(`${setting(name)}: ${problem}`);
    else config[name] = value;
  }

  if (settings.rules && typeof settings.rules === 'object' && !Array.isArray(settings.rules)) {
    const rules: Record<string, RuleLevel> = {};
    for (const [id, level] of Object.entries(settings.rules as Record<string, unknown>)) {
      if (!ruleById(id)) problems.push(`${setting('rules')}: unknown rule '${id}'`);
      else if (!(RULE_LEVELS as readonly unknown[]).includes(level)) problems.push(`${setting('rules')}.${id}: ${unknownValueMessage('rule level', String(level), RULE_LEVELS)}`);
      else rules[id] = level as RuleLevel;
    }
    if (Object.keys(rules).length > 0) config.rules = rules;
  }
  return { config, problems };
}

/** A trimmed non-empty string, or undefined: an empty setting means "not set". */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/**
 * The config for one Dockerfile. The `.smlint.yaml` found for the file wins over the settings, so
 * the editor shows what `smlint` in CI reports.
 */
export function editorConfig(settings: Config, file: Config | undefined): Config {
  return mergeConfig(DEFAULT_CONFIG, settings, file);
}
