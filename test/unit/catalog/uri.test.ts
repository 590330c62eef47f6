import assert from 'node:assert/strict';
import { buildImageUri, type ImageUriRequest } from '../../../src/core/catalog';

const DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com';
const ALGO = '683313688378.dkr.ecr.us-east-1.amazonaws.com';
const us = 'us-east-1';

function uriOf(request: ImageUriRequest): string {
  const result = buildImageUri(request);
  assert.ok(result.ok, `expected a URI for ${JSON.stringify(request)}, got ${result.ok ? '' : result.message}`);
  return result.uri;
}

function errorOf(request: ImageUriRequest): { error: string; message: string } {
  const result = buildImageUri(request);
  assert.ok(!result.ok, `expected an error for ${JSON.stringify(request)}, got ${result.ok ? result.uri : ''}`);
  return { error: result.error, message: result.message };
}

describe('catalog: buildImageUri', () => {
  describe('README "Tag format per framework" examples', () => {
    const rows: [string, ImageUriRequest, string][] = [
      ['PyTorch training', { framework: 'pytorch', version: '2.8.0', scope: 'training', processor: 'gpu', region: us },
        `${DLC}/pytorch-training:2.8.0-gpu-py312`],
      ['PyTorch inference', { framework: 'pytorch', version: '2.6.0', scope: 'inference', processor: 'cpu', region: us },
        `${DLC}/pytorch-inference:2.6.0-cpu-py312`],
      ['PyTorch inference, us-west-2 uses the same account',
        { framework: 'pytorch', version: '2.6.0', scope: 'inference', processor: 'cpu', region: 'us-west-2' },
        '763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.6.0-cpu-py312'],
      ['PyTorch training, af-south-1', { framework: 'pytorch', version: '2.8.0', scope: 'training', processor: 'gpu', region: 'af-south-1' },
        '626614931356.dkr.ecr.af-south-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312'],
      ['PyTorch training, China', { framework: 'pytorch', version: '2.8.0', scope: 'training', processor: 'gpu', region: 'cn-north-1' },
        '727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/pytorch-training:2.8.0-gpu-py312'],
      ['PyTorch Graviton', { framework: 'pytorch', version: '2.4.0', instanceType: 'ml.c7g.xlarge', region: us },
        `${DLC}/pytorch-inference-graviton:2.4.0-cpu-py311-ubuntu22.04-sagemaker`],
      ['TensorFlow Graviton', { framework: 'tensorflow', version: '2.16.1', instanceType: 'ml.m6g.large', region: us },
        `${DLC}/tensorflow-inference-graviton:2.16.1-cpu-py310-ubuntu20.04-sagemaker`],
      ['TensorFlow training', { framework: 'tensorflow', version: '2.19.0', scope: 'training', processor: 'gpu', region: us },
        `${DLC}/tensorflow-training:2.19.0-gpu-py312`],
      ['TensorFlow inference (no py)', { framework: 'tensorflow', version: '2.19.0', scope: 'inference', processor: 'gpu', region: us },
        `${DLC}/tensorflow-inference:2.19.0-gpu`],
      ['MXNet', { framework: 'mxnet', version: '1.9.0', scope: 'inference', processor: 'cpu', pyVersion: 'py38', region: us },
        `${DLC}/mxnet-inference:1.9.0-cpu-py38`],
      ['legacy framework image', { framework: 'pytorch', version: '1.0.0', scope: 'training', processor: 'gpu', pyVersion: 'py3', region: us },
        '520713654638.dkr.ecr.us-east-1.amazonaws.com/sagemaker-pytorch:1.0.0-gpu-py3'],
      ['scikit-learn', { framework: 'sklearn', version: '1.2-1', region: us }, `${ALGO}/sagemaker-scikit-learn:1.2-1-cpu-py3`],
      ['scikit-learn 1.4-2-py312', { framework: 'sklearn', version: '1.4-2-py312', region: us },
        `${ALGO}/sagemaker-scikit-learn:1.4-2-py312-cpu-py3`],
      ['XGBoost 1.0-1', { framework: 'xgboost', version: '1.0-1', region: us }, `${ALGO}/sagemaker-xgboost:1.0-1-cpu-py3`],
      ['XGBoost 1.7-1 (no processors or py)', { framework: 'xgboost', version: '1.7-1', region: us }, `${ALGO}/sagemaker-xgboost:1.7-1`],
      ['XGBoost built-in v1', { framework: 'xgboost', version: '1', region: us }, '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1'],
      ['Chainer', { framework: 'chainer', version: '5.0.0', processor: 'gpu', pyVersion: 'py3', region: us },
        '520713654638.dkr.ecr.us-east-1.amazonaws.com/sagemaker-chainer:5.0.0-gpu-py3'],
      // The README prints py311 here, but huggingface.json lists only py312 for 4.49.0/pytorch2.6.0
      // (the DLC data agrees: python py312), so the SDK builds py312.
      ['Hugging Face inference',
        { framework: 'huggingface', version: '4.49.0', scope: 'inference', processor: 'gpu', baseFrameworkVersion: 'pytorch2.6.0', region: us },
        `${DLC}/huggingface-pytorch-inference:2.6.0-transformers4.49.0-gpu-py312-cu124-ubuntu22.04`],
      ['Hugging Face training',
        { framework: 'huggingface', version: '4.56.2', scope: 'training', instanceType: 'ml.p4d.24xlarge', baseFrameworkVersion: 'pytorch2.8.0', region: us },
        `${DLC}/huggingface-pytorch-training:2.8.0-transformers4.56.2-gpu-py312-cu129-ubuntu22.04`],
      ['HF TGI', { framework: 'huggingface-llm', version: '3.3.6', region: us },
        `${DLC}/huggingface-pytorch-tgi-inference:2.7.0-tgi3.3.6-gpu-py311-cu124-ubuntu22.04`],
      ['HF TEI (GPU)', { framework: 'huggingface-tei', version: '1.8.2', region: us }, `${ALGO}/tei:2.0.1-tei1.8.2-gpu-py310-cu122-ubuntu22.04`],
      ['HF TEI (CPU)', { framework: 'huggingface-tei-cpu', version: '1.8.2', region: us }, `${ALGO}/tei-cpu:2.0.1-tei1.8.2-cpu-py310-ubuntu22.04`],
      ['HF vLLM', { framework: 'huggingface-vllm', version: '0.21.0', region: us },
        `${DLC}/huggingface-vllm:0.21.0-transformers5.8.1-gpu-py312-cu130-ubuntu22.04`],
      ['HF SGLang', { framework: 'huggingface-sglang', version: '0.5.8', region: us },
        `${DLC}/huggingface-sglang:0.5.8-transformers4.57.3-gpu-py312-cu129-ubuntu24.04`],
      ['DJL LMI', { framework: 'djl-lmi', version: '0.36.0', region: us }, `${DLC}/djl-inference:0.36.0-lmi27.0.0-cu130`],
      ['DJL TensorRT-LLM', { framework: 'djl-tensorrtllm', version: '0.33.0', region: us }, `${DLC}/djl-inference:0.33.0-tensorrtllm0.21.0-cu128`],
      ['DJL NeuronX', { framework: 'djl-neuronx', version: '0.29.0', region: us }, `${DLC}/djl-inference:0.29.0-neuronx-sdk2.19.1`],
      ['Triton GPU (no -gpu)', { framework: 'sagemaker-tritonserver', version: '26.05', instanceType: 'ml.g5.xlarge', region: us },
        `${DLC}/sagemaker-tritonserver:26.05-py3`],
      ['Triton CPU', { framework: 'sagemaker-tritonserver', version: '26.05', processor: 'cpu', region: us },
        `${DLC}/sagemaker-tritonserver:26.05-py3-cpu`],
      ['built-in algorithm', { framework: 'linear-learner', region: us }, '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1'],
      ['RL Vowpal Wabbit', { framework: 'vw', version: '8.7.0', region: us },
        '462105765813.dkr.ecr.us-east-1.amazonaws.com/sagemaker-rl-vw-container:vw-8.7.0-cpu'],
      ['SageMaker Distribution, CPU', { framework: 'sagemaker-distribution', version: '3.2.0', instanceType: 'ml.c5.xlarge', region: us },
        '885854791233.dkr.ecr.us-east-1.amazonaws.com/sagemaker-distribution-prod:3.2.0-cpu'],
      ['SageMaker Distribution, GPU', { framework: 'sagemaker-distribution', version: '3.2.0', instanceType: 'ml.g5.4xlarge', region: us },
        '885854791233.dkr.ecr.us-east-1.amazonaws.com/sagemaker-distribution-prod:3.2.0-gpu'],
      ['SageMaker base Python (default 310)', { framework: 'sagemaker-base-python', region: us },
        '081325390199.dkr.ecr.us-east-1.amazonaws.com/sagemaker-base-python-310:1.0'],
      ['SageMaker base Python 38', { framework: 'sagemaker-base-python', pyVersion: '38', region: 'eu-west-1' },
        '470317259841.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-base-python-38:1.0'],
    ];
    for (const [name, request, expected] of rows) {
      it(name, () => assert.equal(uriOf(request), expected));
    }
  });

  describe('README built-in algorithm examples', () => {
    const rows: [string, string, string][] = [
      ['linear-learner', us, '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1'],
      ['linear-learner', 'eu-west-1', '438346466558.dkr.ecr.eu-west-1.amazonaws.com/linear-learner:1'],
      ['linear-learner', 'cn-north-1', '390948362332.dkr.ecr.cn-north-1.amazonaws.com.cn/linear-learner:1'],
      ['kmeans', 'us-west-2', '174872318107.dkr.ecr.us-west-2.amazonaws.com/kmeans:1'],
      ['blazingtext', us, '811284229777.dkr.ecr.us-east-1.amazonaws.com/blazingtext:1'],
      ['object-detection', 'eu-west-1', '685385470294.dkr.ecr.eu-west-1.amazonaws.com/object-detection:1'],
      ['forecasting-deepar', us, '522234722520.dkr.ecr.us-east-1.amazonaws.com/forecasting-deepar:1'],
    ];
    for (const [framework, region, expected] of rows) {
      it(`${framework}, ${region}`, () => assert.equal(uriOf({ framework, region }), expected));
    }

    it('lda, af-south-1: refused as an unsupported region', () => {
      const { error, message } = errorOf({ framework: 'lda', region: 'af-south-1' });
      assert.equal(error, 'unknown-region');
      assert.match(message, /^Unsupported region: af-south-1\. /);
      assert.match(message, /us-east-1/);
    });

    it('gives :1 for version "latest", any version, and a GPU instance (single-version file)', () => {
      const expected = '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1';
      assert.equal(uriOf({ framework: 'linear-learner', version: 'latest', region: us }), expected);
      assert.equal(uriOf({ framework: 'linear-learner', version: '2', region: us }), expected);
      assert.equal(uriOf({ framework: 'linear-learner', instanceType: 'ml.p3.2xlarge', scope: 'training', region: us }), expected);
    });

    it('uses the isolated partitions\' domains', () => {
      assert.equal(uriOf({ framework: 'linear-learner', region: 'us-iso-east-1' }),
        '490574956308.dkr.ecr.us-iso-east-1.c2s.ic.gov/linear-learner:1');
    });
  });

  describe('SDK rules', () => {
    it('keeps an alias in the tag when there is no tag_prefix', () => {
      assert.equal(uriOf({ framework: 'xgboost', version: 'latest', region: us }), '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:latest');
      assert.equal(uriOf({ framework: 'pytorch', version: '2.6', scope: 'training', processor: 'gpu', region: us }),
        `${DLC}/pytorch-training:2.6-gpu-py312`);
      assert.equal(uriOf({ framework: 'sagemaker-distribution', version: '3.2', processor: 'cpu', region: us }),
        '885854791233.dkr.ecr.us-east-1.amazonaws.com/sagemaker-distribution-prod:3.2-cpu');
    });

    it('expands an alias to the tag_prefix of its version', () => {
      assert.equal(uriOf({ framework: 'djl-lmi', version: 'latest', region: us }), `${DLC}/djl-inference:0.36.0-lmi27.0.0-cu130`);
      assert.equal(uriOf({ framework: 'huggingface-llm', version: '3.3', region: us }),
        `${DLC}/huggingface-pytorch-tgi-inference:2.7.0-tgi3.3.6-gpu-py311-cu124-ubuntu22.04`);
    });

    it('builds Hugging Face tags from the base framework and version as passed', () => {
      assert.equal(
        uriOf({ framework: 'huggingface', version: '4.49', scope: 'inference', processor: 'cpu', baseFrameworkVersion: 'pytorch2.6', region: us }),
        `${DLC}/huggingface-pytorch-inference:2.6-transformers4.49-cpu-py312-ubuntu22.04`);
    });

    it('uses the only scope of a single-scope file whatever was asked', () => {
      assert.equal(uriOf({ framework: 'huggingface-llm', version: '3.3.6', scope: 'training', region: us }),
        `${DLC}/huggingface-pytorch-tgi-inference:2.7.0-tgi3.3.6-gpu-py311-cu124-ubuntu22.04`);
    });

    it('takes the newest TGI/TEI when no version is given', () => {
      assert.equal(uriOf({ framework: 'huggingface-tei', region: us }), `${ALGO}/tei:2.0.1-tei1.8.2-gpu-py310-cu122-ubuntu22.04`);
    });

    it('uses the fixed arm64 tags for xgboost and sklearn on Graviton', () => {
      assert.equal(uriOf({ framework: 'xgboost', version: '1.5-1', instanceType: 'ml.c6g.xlarge', region: us }), `${ALGO}/sagemaker-xgboost:1.5-1-arm64`);
      assert.equal(uriOf({ framework: 'xgboost', version: '1.3-1', scope: 'inference_graviton', region: us }), `${ALGO}/sagemaker-xgboost:1.3-1-arm64`);
      assert.equal(uriOf({ framework: 'sklearn', version: '1.0-1', instanceType: 'ml.r6g.large', region: us }),
        `${ALGO}/sagemaker-scikit-learn:1.0-1-arm64-cpu-py3`);
      assert.equal(errorOf({ framework: 'xgboost', version: '1.7-1', instanceType: 'ml.c6g.xlarge', region: us }).error, 'unknown-version');
    });

    it('sends every Graviton hosting family to the Graviton images (c8g too, unlike the SDK)', () => {
      const result = buildImageUri({ framework: 'pytorch', version: '2.4.0', instanceType: 'ml.c8g.xlarge', region: us });
      assert.ok(result.ok);
      assert.equal(result.repository, 'pytorch-inference-graviton');
      assert.equal(result.scope, 'inference_graviton');
    });

    it('maps instance types to processors', () => {
      const pt = { framework: 'pytorch', version: '2.8.0', scope: 'training', region: us } as const;
      assert.equal(uriOf({ ...pt, instanceType: 'ml.g5.xlarge' }), `${DLC}/pytorch-training:2.8.0-gpu-py312`);
      assert.equal(uriOf({ ...pt, instanceType: 'ml.m5.large' }), `${DLC}/pytorch-training:2.8.0-cpu-py312`);
      assert.equal(uriOf({ ...pt, instanceType: 'local_gpu' }), `${DLC}/pytorch-training:2.8.0-gpu-py312`);
      assert.equal(uriOf({ ...pt, instanceType: 'local' }), `${DLC}/pytorch-training:2.8.0-cpu-py312`);
      assert.equal(uriOf({ ...pt, instanceType: 'ml.g5.xlarge', processor: 'cpu' }), `${DLC}/pytorch-training:2.8.0-cpu-py312`);
    });

    it('appends the p4d CUDA suffix to 2020-era images', () => {
      assert.equal(uriOf({ framework: 'pytorch', version: '1.6.0', scope: 'training', instanceType: 'ml.p4d.24xlarge', pyVersion: 'py36', region: us }),
        `${DLC}/pytorch-training:1.6.0-gpu-py36-cu110-ubuntu18.04`);
      assert.equal(uriOf({ framework: 'pytorch', version: '1.6.0', scope: 'training', instanceType: 'ml.p3.2xlarge', pyVersion: 'py36', region: us }),
        `${DLC}/pytorch-training:1.6.0-gpu-py36`);
    });

    it('picks the repository of legacy per-Python entries', () => {
      assert.equal(uriOf({ framework: 'tensorflow', version: '1.13', scope: 'training', processor: 'cpu', pyVersion: 'py2', region: us }),
        '520713654638.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tensorflow-scriptmode:1.13-cpu-py2');
      assert.equal(uriOf({ framework: 'mxnet', version: '1.4.1', scope: 'training', processor: 'gpu', pyVersion: 'py3', region: us }),
        `${DLC}/mxnet-training:1.4.1-gpu-py3`);
      assert.equal(errorOf({ framework: 'mxnet', version: '1.4.1', scope: 'training', processor: 'gpu', region: us }).error, 'missing-py-version');
    });

    it('serves the obsolete Elastic Inference scope', () => {
      assert.equal(uriOf({ framework: 'pytorch', version: '1.5.1', scope: 'eia', region: us }), `${DLC}/pytorch-inference-eia:1.5.1-cpu-py3`);
    });

    it('returns the URI parts', () => {
      assert.deepEqual(buildImageUri({ framework: 'djl-lmi', version: '0.36.0', region: 'af-south-1' }), {
        ok: true,
        uri: '626614931356.dkr.ecr.af-south-1.amazonaws.com/djl-inference:0.36.0-lmi27.0.0-cu130',
        account: '626614931356',
        region: 'af-south-1',
        repository: 'djl-inference',
        tag: '0.36.0-lmi27.0.0-cu130',
        scope: 'inference',
      });
    });
  });

  describe('errors', () => {
    const rows: [string, ImageUriRequest, string, RegExp][] = [
      ['unknown framework', { framework: 'caffe', region: us }, 'unknown-framework', /Unsupported framework: caffe\./],
      ['prototype key as framework', { framework: 'constructor', region: us }, 'unknown-framework', /constructor/],
      ['unknown version', { framework: 'pytorch', version: '2.9.0', scope: 'training', processor: 'gpu', region: us }, 'unknown-version',
        /Unsupported pytorch training version: 2\.9\.0\. .*Versions: 2\.8\.0, 2\.7\.1/],
      ['missing version', { framework: 'pytorch', scope: 'training', processor: 'gpu', region: us }, 'missing-version', /needs a version/],
      ['unknown region', { framework: 'pytorch', version: '2.8.0', scope: 'training', processor: 'gpu', region: 'mars-north-1' },
        'unknown-region', /Unsupported region: mars-north-1\./],
      ['missing Python version', { framework: 'chainer', version: '5.0.0', processor: 'gpu', region: us }, 'missing-py-version', /py2, py3/],
      ['unknown Python version', { framework: 'pytorch', version: '2.8.0', scope: 'training', processor: 'gpu', pyVersion: 'py39', region: us },
        'unknown-py-version', /py39.*py312/],
      ['missing processor', { framework: 'pytorch', version: '2.8.0', scope: 'training', region: us }, 'missing-processor', /cpu, gpu/],
      ['unknown processor', { framework: 'pytorch', version: '2.8.0', scope: 'training', processor: 'tpu', region: us }, 'unknown-processor', /tpu/],
      ['processor without a container version',
        { framework: 'huggingface', version: '4.56.2', scope: 'training', processor: 'cpu', baseFrameworkVersion: 'pytorch2.8.0', region: us },
        'unknown-processor', /cpu/],
      ['missing scope', { framework: 'pytorch', version: '2.8.0', processor: 'gpu', region: us }, 'missing-scope', /training/],
      ['unknown scope', { framework: 'mxnet', version: '1.9.0', scope: 'inference_graviton', processor: 'cpu', pyVersion: 'py38', region: us },
        'unknown-scope', /training, inference, eia/],
      ['missing base framework', { framework: 'huggingface', version: '4.49.0', scope: 'inference', processor: 'gpu', region: us },
        'missing-base-framework', /pytorch2\.6\.0/],
      ['unknown base framework',
        { framework: 'huggingface', version: '4.49.0', scope: 'inference', processor: 'gpu', baseFrameworkVersion: 'pytorch9.9.9', region: us },
        'unknown-base-framework', /pytorch9\.9\.9/],
      ['malformed instance type', { framework: 'pytorch', version: '2.8.0', scope: 'training', instanceType: 'c5.xlarge', region: us },
        'unknown-instance-type', /c5\.xlarge/],
      ['Neuron instance', { framework: 'pytorch', version: '2.8.0', scope: 'training', instanceType: 'ml.trn1.32xlarge', region: us },
        'unsupported-instance-type', /Neuron/],
      ['Trainium for another framework', { framework: 'tensorflow', version: '2.19.0', scope: 'training', instanceType: 'ml.trn1.2xlarge', region: us },
        'unsupported-instance-type', /Trainium/],
      ['Graviton for a framework without arm64 images', { framework: 'linear-learner', instanceType: 'ml.c7g.large', region: us },
        'unsupported-instance-type', /Graviton/],
      ['p2 for PyTorch 1.13+', { framework: 'pytorch', version: '2.8.0', scope: 'training', instanceType: 'ml.p2.xlarge', region: us },
        'unsupported-instance-type', /P2/],
      ['base Python other than 310/38', { framework: 'sagemaker-base-python', pyVersion: '312', region: us }, 'unknown-py-version', /310, 38/],
    ];
    for (const [name, request, error, message] of rows) {
      it(name, () => {
        const result = errorOf(request);
        assert.equal(result.error, error);
        assert.match(result.message, message);
      });
    }

    it('allows p2 for PyTorch before 1.13', () => {
      assert.equal(uriOf({ framework: 'pytorch', version: '1.12.1', scope: 'training', instanceType: 'ml.p2.xlarge', region: us }),
        `${DLC}/pytorch-training:1.12.1-gpu-py38`);
    });
  });
});
