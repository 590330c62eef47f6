import assert from 'node:assert/strict';
import { completionsAt } from '../../../src/core/editor/completion';

const at = (text: string, region = 'us-east-1') => {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('|'));
  const doc = text.replace('|', '');
  return completionsAt(doc, { line, character: lines[line].indexOf('|') }, region);
};

describe('editor: completion content', () => {
  it('offers SageMaker repositories in FROM with the region\'s account and domain', () => {
    const items = at('FROM |');
    const training = items.find((i) => i.label === 'pytorch-training');
    assert.ok(training);
    assert.equal(training.insertText, '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:');
    assert.deepEqual(training.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 5 } });
    assert.equal(training.retrigger, true);
    assert.equal(training.filterText, 'pytorch-training');
    const china = at('FROM |', 'cn-north-1').find((i) => i.label === 'pytorch-training');
    assert.equal(china?.insertText, '727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/pytorch-training:');
  });

  it('offers the catalog tags of the typed repository, newest first, over the tag only', () => {
    const upToTag = 'FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:';
    const items = at(`${upToTag}2.|`);
    assert.ok(items.length > 4);
    assert.ok(items.every((i) => i.kind === 'tag'));
    assert.deepEqual(items[0].range, { start: { line: 0, character: upToTag.length }, end: { line: 0, character: upToTag.length + 2 } });
    const versions = items.map((i) => i.label.split('-')[0].split('.').map(Number));
    for (let i = 1; i < versions.length; i++) {
      const [a, b] = [versions[i - 1], versions[i]];
      assert.ok(a[0] > b[0] || (a[0] === b[0] && (a[1] > b[1] || (a[1] === b[1] && a[2] >= b[2]))), `${items[i - 1].label} before ${items[i].label}`);
    }
    assert.ok(items.some((i) => i.label === '2.6.0-gpu-py312' && i.detail === '2.6.0 · training · gpu · py312'));
    assert.deepEqual(items.map((i) => i.sortText), [...items.map((i) => i.sortText)].sort());
  });

  it('matches on the whole URI once a registry is typed', () => {
    const item = at('FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/py|').find((i) => i.label === 'pytorch-training');
    assert.equal(item?.filterText, item?.insertText);
    assert.deepEqual(item?.range.start, { line: 0, character: 5 });
  });

  it('offers nothing after the image, in flags or on the keyword', () => {
    assert.deepEqual(at('FROM python:3.12 |'), []);
    assert.deepEqual(at('FROM --platform=|'), []);
    assert.deepEqual(at('FRO|M python'), []);
    assert.ok(at('FROM --platform=linux/amd64 |').length > 0);
  });

  it('counts lines as positions do when a lone carriage return ends one', () => {
    const items = completionsAt('FROM python:3.11\rENV SAGEMAKER_PRO', { line: 1, character: 17 }, 'us-east-1');
    const program = items.find((i) => i.label === 'SAGEMAKER_PROGRAM');
    assert.ok(program, 'the ENV key on the line after a lone CR gets completions');
    assert.deepEqual(program.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 17 } });
  });

  it('offers the toolkit variables in ENV keys, as snippets with an example value', () => {
    const items = at('FROM python:3.12\nENV SAGE|');
    const program = items.find((i) => i.label === 'SAGEMAKER_PROGRAM');
    assert.equal(program?.insertText, 'SAGEMAKER_PROGRAM=${1:train.py}');
    assert.equal(program?.snippet, true);
    assert.deepEqual(program?.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 8 } });
    // Runtime variables are set by SageMaker and would be overwritten.
    assert.ok(!items.some((i) => i.label === 'SAGEMAKER_BIND_TO_PORT' || i.label === 'SM_MODEL_DIR'));
    assert.deepEqual(at('FROM python:3.12\nENV SAGEMAKER_PROGRAM=|'), []);
  });

  it('offers the two capability labels in LABEL', () => {
    assert.deepEqual(at('FROM python:3.12\nLABEL |').map((i) => i.insertText), [
      'com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true',
      'com.amazonaws.sagemaker.capabilities.multi-models=true',
    ]);
    assert.deepEqual(at('FROM python:3.12\nRUN |'), []);
  });
});
