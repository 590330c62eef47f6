import assert from 'node:assert/strict';
import {
  compareVersions, instanceFamily, isGpuInstance, isGravitonInstance, listBaseFrameworkVersions, listFamilies, listProcessors,
  listPyVersions, listRegions, listVersions, processorForInstance,
} from '../../../src/core/catalog';
import { CATALOG } from '../../../src/core/catalog/data';
import { FAMILY_META } from '../../../src/core/catalog/families';

describe('catalog: listings', () => {
  it('has metadata for exactly the generated families', () => {
    assert.deepEqual(Object.keys(FAMILY_META).sort(), Object.keys(CATALOG.families).sort());
  });

  it('lists every family with display name, kind, scopes and repositories', () => {
    const families = listFamilies();
    assert.equal(families.length, 37);
    assert.deepEqual(families[0], {
      id: 'pytorch', displayName: 'PyTorch', kind: 'framework', scopes: ['training', 'inference', 'inference_graviton', 'eia'],
      repositories: ['pytorch-inference', 'pytorch-inference-eia', 'pytorch-inference-graviton', 'pytorch-training', 'sagemaker-pytorch'],
    });
    const byId = new Map(families.map((f) => [f.id, f]));
    assert.deepEqual(byId.get('linear-learner'), {
      id: 'linear-learner', displayName: 'Linear Learner', kind: 'builtin-algorithm', scopes: ['training', 'inference'], repositories: ['linear-learner'],
    });
    assert.deepEqual(byId.get('djl-lmi')?.repositories, ['djl-inference']);
    assert.deepEqual(byId.get('xgboost')?.repositories, ['sagemaker-xgboost', 'xgboost']);
    assert.deepEqual(byId.get('sagemaker-base-python')?.scopes, []);
    assert.equal(byId.get('huggingface-llm')?.kind, 'llm-serving');
  });

  it('lists versions newest first with aliases after their targets', () => {
    assert.deepEqual(listVersions('pytorch', 'training').slice(0, 4),
      [{ version: '2.8.0' }, { version: '2.8', aliasOf: '2.8.0' }, { version: '2.7.1' }, { version: '2.7', aliasOf: '2.7.1' }]);
    assert.deepEqual(listVersions('pytorch', 'inference_graviton').map((v) => v.version),
      ['2.4.0', '2.4', '2.3.0', '2.3', '2.2.1', '2.2', '2.1.0', '2.1', '2.0.1', '2.0', '2.0.0', '1.12.1', '1.12']);
    assert.deepEqual(listVersions('xgboost', 'training').map((v) => v.version),
      ['3.2-0', '3.0-5', '1.7-1', '1.5-1', '1.3-1', '1.2-2', '1.2-1', '1.0-1', '1', 'latest', '0.90-2', '0.90-1']);
    assert.deepEqual(listVersions('sagemaker-tritonserver').map((v) => v.version),
      ['26.05', '25.09', '25.04', '24.09', '24.05', '24.03', '24.01', '23.12']);
    assert.deepEqual(listVersions('linear-learner'), [{ version: '1' }]);
    assert.deepEqual(listVersions('linear-learner', 'training'), [{ version: '1' }]);
    assert.deepEqual(listVersions('vw', 'inference'), []);
    assert.deepEqual(listVersions('caffe'), []);
  });

  it('lists base frameworks, processors, Python versions and regions of a version', () => {
    assert.deepEqual(listBaseFrameworkVersions('huggingface', '4.49', 'inference'),
      [{ version: 'pytorch2.6.0' }, { version: 'pytorch2.6', aliasOf: 'pytorch2.6.0' }]);
    assert.deepEqual(listProcessors('pytorch', '2.8', 'training'), ['cpu', 'gpu']);
    assert.deepEqual(listProcessors('sklearn', '1.2-1'), ['cpu']);
    assert.deepEqual(listProcessors('xgboost', '1.7-1'), []);
    assert.deepEqual(listProcessors('huggingface', '4.56.2', 'training'), ['gpu']);
    assert.deepEqual(listPyVersions('pytorch', '1.0.0', 'training'), ['py3', 'py2']);
    assert.deepEqual(listPyVersions('tensorflow', '1.13', 'training'), ['py3', 'py2']);
    assert.deepEqual(listPyVersions('tensorflow', '2.19.0', 'inference'), []);
    assert.deepEqual(listPyVersions('huggingface', '4.49.0', 'inference', 'pytorch2.6'), ['py312']);
    const lda = listRegions('lda', '1');
    assert.equal(lda.length, 16);
    assert.ok(lda.includes('us-east-1') && !lda.includes('af-south-1'));
    assert.deepEqual(listRegions('vw', '8.7.0'), ['ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2',
      'ca-central-1', 'eu-central-1', 'eu-west-1', 'eu-west-2', 'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2']);
    assert.deepEqual(listRegions('pytorch', '9.9.9', 'training'), []);
  });
});

describe('catalog: instance types', () => {
  const rows: [string, string | undefined, boolean, boolean][] = [
    ['ml.g5.xlarge', 'gpu', true, false],
    ['ml.p4d.24xlarge', 'gpu', true, false],
    ['ml.p6-b200.48xlarge', 'gpu', true, false],
    ['ml.g6e.2xlarge', 'gpu', true, false],
    ['ml.c5.xlarge', 'cpu', false, false],
    ['ml.m7i.large', 'cpu', false, false],
    ['ml.inf2.xlarge', 'inf', false, false],
    ['ml.trn1.32xlarge', 'trn', false, false],
    ['local', 'cpu', false, false],
    ['local_gpu', 'gpu', true, false],
    ['ml.c6g.large', 'cpu', false, true],
    ['ml.c7g.xlarge', 'cpu', false, true],
    ['ml.c8g.xlarge', 'cpu', false, true],
    ['ml.r7gd.large', 'cpu', false, true],
    ['g5.xlarge', undefined, false, false],
    ['', undefined, false, false],
  ];
  for (const [type, processor, gpu, graviton] of rows) {
    it(`${type || '(empty)'} → ${processor}, gpu ${gpu}, graviton ${graviton}`, () => {
      assert.equal(processorForInstance(type), processor);
      assert.equal(isGpuInstance(type), gpu);
      assert.equal(isGravitonInstance(type), graviton);
    });
  }

  it('knows the twelve Graviton hosting families', () => {
    const families = ['c6g', 'c6gd', 'c6gn', 'c7g', 'c8g', 'm6g', 'm6gd', 'm8g', 'r6g', 'r6gd', 'r7gd', 'r8g'];
    for (const f of families) assert.ok(isGravitonInstance(`ml.${f}.large`), f);
    for (const f of ['c7i', 'g5g', 'm7i', 'r7i', 'c6i']) assert.ok(!isGravitonInstance(`ml.${f}.large`), f);
  });

  it('reads the family the SDK way', () => {
    assert.equal(instanceFamily('ml.p6-b200.48xlarge'), 'p6-b200');
    assert.equal(instanceFamily('ml_m5'), 'm5');
    assert.equal(instanceFamily('m5.large'), undefined);
  });
});

describe('catalog: compareVersions', () => {
  const ascending = ['0.90-1', '1', '1.0-1', '1.2-1', '1.4-2', '1.4-2-py312', '2.6', '2.6.0', '2.9.1', '2.10.0', '26.05'];
  it('orders versions numerically', () => {
    assert.deepEqual([...ascending].reverse().sort(compareVersions), ascending);
    assert.ok(compareVersions('py312', 'py39') > 0);
    assert.equal(compareVersions('2.6.0', '2.6.0'), 0);
  });
});
