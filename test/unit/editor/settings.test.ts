import assert from 'node:assert/strict';
import { editorConfig, settingsToConfig } from '../../../src/core/editor/settings';
import { toLintOptions } from '../../../src/core/lint/config';

describe('editor: settings as a config layer', () => {
  it('keeps valid settings and treats empty ones as unset', () => {
    const { config, problems } = settingsToConfig({
      modes: ['serve', 'serve'], target: 'endpoint', region: ' eu-west-1 ', instanceType: '', rules: { 'entrypoint-shell-form': 'error' },
    });
    assert.deepEqual(problems, []);
    assert.deepEqual(config, { modes: ['serve'], target: 'endpoint', region: 'eu-west-1', rules: { 'entrypoint-shell-form': 'error' } });
    assert.deepEqual(settingsToConfig({ modes: [], target: '', region: null, rules: {} }), { config: {}, problems: [] });
  });

  it('drops and names every invalid value, with the likely intended one', () => {
    const { config, problems } = settingsToConfig({
      modes: ['trian'], target: 'endpont', region: 'useast1', instanceType: 'c5.xlarge', rules: { 'no-such-rule': 'off', 'entrypoint-shell-form': 'loud' },
    });
    assert.deepEqual(config, {});
    assert.equal(problems.length, 6);
    assert.match(problems[0], /^sagemakerContainers\.modes: unknown mode 'trian'; did you mean 'train'\?/);
    assert.match(problems[1], /^sagemakerContainers\.target: .*did you mean 'endpoint'/);
    assert.ok(problems.some((p) => p.startsWith("sagemakerContainers.rules: unknown rule 'no-such-rule'")));
  });

  it('lets the .smlint.yaml win over the settings, rule by rule', () => {
    const settings = settingsToConfig({ region: 'eu-west-1', target: 'endpoint', rules: { 'entrypoint-shell-form': 'error' } }).config;
    const merged = editorConfig(settings, { region: 'us-west-2', rules: { 'entrypoint-shell-form': 'off' } });
    assert.deepEqual(toLintOptions(merged), {
      deployment: { target: 'endpoint', region: 'us-west-2' },
      rules: { 'entrypoint-shell-form': 'off' },
    });
    assert.deepEqual(toLintOptions(editorConfig(settings, undefined)).deployment, { target: 'endpoint', region: 'eu-west-1' });
  });
});
