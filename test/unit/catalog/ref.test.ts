import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseImageRef, suggestTags, type ImageRef, type KnownImage } from '../../../src/core/catalog';

const DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com';
const ALGO = '683313688378.dkr.ecr.us-east-1.amazonaws.com';

function knownOf(ref: string): KnownImage {
  const parsed = parseImageRef(ref);
  assert.ok(parsed.known, `expected ${ref} to be a known image`);
  return parsed.known;
}

/** The listed fields of the known image, so each row states exactly what it checks. */
function pick(known: KnownImage, expected: Partial<KnownImage>): Partial<KnownImage> {
  return Object.fromEntries(Object.keys(expected).map((k) => [k, known[k as keyof KnownImage]]));
}

describe('catalog: parseImageRef', () => {
  it('reads a full DLC tag completely', () => {
    assert.deepEqual(parseImageRef(`${DLC}/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker`), {
      ref: `${DLC}/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker`,
      registryKind: 'ecr',
      registry: DLC,
      account: '763104351884',
      region: 'us-east-1',
      domain: 'amazonaws.com',
      repository: 'pytorch-training',
      tag: '2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker',
      digest: undefined,
      unresolved: [],
      known: {
        family: 'pytorch',
        displayName: 'PyTorch',
        kind: 'framework',
        repository: 'pytorch-training',
        inCatalog: true,
        scope: 'training',
        architecture: 'amd64',
        tagStatus: 'known',
        version: '2.6.0',
        catalogVersion: '2.6.0',
        baseFrameworkVersion: undefined,
        processor: 'gpu',
        pyVersion: 'py312',
        cuda: 'cu124',
        os: 'ubuntu22.04',
        ec2: false,
      },
      expectedAccount: '763104351884',
      accountMatches: true,
    });
  });

  describe('tag families', () => {
    const rows: [string, string, Partial<KnownImage>][] = [
      ['DLC full tag with build counter', `${DLC}/pytorch-inference:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker-v1.2`,
        { tagStatus: 'known', version: '2.6.0', processor: 'gpu', pyVersion: 'py312', scope: 'inference', ec2: false }],
      ['SDK short tag', `${DLC}/pytorch-training:2.8.0-cpu-py312`,
        { tagStatus: 'known', version: '2.8.0', catalogVersion: '2.8.0', processor: 'cpu', pyVersion: 'py312' }],
      ['minor alias', `${DLC}/pytorch-training:2.6-gpu-py312`,
        { tagStatus: 'known', version: '2.6', catalogVersion: '2.6.0', processor: 'gpu', pyVersion: 'py312' }],
      ['minor alias of a full tag', `${DLC}/pytorch-training:2.6-gpu-py312-cu124-ubuntu22.04-sagemaker-v1`,
        { tagStatus: 'known', version: '2.6', catalogVersion: '2.6.0' }],
      ['TF -sagemaker short alias', `${DLC}/tensorflow-training:2.19.0-gpu-py312-sagemaker`,
        { family: 'tensorflow', tagStatus: 'known', version: '2.19.0', processor: 'gpu', pyVersion: 'py312' }],
      ['TF Serving SDK tag (no py)', `${DLC}/tensorflow-inference:2.19.0-gpu`,
        { tagStatus: 'known', processor: 'gpu', pyVersion: undefined, scope: 'inference' }],
      ['TF Serving DLC tag (py the SDK does not list)', `${DLC}/tensorflow-inference:2.19.0-gpu-py312-cu122-ubuntu22.04-sagemaker`,
        { tagStatus: 'known', pyVersion: 'py312', cuda: 'cu122' }],
      ['wrong Python version', `${DLC}/pytorch-training:2.8.0-gpu-py310`,
        { tagStatus: 'unknown', version: '2.8.0', catalogVersion: '2.8.0', pyVersion: 'py310' }],
      ['no processor', `${DLC}/pytorch-training:2.8.0`, { tagStatus: 'unknown', version: '2.8.0', processor: undefined }],
      ['unknown part', `${DLC}/pytorch-training:2.8.0-gpu-py312-nightly`, { tagStatus: 'unknown', version: '2.8.0' }],
      ['Hugging Face', `${DLC}/huggingface-pytorch-inference:2.6.0-transformers4.49.0-gpu-py312-cu124-ubuntu22.04`,
        { family: 'huggingface', displayName: 'Hugging Face Transformers', tagStatus: 'known', version: '4.49.0',
          baseFrameworkVersion: '2.6.0', processor: 'gpu', pyVersion: 'py312', scope: 'inference' }],
      ['Hugging Face with aliases', `${DLC}/huggingface-pytorch-inference:2.6-transformers4.49-cpu-py312-ubuntu22.04`,
        { tagStatus: 'known', version: '4.49', catalogVersion: '4.49.0', baseFrameworkVersion: '2.6', processor: 'cpu' }],
      ['Hugging Face with a container version the catalog does not list',
        `${DLC}/huggingface-pytorch-inference:2.6.0-transformers4.49.0-gpu-py312-cu121-ubuntu22.04`,
        { tagStatus: 'unknown', version: '4.49.0', cuda: 'cu121' }],
      ['Hugging Face newer than the catalog', `${DLC}/huggingface-pytorch-training:2.9.0-transformers5.9.0-gpu-py312-cu130-ubuntu22.04`,
        { tagStatus: 'unknown', version: '5.9.0', catalogVersion: undefined, baseFrameworkVersion: '2.9.0', processor: 'gpu', scope: 'training' }],
      ['TGI', `${DLC}/huggingface-pytorch-tgi-inference:2.7.0-tgi3.3.6-gpu-py311-cu124-ubuntu22.04`,
        { family: 'huggingface-llm', kind: 'llm-serving', tagStatus: 'known', version: '3.3.6', processor: 'gpu' }],
      ['TGI newer than the catalog', `${DLC}/huggingface-pytorch-tgi-inference:2.8.0-tgi3.4.0-gpu-py312-cu128-ubuntu24.04`,
        { family: 'huggingface-llm', tagStatus: 'unknown', version: '3.4.0' }],
      ['TEI', `${ALGO}/tei:2.0.1-tei1.8.2-gpu-py310-cu122-ubuntu22.04`,
        { family: 'huggingface-tei', tagStatus: 'known', version: '1.8.2' }],
      ['vLLM', `${DLC}/huggingface-vllm:0.21.0-transformers5.8.1-gpu-py312-cu130-ubuntu22.04`,
        { family: 'huggingface-vllm', tagStatus: 'known', version: '0.21.0' }],
      ['vLLM from the DLC catalog only', `${DLC}/huggingface-vllm:0.25.0-transformers5.9.0-gpu-py312-cu130-ubuntu22.04`,
        { family: 'huggingface-vllm', tagStatus: 'unknown', version: '0.25.0' }],
      ['DJL LMI', `${DLC}/djl-inference:0.36.0-lmi27.0.0-cu130`,
        { family: 'djl-lmi', kind: 'llm-serving', tagStatus: 'known', version: '0.36.0', processor: 'gpu', cuda: 'cu130', scope: 'inference' }],
      ['DJL TensorRT-LLM', `${DLC}/djl-inference:0.33.0-tensorrtllm0.21.0-cu128`,
        { family: 'djl-tensorrtllm', tagStatus: 'known', version: '0.33.0' }],
      ['DJL NeuronX', `${DLC}/djl-inference:0.29.0-neuronx-sdk2.19.1`, { family: 'djl-neuronx', tagStatus: 'known', version: '0.29.0' }],
      ['DJL TensorRT-LLM newer than the catalog', `${DLC}/djl-inference:0.34.0-tensorrtllm0.22.0-cu128`,
        { family: 'djl-tensorrtllm', tagStatus: 'unknown', version: '0.34.0' }],
      ['DJL tag of no known shape', `${DLC}/djl-inference:0.36.0-cpu-full`, { family: 'djl-lmi', tagStatus: 'unknown', version: '0.36.0' }],
      ['Triton GPU', `${DLC}/sagemaker-tritonserver:26.05-py3`,
        { family: 'sagemaker-tritonserver', kind: 'model-server', tagStatus: 'known', version: '26.05', processor: 'gpu' }],
      ['Triton CPU', `${DLC}/sagemaker-tritonserver:26.05-py3-cpu`, { tagStatus: 'known', version: '26.05', processor: 'cpu' }],
      ['Triton newer than the catalog', `${DLC}/sagemaker-tritonserver:26.08-py3`, { tagStatus: 'unknown', version: '26.08' }],
      ['sklearn SDK tag', `${ALGO}/sagemaker-scikit-learn:1.2-1-cpu-py3`,
        { family: 'sklearn', tagStatus: 'known', version: '1.2-1', processor: 'cpu', pyVersion: 'py3', scope: undefined }],
      ['sklearn bare tag', `${ALGO}/sagemaker-scikit-learn:1.2-1`, { tagStatus: 'known', version: '1.2-1' }],
      ['sklearn bare py312 tag', `${ALGO}/sagemaker-scikit-learn:1.4-2-py312`, { tagStatus: 'known', version: '1.4-2-py312' }],
      ['sklearn SDK py312 tag', `${ALGO}/sagemaker-scikit-learn:1.4-2-py312-cpu-py3`, { tagStatus: 'known', version: '1.4-2-py312' }],
      ['sklearn newer than the catalog', `${ALGO}/sagemaker-scikit-learn:1.9-0`, { tagStatus: 'unknown', version: '1.9-0' }],
      ['sklearn Graviton tag', `${ALGO}/sagemaker-scikit-learn:1.0-1-arm64-cpu-py3`,
        { tagStatus: 'known', version: '1.0-1', architecture: 'arm64', scope: 'inference' }],
      ['xgboost', `${ALGO}/sagemaker-xgboost:1.7-1`, { family: 'xgboost', kind: 'framework', tagStatus: 'known', version: '1.7-1' }],
      ['xgboost 1.0-1 SDK tag', `${ALGO}/sagemaker-xgboost:1.0-1-cpu-py3`, { tagStatus: 'known', processor: 'cpu' }],
      ['xgboost 3.2-0', `${ALGO}/sagemaker-xgboost:3.2-0`, { tagStatus: 'known', version: '3.2-0' }],
      ['xgboost Graviton tag', `${ALGO}/sagemaker-xgboost:1.5-1-arm64`, { tagStatus: 'known', architecture: 'arm64', scope: 'inference' }],
      ['xgboost arm64 tag the SDK does not build', `${ALGO}/sagemaker-xgboost:1.7-1-arm64`, { tagStatus: 'unknown', architecture: 'arm64' }],
      ['xgboost built-in v1', '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:1',
        { family: 'xgboost', kind: 'builtin-algorithm', tagStatus: 'known', version: '1' }],
      ['xgboost built-in latest alias', '811284229777.dkr.ecr.us-east-1.amazonaws.com/xgboost:latest',
        { tagStatus: 'known', version: 'latest', catalogVersion: '1' }],
      ['built-in algorithm', '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1',
        { family: 'linear-learner', displayName: 'Linear Learner', kind: 'builtin-algorithm', tagStatus: 'known', version: '1', scope: undefined,
          architecture: 'amd64' }],
      ['built-in algorithm :latest (exists, but the SDK never builds it)', '382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:latest',
        { tagStatus: 'unknown', version: undefined }],
      ['Chainer', '520713654638.dkr.ecr.us-east-1.amazonaws.com/sagemaker-chainer:5.0.0-gpu-py3',
        { family: 'chainer', tagStatus: 'known', pyVersion: 'py3', scope: undefined }],
      ['legacy per-Python repository', '520713654638.dkr.ecr.us-east-1.amazonaws.com/sagemaker-tensorflow-scriptmode:1.13-cpu-py2',
        { family: 'tensorflow', tagStatus: 'known', scope: 'training', catalogVersion: '1.13.1' }],
      ['RL Vowpal Wabbit', '462105765813.dkr.ecr.us-east-1.amazonaws.com/sagemaker-rl-vw-container:vw-8.7.0-cpu',
        { family: 'vw', kind: 'reinforcement-learning', tagStatus: 'known', version: '8.7.0', scope: 'training' }],
      ['SageMaker Distribution', '885854791233.dkr.ecr.us-east-1.amazonaws.com/sagemaker-distribution-prod:3.2.0-gpu',
        { family: 'sagemaker-distribution', kind: 'studio', tagStatus: 'known', processor: 'gpu' }],
      ['Elastic Inference', `${DLC}/pytorch-inference-eia:1.5.1-cpu-py3`, { tagStatus: 'known', scope: 'inference' }],
    ];
    for (const [name, ref, expected] of rows) {
      it(name, () => assert.deepEqual(pick(knownOf(ref), expected), expected));
    }
  });

  describe('DLC repositories and versions ahead of the SDK data', () => {
    const rows: [string, string, Partial<KnownImage>][] = [
      ['PyTorch 2.9 training', `${DLC}/pytorch-training:2.9.0-gpu-py312-cu130-ubuntu22.04-sagemaker`,
        { inCatalog: true, tagStatus: 'unknown', version: '2.9.0', catalogVersion: undefined, processor: 'gpu', pyVersion: 'py312' }],
      ['PyTorch 2.10 training alias', `${DLC}/pytorch-training:2.10-cpu-py312`, { tagStatus: 'unknown', version: '2.10', processor: 'cpu' }],
      ['TF 2.21', `${DLC}/tensorflow-training:2.21.0-gpu-py312-cu129-amzn2023-sagemaker`,
        { tagStatus: 'unknown', version: '2.21.0', os: 'amzn2023' }],
      ['combined pytorch repository, CUDA', `${DLC}/pytorch:2.12.1-cu130-amzn2023-sagemaker`,
        { family: 'pytorch', repository: 'pytorch', inCatalog: false, scope: undefined, architecture: 'amd64', tagStatus: 'unknown',
          version: '2.12.1', processor: 'gpu', cuda: 'cu130', os: 'amzn2023', ec2: false }],
      ['combined pytorch repository, minor alias', `${DLC}/pytorch:2.12-cu130-amzn2023-sagemaker`, { version: '2.12', processor: 'gpu' }],
      ['combined pytorch repository, CPU', `${DLC}/pytorch:2.11.0-cpu-amzn2023-sagemaker`, { version: '2.11.0', processor: 'cpu' }],
      ['pytorch-training-arm64', `${DLC}/pytorch-training-arm64:2.7.0-gpu-py312-cu128-ubuntu22.04-ec2`,
        { inCatalog: false, scope: 'training', architecture: 'arm64', tagStatus: 'unknown', ec2: true }],
      ['pytorch-inference-arm64', `${DLC}/pytorch-inference-arm64:2.6.0-cpu-py312-ubuntu22.04-sagemaker`,
        { family: 'pytorch', scope: 'inference', architecture: 'arm64', version: '2.6.0', processor: 'cpu' }],
      ['tensorflow-inference-arm64', `${DLC}/tensorflow-inference-arm64:2.16.1-cpu-py310-ubuntu20.04-sagemaker`,
        { family: 'tensorflow', scope: 'inference', architecture: 'arm64' }],
      ['Graviton repository', `${DLC}/pytorch-inference-graviton:2.4.0-cpu-py311-ubuntu22.04-sagemaker`,
        { tagStatus: 'known', architecture: 'arm64', scope: 'inference', os: 'ubuntu22.04' }],
    ];
    for (const [name, ref, expected] of rows) {
      it(name, () => assert.deepEqual(pick(knownOf(ref), expected), expected));
    }
  });

  describe('EC2 variants', () => {
    const rows: [string, boolean][] = [
      ['2.9.0-gpu-py312-cu130-ubuntu22.04-ec2', true],
      ['2.9-gpu-py312-cu130-ubuntu22.04-ec2-v1', true],
      ['2.9.0-gpu-py312-ec2', true],
      ['2.6-gpu-py312-ec2', true],
      ['2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker', false],
      ['2.6.0-gpu-py312', false],
    ];
    for (const [tag, ec2] of rows) {
      it(`${tag} → ec2 ${ec2}`, () => assert.equal(knownOf(`${DLC}/pytorch-training:${tag}`).ec2, ec2));
    }

    it('keeps the catalog status of an EC2 build of a known release', () => {
      assert.deepEqual(pick(knownOf(`${DLC}/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-ec2`), { tagStatus: 'known', ec2: true }),
        { tagStatus: 'known', ec2: true });
    });
  });

  describe('registries and accounts', () => {
    it('reports an account from another region', () => {
      const ref = parseImageRef('626614931356.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312');
      assert.equal(ref.account, '626614931356');
      assert.equal(ref.expectedAccount, '763104351884');
      assert.equal(ref.accountMatches, false);
    });

    it('knows per-region accounts of opt-in regions', () => {
      const ref = parseImageRef('626614931356.dkr.ecr.af-south-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312');
      assert.equal(ref.accountMatches, true);
    });

    it('reads China hosts', () => {
      const ref = parseImageRef('727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/pytorch-training:2.8.0-gpu-py312');
      assert.equal(ref.registryKind, 'ecr');
      assert.equal(ref.region, 'cn-north-1');
      assert.equal(ref.domain, 'amazonaws.com.cn');
      assert.equal(ref.expectedAccount, '727897471807');
      assert.equal(ref.accountMatches, true);
    });

    it('uses the algorithm accounts for sklearn and the built-in accounts for algorithms', () => {
      assert.equal(parseImageRef('246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3').accountMatches, true);
      assert.equal(parseImageRef('763104351884.dkr.ecr.us-west-2.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3').expectedAccount,
        '246618743249');
      assert.equal(parseImageRef('382416733822.dkr.ecr.us-east-1.amazonaws.com/kmeans:1').accountMatches, true);
      assert.equal(parseImageRef('382416733822.dkr.ecr.us-east-1.amazonaws.com/forecasting-deepar:1').accountMatches, false);
    });

    it('checks DLC repositories the SDK data lacks against the DLC accounts', () => {
      const ref = parseImageRef('626614931356.dkr.ecr.af-south-1.amazonaws.com/pytorch:2.12.1-cu130-amzn2023-sagemaker');
      assert.equal(ref.expectedAccount, '626614931356');
      assert.equal(ref.accountMatches, true);
    });

    it('cannot tell for a region the repository is not listed in', () => {
      const ref = parseImageRef('763104351884.dkr.ecr.ap-southeast-9.amazonaws.com/pytorch-training:2.8.0-gpu-py312');
      assert.equal(ref.region, 'ap-southeast-9');
      assert.equal(ref.expectedAccount, undefined);
      assert.equal(ref.accountMatches, undefined);
    });

    it('cannot tell for a repository the catalog does not know', () => {
      const ref = parseImageRef('123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:1.0');
      assert.equal(ref.registryKind, 'ecr');
      assert.equal(ref.repository, 'my-app');
      assert.equal(ref.known, undefined);
      assert.equal(ref.accountMatches, undefined);
    });

    it('reads FIPS hosts', () => {
      const ref = parseImageRef('763104351884.dkr.ecr-fips.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312');
      assert.equal(ref.registryKind, 'ecr');
      assert.equal(ref.accountMatches, true);
    });

    it('recognises ECR Public DLCs under their private names', () => {
      const ref = parseImageRef('public.ecr.aws/deep-learning-containers/pytorch-training:2.8.0-gpu-py312');
      assert.equal(ref.registryKind, 'ecr-public');
      assert.equal(ref.repository, 'deep-learning-containers/pytorch-training');
      assert.equal(ref.known?.repository, 'pytorch-training');
      assert.equal(ref.known?.tagStatus, 'known');
      assert.equal(ref.expectedAccount, undefined);
    });

    it('recognises the public SageMaker Distribution', () => {
      const ref = parseImageRef('public.ecr.aws/sagemaker/sagemaker-distribution:3.2.0-cpu');
      assert.deepEqual(pick(ref.known as KnownImage, { family: 'sagemaker-distribution', kind: 'studio', tagStatus: 'known' }),
        { family: 'sagemaker-distribution', kind: 'studio', tagStatus: 'known' });
      assert.equal(parseImageRef('public.ecr.aws/sagemaker/sagemaker-distribution:latest-gpu').known?.tagStatus, 'unknown');
    });

    it('does not take same-named images elsewhere for SageMaker images', () => {
      assert.equal(parseImageRef('pytorch-training:2.8.0-gpu-py312').known, undefined);
      assert.equal(parseImageRef('ghcr.io/acme/pytorch-training:2.8.0-gpu-py312').known, undefined);
      assert.equal(parseImageRef('public.ecr.aws/acme/pytorch-training:2.8.0-gpu-py312').known, undefined);
    });
  });

  describe('unresolved variables', () => {
    it('parses around ${REGION} in the host', () => {
      const ref = parseImageRef('763104351884.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.8.0-gpu-py312');
      assert.equal(ref.registryKind, 'ecr');
      assert.equal(ref.registry, undefined);
      assert.equal(ref.account, '763104351884');
      assert.equal(ref.region, undefined);
      assert.equal(ref.domain, 'amazonaws.com');
      assert.deepEqual(ref.unresolved, ['registry', 'region']);
      assert.equal(ref.known?.tagStatus, 'known');
      assert.equal(ref.expectedAccount, undefined);
      assert.equal(ref.accountMatches, undefined);
    });

    it('does not split on the colon of ${VAR:-default}', () => {
      const ref = parseImageRef('${ACCOUNT:-763104351884}.dkr.ecr.${REGION:-us-west-2}.amazonaws.com/pytorch-training:2.8.0-gpu-py312');
      assert.deepEqual(ref.unresolved, ['registry', 'account', 'region']);
      assert.equal(ref.tag, '2.8.0-gpu-py312');
      assert.equal(ref.known?.tagStatus, 'known');
    });

    it('gives the expected account when only the account is a variable', () => {
      const ref = parseImageRef('$ACCOUNT.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1');
      assert.equal(ref.account, undefined);
      assert.equal(ref.expectedAccount, '246618743249');
      assert.equal(ref.accountMatches, undefined);
    });

    it('marks an unresolved tag and judges nothing', () => {
      const ref = parseImageRef(`${DLC}/pytorch-training:\${TAG}`);
      assert.equal(ref.tag, undefined);
      assert.deepEqual(ref.unresolved, ['tag']);
      assert.equal(ref.known?.tagStatus, 'none');
      assert.equal(ref.known?.version, undefined);
    });

    it('knows the repository behind an unresolved registry', () => {
      const ref = parseImageRef('${REGISTRY}/huggingface-pytorch-inference:2.6.0-transformers4.49.0-gpu-py312-cu124-ubuntu22.04');
      assert.equal(ref.registryKind, 'unknown');
      assert.deepEqual(ref.unresolved, ['registry']);
      assert.equal(ref.known?.family, 'huggingface');
    });

    it('treats a whole-reference variable as unknown everywhere', () => {
      const ref = parseImageRef('${BASE_IMAGE}');
      assert.equal(ref.registryKind, 'unknown');
      assert.deepEqual(ref.unresolved, ['registry', 'repository', 'tag']);
      assert.equal(ref.repository, undefined);
      assert.equal(ref.known, undefined);
    });

    it('splits ${IMAGE}:${TAG}', () => {
      const ref = parseImageRef('${IMAGE}:${TAG}');
      assert.deepEqual(ref.unresolved, ['registry', 'repository', 'tag']);
    });

    it('marks a partly unresolved repository', () => {
      const ref = parseImageRef(`${DLC}/pytorch-\${SCOPE}:2.8.0-gpu-py312`);
      assert.equal(ref.repository, undefined);
      assert.deepEqual(ref.unresolved, ['repository']);
      assert.equal(ref.known, undefined);
      assert.equal(ref.tag, '2.8.0-gpu-py312');
    });
  });

  describe('other references', () => {
    const rows: [string, Partial<ImageRef>][] = [
      ['python:3.11-slim', { registryKind: 'docker-hub', registry: undefined, repository: 'python', tag: '3.11-slim', known: undefined }],
      ['ubuntu', { registryKind: 'docker-hub', repository: 'ubuntu', tag: undefined, digest: undefined }],
      ['docker.io/library/ubuntu:22.04', { registryKind: 'docker-hub', registry: 'docker.io', repository: 'library/ubuntu', tag: '22.04' }],
      ['localhost:5000/x', { registryKind: 'other', registry: 'localhost:5000', repository: 'x', tag: undefined }],
      ['localhost:5000/team/x:1.0', { registryKind: 'other', registry: 'localhost:5000', repository: 'team/x', tag: '1.0' }],
      ['nvidia/cuda:12.4.1-runtime-ubuntu22.04', { registryKind: 'docker-hub', repository: 'nvidia/cuda', tag: '12.4.1-runtime-ubuntu22.04' }],
      [`ubuntu@sha256:${'a'.repeat(64)}`, { repository: 'ubuntu', tag: undefined, digest: `sha256:${'a'.repeat(64)}` }],
      ['scratch', { registryKind: 'docker-hub', repository: 'scratch' }],
    ];
    for (const [ref, expected] of rows) {
      it(ref, () => {
        const parsed = parseImageRef(ref);
        assert.deepEqual(Object.fromEntries(Object.keys(expected).map((k) => [k, parsed[k as keyof ImageRef]])), expected);
        assert.deepEqual(parsed.unresolved, []);
      });
    }

    it('reads a digest reference of a DLC: tag and digest', () => {
      const digest = `sha256:${'0123456789abcdef'.repeat(4)}`;
      const withTag = parseImageRef(`${DLC}/pytorch-training:2.8.0-gpu-py312@${digest}`);
      assert.equal(withTag.tag, '2.8.0-gpu-py312');
      assert.equal(withTag.digest, digest);
      assert.equal(withTag.known?.tagStatus, 'known');
      const digestOnly = parseImageRef(`${DLC}/pytorch-training@${digest}`);
      assert.equal(digestOnly.tag, undefined);
      assert.equal(digestOnly.digest, digest);
      assert.equal(digestOnly.known?.tagStatus, 'none');
      assert.equal(digestOnly.accountMatches, true);
    });

    it('says "none" for a known repository without a tag', () => {
      assert.equal(knownOf(`${DLC}/pytorch-training`).tagStatus, 'none');
    });

    for (const garbage of ['', '   ', '!!!', ':::', 'a b', 'Ubuntu:22.04', 'repo:', '@', 'x@sha256:zz', '/x', 'x//y', `${DLC}/`, '$', '${']) {
      it(`refuses ${JSON.stringify(garbage)} without throwing`, () => {
        const parsed = parseImageRef(garbage);
        assert.equal(parsed.ref, garbage.trim());
        assert.equal(parsed.registryKind, 'unknown');
        assert.equal(parsed.repository, undefined);
        assert.equal(parsed.known, undefined);
      });
    }

    it('never throws, and suggestTags never throws, on any input', () => {
      const pieces = fc.constantFrom(
        '763104351884.dkr.ecr.us-east-1.amazonaws.com/', 'public.ecr.aws/deep-learning-containers/', 'pytorch-training', 'djl-inference',
        ':', '@', '/', '-', '${X}', '$Y', '${Z:-a:b}', '2.8.0', 'gpu', 'py312', 'sagemaker', 'ec2', 'v1', 'sha256:', '.', '{', '}',
      );
      fc.assert(fc.property(fc.oneof(fc.string(), fc.array(pieces).map((p) => p.join(''))), (text) => {
        const ref = parseImageRef(text);
        suggestTags(ref, 3);
        return ref.ref === text.trim();
      }), { numRuns: 2000 });
    });
  });
});
