/**
 * The decision table, one case per row: each path row decides its path for the answers of its
 * case, and each reason row adds its reason, carrying the answer that caused it and its AWS page.
 */
import assert from 'node:assert/strict';
import { PATH_ROWS, REASON_ROWS, recommend, visibleQuestions, type Answers, type PathId } from '../../../src/core/wizard';

const TRAIN_OWN: Answers = { purpose: 'train', approach: 'own' };
const SERVE_ONE: Answers = { purpose: 'serve', hosting: 'realtime', endpoint: 'single', approach: 'own' };

/** Complete answers for each path row, and the path it must decide. */
const PATH_CASES: Readonly<Record<string, { answers: Answers; path: PathId; cause: string }>> = {
  'builtin-algorithm': { answers: { purpose: 'train', approach: 'builtin', algorithm: 'linear-learner', region: 'us-east-1' }, path: 'builtin', cause: 'A SageMaker built-in algorithm' },
  'llm-container': { answers: { ...SERVE_ONE, framework: 'huggingface-llm', instanceType: 'ml.g5.xlarge', region: 'us-east-1' }, path: 'prebuilt', cause: 'Hugging Face TGI' },
  'studio-distribution': { answers: { purpose: 'studio', dependencies: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, path: 'prebuilt', cause: 'No' },
  'keep-own-image': { answers: { ...TRAIN_OWN, framework: 'pytorch', dependencies: 'build', existingImage: 'cuda', instanceType: 'ml.g5.xlarge', region: 'us-east-1' }, path: 'adapt', cause: 'An NVIDIA CUDA image (nvidia/cuda:12.4.1-cudnn-runtime, Ubuntu)' },
  'multi-model-needs-mms': { answers: { purpose: 'serve', hosting: 'realtime', endpoint: 'multi-model', approach: 'own', framework: 'other', existingImage: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, path: 'adapt', cause: 'Multi-model endpoint' },
  'custom-framework': { answers: { ...TRAIN_OWN, framework: 'other', existingImage: 'none', instanceType: 'ml.m5.xlarge', region: 'eu-west-1' }, path: 'scratch', cause: 'Other or none' },
  'no-extra-packages': { answers: { ...TRAIN_OWN, framework: 'sklearn', dependencies: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, path: 'prebuilt', cause: 'No' },
  'build-time-packages': { answers: { ...TRAIN_OWN, framework: 'pytorch', dependencies: 'build', existingImage: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, path: 'extend', cause: 'Yes, and they must be installed at build time' },
  'network-isolation': { answers: { ...TRAIN_OWN, framework: 'tensorflow', dependencies: 'pip', networkIsolation: 'yes', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, path: 'extend', cause: 'Yes' },
  'serverless-cold-start': { answers: { purpose: 'serve', hosting: 'serverless', approach: 'own', framework: 'sklearn', dependencies: 'pip', region: 'us-east-1' }, path: 'extend', cause: 'Serverless endpoint' },
  'requirements-unsupported': { answers: { ...TRAIN_OWN, framework: 'xgboost', dependencies: 'pip', networkIsolation: 'no', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, path: 'extend', cause: 'XGBoost' },
  'pip-at-start': { answers: { ...TRAIN_OWN, framework: 'pytorch', dependencies: 'pip', networkIsolation: 'no', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, path: 'requirements', cause: 'Yes, pure-Python packages from PyPI' },
};

/** Complete answers whose recommendation must include each reason row, with the cause's answer label. */
const REASON_CASES: Readonly<Record<string, { answers: Answers; cause: string }>> = {
  'catalog-image': { answers: PATH_CASES['no-extra-packages'].answers, cause: '1.4-2-py312' },
  'separate-images': { answers: { purpose: 'both', hosting: 'realtime', endpoint: 'single', approach: 'own', framework: 'pytorch', dependencies: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'Both training and hosting' },
  'training-start': { answers: PATH_CASES['custom-framework'].answers, cause: 'Training jobs' },
  'training-toolkit': { answers: PATH_CASES['build-time-packages'].answers, cause: 'train.py' },
  'inference-code': { answers: { ...SERVE_ONE, framework: 'pytorch', dependencies: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'PyTorch' },
  'tensorflow-serving': { answers: { ...SERVE_ONE, framework: 'tensorflow', dependencies: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'TensorFlow' },
  'inference-toolkit': { answers: PATH_CASES['multi-model-needs-mms'].answers, cause: 'Hosting a model' },
  'scratch-serving': { answers: { ...SERVE_ONE, framework: 'other', existingImage: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'Hosting a model' },
  'processing-start': { answers: { purpose: 'processing', framework: 'sklearn', dependencies: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'Processing jobs' },
  'studio-user': { answers: { purpose: 'studio', dependencies: 'build', existingImage: 'python', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'A SageMaker Studio image' },
  'serverless-limits': { answers: PATH_CASES['serverless-cold-start'].answers, cause: 'Serverless endpoint' },
  'async-limits': { answers: { purpose: 'serve', hosting: 'async', approach: 'own', framework: 'pytorch', dependencies: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'Asynchronous endpoint' },
  'batch-contract': { answers: { purpose: 'serve', hosting: 'batch', approach: 'own', framework: 'xgboost', dependencies: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'Batch transform' },
  'multi-model-label': { answers: PATH_CASES['multi-model-needs-mms'].answers, cause: 'Multi-model endpoint' },
  'bind-to-port': { answers: { purpose: 'serve', hosting: 'realtime', endpoint: 'pipeline', approach: 'own', framework: 'sklearn', dependencies: 'build', existingImage: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'Serial inference pipeline' },
  'graviton': { answers: { ...SERVE_ONE, framework: 'pytorch', dependencies: 'build', existingImage: 'none', instanceType: 'ml.c7g.xlarge', region: 'us-west-2' }, cause: 'Graviton, arm64 (ml.c7g.xlarge)' },
  'amd64': { answers: PATH_CASES['custom-framework'].answers, cause: 'CPU (ml.m5.xlarge)' },
  'gpu-driver': { answers: PATH_CASES['keep-own-image'].answers, cause: 'NVIDIA GPU (ml.g5.xlarge)' },
  'china-region': { answers: { ...TRAIN_OWN, framework: 'mxnet', dependencies: 'none', instanceType: 'ml.m5.xlarge', region: 'cn-north-1' }, cause: 'cn-north-1' },
  'chainer-isolation': { answers: { ...TRAIN_OWN, framework: 'chainer', dependencies: 'pip', networkIsolation: 'yes', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }, cause: 'Yes' },
};

/** The answers, with each question left open answered by its first option: the newest version. */
function completed(answers: Answers): Answers {
  const next = visibleQuestions(answers).find((q) => answers[q.id] === undefined);
  return next ? completed({ ...answers, [next.id]: next.options[0]?.value ?? next.defaultValue }) : answers;
}

function recommended(answers: Answers) {
  const rec = recommend(completed(answers));
  assert.ok(rec, `no recommendation for ${JSON.stringify(answers)}`);
  return rec;
}

describe('recommend: path rows', () => {
  it('has a case for every path row, and every path is reached', () => {
    assert.deepEqual(Object.keys(PATH_CASES).sort(), PATH_ROWS.map((r) => r.id).sort());
    assert.deepEqual(new Set(Object.values(PATH_CASES).map((c) => c.path)).size, 6);
  });

  for (const row of PATH_ROWS) {
    it(`${row.id} → ${row.path}`, () => {
      const { answers, path, cause } = PATH_CASES[row.id];
      const rec = recommended(answers);
      assert.equal(rec.complete, true, `incomplete: ${JSON.stringify(rec.answers)}`);
      assert.equal(rec.path.id, path);
      // The deciding row is the first reason, with the answer that caused it and its AWS page.
      assert.deepEqual(
        { id: rec.reasons[0].id, question: rec.reasons[0].cause.question, label: rec.reasons[0].cause.label, url: rec.reasons[0].url },
        { id: row.id, question: row.cause, label: cause, url: row.url },
      );
      assert.match(rec.reasons[0].url, /^https:\/\/docs\.aws\.amazon\.com\//);
    });
  }
});

describe('recommend: reason rows', () => {
  it('has a case for every reason row', () => {
    assert.deepEqual(Object.keys(REASON_CASES).sort(), REASON_ROWS.map((r) => r.id).sort());
  });

  for (const row of REASON_ROWS) {
    it(`${row.id} (caused by ${row.cause})`, () => {
      const { answers, cause } = REASON_CASES[row.id];
      const rec = recommended(answers);
      const reason = rec.reasons.find((r) => r.id === row.id);
      assert.ok(reason, `no ${row.id} among ${rec.reasons.map((r) => r.id).join(', ')}`);
      assert.deepEqual(
        { question: reason.cause.question, label: reason.cause.label, source: reason.source, severity: reason.severity },
        { question: row.cause, label: cause, source: row.source, severity: row.severity ?? 'info' },
      );
      assert.ok(!reason.text.includes('{answer}'));
      assert.match(reason.url, /^https:\/\/docs\.aws\.amazon\.com\//);
    });
  }

  it('leaves out reasons whose conditions do not hold', () => {
    const ids = recommended(PATH_CASES['no-extra-packages'].answers).reasons.map((r) => r.id);
    assert.deepEqual(ids, ['no-extra-packages', 'catalog-image']);
  });
});

describe('recommend: while answers are missing', () => {
  it('has no recommendation before the path is decided', () => {
    assert.equal(recommend({}), undefined);
    assert.equal(recommend({ purpose: 'train', approach: 'own', framework: 'pytorch' }), undefined);
    // Network isolation decides between paths 2 and 3.
    assert.equal(recommend({ ...TRAIN_OWN, framework: 'pytorch', dependencies: 'pip' }), undefined);
  });

  it('names the path as soon as it is decided, before the image is known', () => {
    const rec = recommend({ ...TRAIN_OWN, framework: 'pytorch', dependencies: 'build', existingImage: 'none' });
    assert.deepEqual({ path: rec?.path.id, complete: rec?.complete, images: rec?.images }, { path: 'extend', complete: false, images: [] });
  });

  it('decides serverless without asking about network isolation, which serverless does not support', () => {
    const rec = recommend({ purpose: 'serve', hosting: 'serverless', approach: 'own', framework: 'pytorch', dependencies: 'pip' });
    assert.equal(rec?.path.id, 'extend');
  });
});

describe('recommend: images', () => {
  it('resolves the exact URI, with the China domain and account', () => {
    const rec = recommended(REASON_CASES['china-region'].answers);
    assert.deepEqual(rec.images.map((i) => [i.role, i.uri, i.privateEcr]), [
      ['training', '727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/mxnet-training:1.9.0-cpu-py38', true],
    ]);
  });

  it('gives one image per scope for purpose both', () => {
    const rec = recommended(REASON_CASES['separate-images'].answers);
    assert.deepEqual(rec.images.map((i) => i.uri), [
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-cpu-py312',
      '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312',
    ]);
  });

  it('uses the arm64 image on Graviton', () => {
    const rec = recommended(REASON_CASES.graviton.answers);
    assert.match(rec.images[0].uri, /\/pytorch-inference-graviton:/);
  });

  it('pulls SageMaker Distribution from ECR Public, which needs no login', () => {
    const rec = recommended({ purpose: 'studio', dependencies: 'build', existingImage: 'none', instanceType: 'ml.g5.xlarge', region: 'us-east-1' });
    assert.deepEqual(rec.images.map((i) => [i.uri, i.privateEcr]), [['public.ecr.aws/sagemaker/sagemaker-distribution:3.2.0-gpu', false]]);
  });

  it('shows the built-in algorithm image and nothing to build', () => {
    const rec = recommended(PATH_CASES['builtin-algorithm'].answers);
    assert.deepEqual(rec.images.map((i) => i.uri), ['382416733822.dkr.ecr.us-east-1.amazonaws.com/linear-learner:1']);
  });
});
