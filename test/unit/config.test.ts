import assert from 'node:assert/strict';
import {
  closestMatch, type ConfigProblem, DEFAULT_CONFIG, formatConfigProblem, mergeConfig, parseConfig, toLintOptions,
} from '../../src/core/lint/config';
import { allRules } from '../../src/core/lint/rules';

const someRule = allRules[0].meta.id;

function problemsOf(text: string): ConfigProblem[] {
  const result = parseConfig(text, '.smlint.yaml');
  assert.equal(result.ok, false, 'expected the config to be rejected');
  return result.ok ? [] : result.problems;
}

function configOf(text: string) {
  const result = parseConfig(text, '.smlint.yaml');
  assert.ok(result.ok, result.ok ? '' : result.problems.map(formatConfigProblem).join('\n'));
  return result.config;
}

describe('parseConfig', () => {
  it('reads every setting of the documented example', () => {
    const config = configOf([
      'modes: [train, serve]',
      'target: endpoint',
      'instanceType: ml.c7g.xlarge',
      'region: us-east-1',
      'buildArgs: { REGION: us-west-2, VERSION: 1.10, DEBUG: true }',
      `rules: { ${someRule}: off }`,
      'failLevel: warning',
      'stage: sagemaker',
    ].join('\n'));
    assert.deepEqual(config, {
      modes: ['train', 'serve'],
      target: 'endpoint',
      instanceType: 'ml.c7g.xlarge',
      region: 'us-east-1',
      // The source text is kept: YAML alone would turn 1.10 into 1.1.
      buildArgs: { REGION: 'us-west-2', VERSION: '1.10', DEBUG: 'true' },
      rules: { [someRule]: 'off' },
      failLevel: 'warning',
      stage: 'sagemaker',
    });
  });

  it('treats an empty file, a comment-only file and settings left blank as an empty config', () => {
    assert.deepEqual(configOf(''), {});
    assert.deepEqual(configOf('# nothing yet\n'), {});
    assert.deepEqual(configOf('target:\nrules:\n'), {});
  });

  it('follows YAML anchors and aliases', () => {
    assert.deepEqual(configOf('stage: &name warning\nfailLevel: *name\n'), { stage: 'warning', failLevel: 'warning' });
  });

  it('names an unknown setting at its line and column and suggests the closest one', () => {
    const [problem, ...rest] = problemsOf('target: endpoint\n  \nfail-level: error\n');
    assert.equal(rest.length, 0);
    assert.equal(problem.line, 3);
    assert.equal(problem.column, 1);
    assert.match(problem.message, /unknown setting 'fail-level'; did you mean 'failLevel'\?/);
    assert.equal(formatConfigProblem(problem).split(':').slice(0, 3).join(':'), '.smlint.yaml:3:1');
  });

  it('points at the value for a wrong type or an unknown value', () => {
    const problems = problemsOf('modes: train\ntarget: mulit-model\nfailLevel: fatal\nregion: 42\n');
    assert.deepEqual(problems.map((p) => [p.line, p.column]), [[1, 8], [2, 9], [3, 12], [4, 9]]);
    assert.match(problems[0].message, /modes: expected a list/);
    assert.match(problems[1].message, /unknown deployment target 'mulit-model'; did you mean 'multi-model'\?/);
    assert.match(problems[2].message, /unknown severity 'fatal'/);
    assert.match(problems[3].message, /region: expected a text value, got number "42"/);
  });

  it('points at the list item holding an unknown mode', () => {
    const [problem] = problemsOf('modes:\n  - train\n  - trian_x\n');
    assert.deepEqual([problem.line, problem.column], [3, 5]);
    assert.match(problem.message, /unknown mode 'trian_x'/);
  });

  it('rejects an empty modes list rather than linting with no modes', () => {
    assert.match(problemsOf('modes: []\n')[0].message, /at least one mode/);
  });

  it('checks rule ids against the registry and levels against off/error/warning/info', () => {
    const problems = problemsOf(`rules:\n  ${someRule.slice(0, -1)}: off\n  ${someRule}: loud\n`);
    assert.equal(problems.length, 2);
    assert.deepEqual([problems[0].line, problems[0].column], [2, 3]);
    assert.match(problems[0].message, new RegExp(`unknown rule '${someRule.slice(0, -1)}'; did you mean '${someRule}'\\?`));
    assert.deepEqual([problems[1].line, problems[1].column], [3, 3 + someRule.length + 2]);
    assert.match(problems[1].message, /unknown rule level 'loud'/);
  });

  it('rejects malformed instance types, regions and stage names', () => {
    const problems = problemsOf('instanceType: c7g.xlarge\nregion: US East\nstage: " "\n');
    assert.match(problems[0].message, /not a SageMaker instance type/);
    assert.match(problems[1].message, /not an AWS region/);
    assert.match(problems[2].message, /stage: expected a build stage name/);
  });

  it('rejects buildArgs that are not a mapping of scalars', () => {
    assert.match(problemsOf('buildArgs: [A=1]\n')[0].message, /buildArgs: expected a mapping/);
    assert.match(problemsOf('buildArgs: { A: [1] }\n')[0].message, /buildArgs\.A: expected a text/);
  });

  it('reports a YAML syntax error with its position', () => {
    const [problem] = problemsOf('rules: { a: off\nstage: x\n');
    assert.match(problem.message, /^YAML syntax error/);
    assert.ok(problem.line >= 1 && problem.column >= 1);
  });

  it('reports duplicate keys and several documents as errors', () => {
    assert.equal(problemsOf('stage: a\nstage: b\n')[0].line, 2);
    assert.match(problemsOf('stage: a\n---\nstage: b\n')[0].message, /multiple documents/);
  });

  it('requires a mapping at the top level', () => {
    const [problem] = problemsOf('- train\n- serve\n');
    assert.deepEqual([problem.line, problem.column], [1, 1]);
    assert.match(problem.message, /expected a mapping of settings/);
    assert.match(problemsOf('just text')[0].message, /expected a mapping/);
  });

  it('reports an alias to no anchor instead of throwing', () => {
    assert.match(problemsOf('stage: *nowhere\n')[0].message, /alias/);
  });

  it('collects every problem of a file in one pass', () => {
    assert.equal(problemsOf('a: 1\nb: 2\ntarget: x\n').length, 3);
  });
});

describe('mergeConfig', () => {
  it('lets later layers win for single values and merges rules and buildArgs key by key', () => {
    const merged = mergeConfig(
      DEFAULT_CONFIG,
      { target: 'endpoint', modes: ['train'], rules: { a: 'off', b: 'error' }, buildArgs: { X: '1', Y: '2' } },
      undefined,
      { modes: ['serve'], failLevel: 'warning', rules: { b: 'info' }, buildArgs: { Y: '3' }, stage: undefined },
    );
    assert.deepEqual(merged, {
      failLevel: 'warning', target: 'endpoint', modes: ['serve'],
      rules: { a: 'off', b: 'info' }, buildArgs: { X: '1', Y: '3' },
    });
  });

  it('does not modify its inputs', () => {
    const file = { rules: { a: 'off' as const } };
    mergeConfig(file, { rules: { a: 'error' as const } });
    assert.deepEqual(file, { rules: { a: 'off' } });
  });
});

describe('toLintOptions', () => {
  it('maps settings to engine options and groups the deployment facts', () => {
    assert.deepEqual(toLintOptions({
      modes: ['serve'], target: 'multi-model', region: 'eu-west-1', stage: 's', buildArgs: { A: 'b' }, rules: { x: 'off' }, failLevel: 'info',
    }), {
      modes: ['serve'], stage: 's', deployment: { target: 'multi-model', region: 'eu-west-1' }, buildArgs: { A: 'b' }, rules: { x: 'off' },
    });
  });

  it('leaves out what is not set', () => {
    assert.deepEqual(toLintOptions(DEFAULT_CONFIG), {});
  });
});

describe('closestMatch', () => {
  it('suggests near misses, swapped letters and cut-short ids, and nothing for unrelated words', () => {
    assert.equal(closestMatch('tagret', ['target', 'stage']), 'target');
    assert.equal(closestMatch('instance-type', ['instanceType', 'region']), 'instanceType');
    assert.equal(closestMatch('entrypoint-shell', ['entrypoint-shell-form']), 'entrypoint-shell-form');
    assert.equal(closestMatch('foo', ['fix', 'format']), undefined);
  });
});
