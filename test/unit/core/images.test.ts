import assert from 'node:assert/strict';
import { describeImage } from '../../../src/core/lint/images';

const DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com';

describe('images: describeImage', () => {
  it('knows a DLC SageMaker build brings the SageMaker stage', () => {
    assert.deepEqual(describeImage(`${DLC}/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker`).sagemaker?.scopes, ['training']);
    assert.deepEqual(describeImage(`${DLC}/pytorch-inference:2.6.0-gpu-py312`).sagemaker?.scopes, ['inference']);
  });

  it('does not take an EC2 build of a DLC for a SageMaker image (no toolkit, labels or SageMaker entrypoint)', () => {
    for (const tag of ['2.6.0-gpu-py312-cu124-ubuntu22.04-ec2', '2.6-gpu-py312-cu124-ubuntu22.04-ec2-v1.2', '2.6.0-cpu-py312-ec2']) {
      const image = describeImage(`${DLC}/pytorch-inference:${tag}`);
      assert.equal(image.sagemaker, undefined, tag);
      assert.equal(image.repository, 'pytorch-inference');
    }
  });

  it('reads -ec2 only at the end of the tag', () => {
    assert.ok(describeImage(`${DLC}/pytorch-training:2.6.0-ec2x-gpu`).sagemaker);
    assert.ok(describeImage('localhost:5000/pytorch-training').sagemaker);
  });

  it('does not take a publisher\'s own Docker Hub image for a mirrored DLC of the same short name', () => {
    assert.equal(describeImage('pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime').sagemaker, undefined);
    assert.equal(describeImage('tensorflow/tensorflow:2.15.0-gpu').sagemaker, undefined);
    assert.ok(describeImage('pytorch-training:2.6.0-gpu-py312').sagemaker, 'a local re-tag keeps the DLC name');
    assert.ok(describeImage('registry.example.com/ml/pytorch-training:2.6.0-gpu-py312').sagemaker);
  });
});
