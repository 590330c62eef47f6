import assert from 'node:assert/strict';
import { fromImageTarget, type ImageChoices, type ImageStep, nextImageStep } from '../../../src/core/editor/imagePicker';

/** Answers each question with `answers[id]`, or fails naming the question it could not answer. */
function walk(answers: Record<string, string>, preferredRegion?: string): { asked: string[]; last: ImageStep } {
  const choices: ImageChoices = {};
  const asked: string[] = [];
  for (;;) {
    const step = nextImageStep(choices, preferredRegion);
    if (step.kind === 'done') return { asked, last: step };
    asked.push(step.id);
    const answer = answers[step.id];
    assert.ok(answer !== undefined, `unexpected question ${step.id}: ${step.options.map((o) => o.value).join(', ')}`);
    assert.ok(step.options.some((o) => o.value === answer), `${answer} is not offered for ${step.id}`);
    (choices as Record<string, string>)[step.id] = answer;
  }
}

describe('editor: Insert Pre-built Image URI steps', () => {
  it('asks framework → scope → version → processor → region and builds the SDK\'s URI', () => {
    const { asked, last } = walk({ framework: 'pytorch', scope: 'training', version: '2.6.0', processor: 'gpu', region: 'eu-west-1' });
    // One Python version for PyTorch 2.6.0 training: not asked.
    assert.deepEqual(asked, ['framework', 'scope', 'version', 'processor', 'region']);
    assert.deepEqual(last.kind === 'done' && last.result, {
      ok: true, uri: '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312', account: '763104351884',
      region: 'eu-west-1', repository: 'pytorch-training', tag: '2.6.0-gpu-py312', scope: 'training',
    });
  });

  it('offers the configured region first, newest versions first, and no retired scopes', () => {
    const choices: ImageChoices = { framework: 'pytorch' };
    const scope = nextImageStep(choices);
    assert.ok(scope.kind === 'question' && scope.id === 'scope');
    assert.ok(!scope.options.some((o) => o.value === 'eia'));
    choices.scope = 'training';
    const version = nextImageStep(choices);
    assert.ok(version.kind === 'question');
    assert.equal(version.options[0].value, '2.8.0');
    Object.assign(choices, { version: '2.6.0', processor: 'cpu' });
    const region = nextImageStep(choices, 'cn-north-1');
    assert.ok(region.kind === 'question' && region.id === 'region');
    assert.deepEqual(region.options[0], { value: 'cn-north-1', label: 'cn-north-1', description: 'configured region' });
  });

  it('asks for the base framework of Hugging Face images that have several, and takes a single one', () => {
    const several = nextImageStep({ framework: 'huggingface', scope: 'inference', version: '4.26.0' });
    assert.ok(several.kind === 'question' && several.id === 'baseFrameworkVersion');
    assert.deepEqual(several.options.map((o) => o.value).sort(), ['pytorch1.13.1', 'tensorflow2.11.0']);
    const single: ImageChoices = { framework: 'huggingface', scope: 'inference', version: '4.51.3' };
    assert.equal(nextImageStep(single).kind === 'question' && single.baseFrameworkVersion, 'pytorch2.6.0');
  });

  it('needs only framework, scope and region for a built-in algorithm', () => {
    const { asked, last } = walk({ framework: 'linear-learner', scope: 'training', region: 'us-west-2' });
    assert.deepEqual(asked, ['framework', 'scope', 'region']);
    assert.ok(last.kind === 'done' && last.result.ok && last.result.uri.startsWith('174872318107.dkr.ecr.us-west-2.amazonaws.com/linear-learner:'));
  });

  it('targets the FROM image under the cursor, or the spot after a bare FROM', () => {
    assert.deepEqual(fromImageTarget('FROM python:3.12 AS base\n', { line: 0, character: 2 }), {
      range: { start: { line: 0, character: 5 }, end: { line: 0, character: 16 } }, prefix: '',
    });
    assert.deepEqual(fromImageTarget('FROM\n', { line: 0, character: 4 }), {
      range: { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } }, prefix: ' ',
    });
    assert.deepEqual(fromImageTarget('FROM \n', { line: 0, character: 5 })?.prefix, '');
    assert.equal(fromImageTarget('FROM x\nRUN y\n', { line: 1, character: 2 }), undefined);
  });
});
