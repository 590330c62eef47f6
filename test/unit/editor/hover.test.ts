import assert from 'node:assert/strict';
import { hoverAt } from '../../../src/core/editor/hover';
import { pathEntry, variableEntry } from '../../../src/core/editor/reference';

const DLC = '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker';

describe('editor: hover content', () => {
  it('describes a SageMaker image on FROM, with the range of the reference', () => {
    const hover = hoverAt(`FROM ${DLC}\n`, { line: 0, character: 10 });
    assert.ok(hover);
    assert.deepEqual(hover.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 5 + DLC.length } });
    assert.match(hover.markdown, /^\*\*PyTorch\*\* training image · `pytorch-training`/);
    for (const row of ['| Version | 2.6.0 |', '| Processor | gpu |', '| Python | py312 |', '| Region | us-west-2 |', '| Account | 763104351884 (matches the region) |']) {
      assert.ok(hover.markdown.includes(row), `missing ${row} in\n${hover.markdown}`);
    }
    assert.doesNotMatch(hover.markdown, /⚠️/);
  });

  it('warns about a foreign account, an -ec2 tag, an unknown tag and a region other than the deployment', () => {
    const foreign = hoverAt('FROM 111122223333.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n', { line: 0, character: 8 });
    assert.match(foreign?.markdown ?? '', /⚠️ Account 111122223333 does not publish `pytorch-training` in us-west-2; .* 763104351884/);
    const ec2 = hoverAt('FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.6.0-cpu-py312-ubuntu22.04-ec2\n', { line: 0, character: 8 });
    assert.match(ec2?.markdown ?? '', /⚠️ This `-ec2` tag .* lacks the SageMaker stage/);
    const unknown = hoverAt('FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:9.9.9-gpu-py399\n', { line: 0, character: 8 });
    assert.match(unknown?.markdown ?? '', /⚠️ Tag `9\.9\.9-gpu-py399` is not in the catalog.*Nearest known: `/);
    const elsewhere = hoverAt(`FROM ${DLC}\n`, { line: 0, character: 8 }, { region: 'eu-west-1' });
    assert.match(elsewhere?.markdown ?? '', /⚠️ The image is in us-west-2 but the configured region is eu-west-1/);
  });

  it('resolves ARG defaults and build args in the reference', () => {
    const text = 'ARG REGION=us-west-2\nFROM 763104351884.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n';
    assert.match(hoverAt(text, { line: 1, character: 8 })?.markdown ?? '', /\| Region \| us-west-2 \|/);
    assert.match(hoverAt(text, { line: 1, character: 8 }, { buildArgs: { REGION: 'eu-west-1' } })?.markdown ?? '', /\| Region \| eu-west-1 \|/);
  });

  it('stays silent on images SageMaker does not publish and on earlier stages', () => {
    assert.equal(hoverAt('FROM python:3.12\n', { line: 0, character: 7 }), undefined);
    assert.equal(hoverAt(`FROM ${DLC} AS base\nFROM base\n`, { line: 1, character: 6 }), undefined);
  });

  it('explains SageMaker variables wherever they appear, with the word as range', () => {
    const text = 'FROM python:3.12\nENV SAGEMAKER_PROGRAM=train.py\nRUN echo $SM_CHANNEL_TRAINING\n';
    const env = hoverAt(text, { line: 1, character: 8 });
    assert.deepEqual(env?.range, { start: { line: 1, character: 4 }, end: { line: 1, character: 21 } });
    assert.match(env?.markdown ?? '', /^\*\*`SAGEMAKER_PROGRAM`\*\* · SageMaker training, serving\n\n.*\/opt\/ml\/code.*\n\n\[Documentation\]\(https:\/\/docs\.aws\.amazon\.com\//);
    assert.match(hoverAt(text, { line: 2, character: 15 })?.markdown ?? '', /directory of one input channel/);
    assert.equal(hoverAt('FROM x\nENV SAGEMAKER_NOT_A_THING=1\n', { line: 1, character: 8 }), undefined);
  });

  it('explains capability labels and /opt/ml paths', () => {
    const text = 'FROM python:3.12\nLABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true\nCOPY model.pkl /opt/ml/model/model.pkl\n';
    assert.match(hoverAt(text, { line: 1, character: 20 })?.markdown ?? '', /SAGEMAKER_BIND_TO_PORT/);
    const path = hoverAt(text, { line: 2, character: 25 });
    assert.deepEqual(path?.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 38 } });
    assert.match(path?.markdown ?? '', /^\*\*`\/opt\/ml\/model`\*\*.*\n\n.*read-only/);
  });

  it('finds the deepest documented path and the variable families', () => {
    assert.equal(pathEntry('/opt/ml/input/config/hyperparameters.json')?.name, '/opt/ml/input/config/hyperparameters.json');
    assert.equal(pathEntry('/opt/ml/input/data/train/part-0')?.name, '/opt/ml/input/data');
    assert.equal(pathEntry('/opt/mlx'), undefined);
    assert.equal(variableEntry('SM_HP_EPOCHS')?.name, 'SM_HP_<NAME>');
    assert.equal(variableEntry('SM_CHANNELS')?.name, 'SM_CHANNELS');
  });
});
