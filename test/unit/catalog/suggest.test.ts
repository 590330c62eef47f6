import assert from 'node:assert/strict';
import { parseImageRef, suggestTags } from '../../../src/core/catalog';

const DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com';
const ALGO = '683313688378.dkr.ecr.us-east-1.amazonaws.com';
const suggest = (ref: string, n?: number) => suggestTags(parseImageRef(ref), n);

describe('catalog: suggestTags', () => {
  it('offers the newest tags with the same processor and Python version for a newer release', () => {
    assert.deepEqual(suggest(`${DLC}/pytorch-training:2.9.0-gpu-py312-cu130-ubuntu22.04-sagemaker`, 3),
      ['2.8.0-gpu-py312', '2.7.1-gpu-py312', '2.6.0-gpu-py312']);
    assert.deepEqual(suggest(`${DLC}/pytorch-training:2.9.0-cpu-py312`, 2), ['2.8.0-cpu-py312', '2.7.1-cpu-py312']);
  });

  it('puts the same version first when only the Python version is off', () => {
    assert.deepEqual(suggest(`${DLC}/pytorch-training:2.8.0-gpu-py310`, 3), ['2.8.0-gpu-py312', '2.2.0-gpu-py310', '2.1.0-gpu-py310']);
  });

  it('spells the tags as the SDK does (Triton, Hugging Face, DJL)', () => {
    assert.deepEqual(suggest(`${DLC}/sagemaker-tritonserver:26.08-py3`, 2), ['26.05-py3', '25.09-py3']);
    assert.deepEqual(suggest(`${DLC}/sagemaker-tritonserver:26.08-py3-cpu`, 1), ['26.05-py3-cpu']);
    assert.deepEqual(suggest(`${DLC}/huggingface-pytorch-inference:2.6.0-transformers4.49.0-gpu-py312-cu121-ubuntu22.04`, 1),
      ['2.6.0-transformers4.49.0-gpu-py312-cu124-ubuntu22.04']);
    assert.deepEqual(suggest(`${DLC}/djl-inference:0.34.0-tensorrtllm0.22.0-cu128`, 2),
      ['0.33.0-tensorrtllm0.21.0-cu128', '0.32.0-tensorrtllm0.12.0-cu125']);
  });

  it('keeps to the architecture of the reference', () => {
    assert.deepEqual(suggest(`${ALGO}/sagemaker-xgboost:1.7-1-arm64`, 2), ['1.5-1-arm64', '1.3-1-arm64']);
    assert.ok(!suggest(`${ALGO}/sagemaker-xgboost:9.9-9`, 10).some((t) => t.includes('arm64')));
    assert.deepEqual(suggest(`${DLC}/pytorch-inference-graviton:2.5.0-cpu-py311`, 1), ['2.4.0-cpu-py311-ubuntu22.04-sagemaker']);
  });

  it('offers :1 for a built-in algorithm', () => {
    assert.deepEqual(suggest('382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:latest'), ['1']);
  });

  it('leaves out the reference\'s own tag and respects n', () => {
    assert.ok(!suggest(`${DLC}/pytorch-training:2.8.0-gpu-py312`).includes('2.8.0-gpu-py312'));
    assert.equal(suggest(`${DLC}/pytorch-training:2.9.0-gpu-py312`, 7).length, 7);
    assert.deepEqual(suggest(`${DLC}/pytorch-training:2.9.0-gpu-py312`, 0), []);
  });

  it('has nothing for repositories the SDK data lacks, or for other images', () => {
    assert.deepEqual(suggest(`${DLC}/pytorch:2.12.1-cu130-amzn2023-sagemaker`), []);
    assert.deepEqual(suggest('python:3.11-slim'), []);
  });
});
