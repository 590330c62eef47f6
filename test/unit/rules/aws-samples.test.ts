/**
 * Every rule together against images known to work on SageMaker (test/fixtures/aws-samples): no
 * finding may be an error. A failure here means a rule claims certainty it does not have.
 */
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint/engine';
import { awsSampleNames, stageAwsSample } from '../../helpers/fixtureContext';

describe('AWS-sample-shaped images lint without errors (all rules)', () => {
  for (const name of awsSampleNames()) {
    it(name, () => {
      const fixture = stageAwsSample(name);
      try {
        const { findings } = lint(fixture.dockerfile, { buildContext: fixture.context });
        const errors = findings.filter((f) => f.severity === 'error')
          .map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`);
        assert.deepStrictEqual(errors, []);
      } finally {
        fixture.dispose();
      }
    });
  }

  it('covers every shape the README lists, and the README names existing executable files', () => {
    assert.deepStrictEqual(awsSampleNames(), [
      'basic-training-container', 'dlc-extend-inference', 'dlc-extend-pytorch', 'framework-training-container',
      'multi-model-byo', 'multi-stage-build', 'processing-python3', 'scikit-bring-your-own', 'script-mode-training',
    ]);
    const staged = stageAwsSample('scikit-bring-your-own');
    try {
      const executables = staged.context.listFiles()?.filter((f) => f.executable).map((f) => f.path).sort();
      assert.deepStrictEqual(executables, ['decision_trees/serve', 'decision_trees/train']);
    } finally {
      staged.dispose();
    }
  });
});
