import assert from 'node:assert/strict';
import { EMPTY_SESSION, sessionOf, update, view, type Session, type WizardEvent } from '../../../src/core/wizard';

function run(...events: WizardEvent[]): Session {
  return events.reduce(update, EMPTY_SESSION);
}

const answer = (question: string, value: string) => ({ type: 'answer', question, value }) as WizardEvent;

const EXTEND = [
  answer('purpose', 'train'), answer('approach', 'own'), answer('framework', 'pytorch'), answer('dependencies', 'build'),
  answer('existingImage', 'none'), answer('instanceType', 'ml.m5.xlarge'), answer('version', '2.8.0'), answer('region', 'us-east-1'),
];

describe('session', () => {
  it('moves to the next question with each answer', () => {
    const v = view(run(answer('purpose', 'serve')));
    assert.deepEqual([v.questions.map((q) => [q.id, q.answer]), v.current, v.canGoBack], [[['purpose', 'serve'], ['hosting', undefined]], 'hosting', true]);
    assert.deepEqual(view(EMPTY_SESSION).canGoBack, false);
  });

  it('ignores answers to questions not on screen and values not offered', () => {
    const session = run(answer('purpose', 'train'));
    assert.equal(update(session, answer('region', 'us-east-1')), session);
    assert.equal(update(session, answer('approach', 'sideways')), session);
  });

  it('shows the recommendation once decided and the files once complete', () => {
    const decided = view(run(...EXTEND.slice(0, 5)));
    assert.deepEqual([decided.recommendation?.path.id, decided.recommendation?.complete, decided.files, decided.current], ['extend', false, [], 'instanceType']);
    const complete = view(run(...EXTEND));
    assert.equal(complete.current, undefined);
    assert.equal(complete.primary, 'Dockerfile');
    assert.deepEqual(complete.files.map((f) => f.path).slice(0, 2), ['Dockerfile', 'README.md']);
  });

  it('opens the README first when there is no Dockerfile', () => {
    const v = view(run(answer('purpose', 'train'), answer('approach', 'own'), answer('framework', 'sklearn'), answer('dependencies', 'none'), answer('instanceType', 'ml.m5.xlarge'), answer('version', '1.4-2'), answer('region', 'eu-west-1')));
    assert.equal(v.primary, 'README.md');
    assert.ok(!v.files.some((f) => f.path.startsWith('Dockerfile')));
  });

  it('refuses a bad script name with a message, keeping the answers', () => {
    const complete = run(...EXTEND);
    const refused = update(complete, answer('entryScript', '../evil.py'));
    assert.equal(refused.answers, complete.answers);
    assert.deepEqual(view(refused).questions.find((q) => q.id === 'entryScript')?.problem?.value, '../evil.py');
    const fixed = update(refused, answer('entryScript', 'fit.py'));
    assert.deepEqual([fixed.problem, fixed.answers.entryScript], [undefined, 'fit.py']);
    assert.ok(view(fixed).files.some((f) => f.path === 'code/fit.py'));
  });

  it('goes back to the last question the user decided, dropping what followed', () => {
    const back = update(run(...EXTEND.slice(0, 4)), { type: 'back' });
    assert.deepEqual(back.answers, { purpose: 'train', approach: 'own', framework: 'pytorch' });
    // A single-option question answered by the wizard is skipped: built-in versions are just "1".
    const builtin = run(answer('purpose', 'train'), answer('approach', 'builtin'), answer('algorithm', 'kmeans'));
    assert.equal(builtin.answers.version, '1');
    assert.deepEqual(update(builtin, { type: 'back' }).answers, { purpose: 'train', approach: 'builtin' });
    assert.equal(update(EMPTY_SESSION, { type: 'back' }), EMPTY_SESSION);
  });

  it('changing an earlier answer keeps what still holds', () => {
    const changed = update(run(...EXTEND), answer('region', 'cn-north-1'));
    assert.equal(changed.answers.version, '2.8.0');
    assert.match(view(changed).files[0].contents, /amazonaws\.com\.cn\/pytorch-training:2\.8\.0-cpu-py312/);
  });

  it('resets', () => {
    assert.equal(update(run(...EXTEND), { type: 'reset' }), EMPTY_SESSION);
  });

  it('restores saved answers, dropping those that no longer hold', () => {
    const restored = sessionOf({ purpose: 'train', approach: 'own', framework: 'pytorch', dependencies: 'none', instanceType: 'ml.m5.xlarge', version: '0.1', region: 'us-east-1' });
    assert.deepEqual(restored.answers, { purpose: 'train', approach: 'own', framework: 'pytorch', dependencies: 'none', instanceType: 'ml.m5.xlarge' });
  });
});
