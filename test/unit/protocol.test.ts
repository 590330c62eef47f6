import assert from 'node:assert/strict';
import { QUESTION_IDS } from '../../src/core/wizard';
import { assertNever, isWebviewState, isWebviewToHost, type WebviewToHost } from '../../src/protocol/wizard';

/** One of every message the page sends; the switch fails to compile when a type is added. */
const EVERY_MESSAGE: WebviewToHost[] = [
  { type: 'ready' },
  { type: 'answer', question: 'purpose', value: 'train' },
  { type: 'back' },
  { type: 'reset' },
  { type: 'scaffold' },
  { type: 'openDocs', url: 'https://docs.aws.amazon.com/sagemaker/latest/dg/docker-containers.html' },
];

function covered(message: WebviewToHost): string {
  switch (message.type) {
    case 'ready': case 'answer': case 'back': case 'reset': case 'scaffold': case 'openDocs':
      return message.type;
    default:
      return assertNever(message);
  }
}

describe('isWebviewToHost', () => {
  it('accepts every message the page sends', () => {
    for (const message of EVERY_MESSAGE) assert.equal(isWebviewToHost(message), true, covered(message));
    assert.deepEqual(new Set(EVERY_MESSAGE.map(covered)).size, EVERY_MESSAGE.length);
  });

  it('accepts an answer to every question', () => {
    for (const question of QUESTION_IDS) assert.equal(isWebviewToHost({ type: 'answer', question, value: 'x' }), true, question);
  });

  const junk: [string, unknown][] = [
    ['undefined', undefined],
    ['null', null],
    ['a string', 'ready'],
    ['an array', [{ type: 'ready' }]],
    ['no type', {}],
    ['an unknown type', { type: 'writeFile', path: '/etc/passwd' }],
    ['a type that is not a string', { type: 1 }],
    ['an extra field', { type: 'ready', extra: true }],
    ['an answer to an unknown question', { type: 'answer', question: 'shell', value: 'x' }],
    ['an inherited property as a question', { type: 'answer', question: 'constructor', value: 'x' }],
    ['an answer that is not a string', { type: 'answer', question: 'purpose', value: ['train'] }],
    ['an answer far too long', { type: 'answer', question: 'entryScript', value: 'a'.repeat(201) }],
    ['an answer without a value', { type: 'answer', question: 'purpose' }],
    ['a link that is not https', { type: 'openDocs', url: 'javascript:alert(1)' }],
    ['a file link', { type: 'openDocs', url: 'file:///etc/passwd' }],
    ['a link that is not a string', { type: 'openDocs', url: { href: 'https://x' } }],
  ];
  for (const [what, value] of junk) {
    it(`rejects ${what}`, () => assert.equal(isWebviewToHost(value), false));
  }
});

describe('isWebviewState', () => {
  it('accepts saved answers', () => {
    assert.equal(isWebviewState({ answers: {} }), true);
    assert.equal(isWebviewState({ answers: { purpose: 'train', region: 'us-east-1' } }), true);
  });

  it('rejects anything else', () => {
    for (const value of [undefined, null, {}, { answers: [] }, { answers: { shell: 'x' } }, { answers: { purpose: 1 } }, { answers: {}, more: 1 }]) {
      assert.equal(isWebviewState(value), false, JSON.stringify(value));
    }
  });
});
