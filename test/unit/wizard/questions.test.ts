import assert from 'node:assert/strict';
import { entryScriptProblem, visibleQuestions, type Answers, type QuestionId } from '../../../src/core/wizard';
import { settle } from '../../../src/core/wizard/questions';

function ids(answers: Answers): QuestionId[] {
  return visibleQuestions(answers).map((q) => q.id);
}

function options(answers: Answers, id: QuestionId): string[] {
  const question = visibleQuestions(answers).find((q) => q.id === id);
  assert.ok(question, `${id} is not shown for ${JSON.stringify(answers)}`);
  return question.options.map((o) => o.value);
}

describe('visibleQuestions', () => {
  it('starts with the purpose alone', () => {
    assert.deepEqual(ids({}), ['purpose']);
    assert.deepEqual(options({}, 'purpose'), ['train', 'serve', 'both', 'processing', 'studio']);
  });

  it('shows the answered questions and the next one only', () => {
    assert.deepEqual(ids({ purpose: 'train' }), ['purpose', 'approach']);
    assert.deepEqual(ids({ purpose: 'serve' }), ['purpose', 'hosting']);
    assert.deepEqual(ids({ purpose: 'serve', hosting: 'realtime' }), ['purpose', 'hosting', 'endpoint']);
    // Batch transform has no endpoint kind to ask about.
    assert.deepEqual(ids({ purpose: 'serve', hosting: 'batch' }), ['purpose', 'hosting', 'approach']);
    assert.deepEqual(ids({ purpose: 'processing' }), ['purpose', 'framework']);
    assert.deepEqual(ids({ purpose: 'studio' }), ['purpose', 'dependencies']);
  });

  it('asks about network isolation only for start-up installs, and never for serverless', () => {
    const train: Answers = { purpose: 'train', approach: 'own', framework: 'pytorch' };
    assert.deepEqual(ids({ ...train, dependencies: 'pip' }).slice(-1), ['networkIsolation']);
    assert.deepEqual(ids({ ...train, dependencies: 'none' }).slice(-1), ['instanceType']);
    const serverless: Answers = { purpose: 'serve', hosting: 'serverless', approach: 'own', framework: 'pytorch', dependencies: 'pip' };
    // No isolation question and no instance type: serverless is CPU only.
    assert.deepEqual(ids(serverless).slice(-2), ['dependencies', 'version']);
  });

  it('asks for an existing image only for a custom framework or build-time installs', () => {
    assert.deepEqual(ids({ purpose: 'train', approach: 'own', framework: 'other' }).slice(-1), ['existingImage']);
    assert.deepEqual(ids({ purpose: 'train', approach: 'own', framework: 'pytorch', dependencies: 'build' }).slice(-1), ['existingImage']);
  });

  it('offers Graviton only where SageMaker runs arm64: real-time and asynchronous hosting', () => {
    const pytorch = { approach: 'own', framework: 'pytorch', dependencies: 'none' };
    assert.deepEqual(options({ purpose: 'serve', hosting: 'realtime', endpoint: 'single', ...pytorch }, 'instanceType'), ['ml.m5.xlarge', 'ml.g5.xlarge', 'ml.c7g.xlarge']);
    assert.deepEqual(options({ purpose: 'serve', hosting: 'async', ...pytorch }, 'instanceType'), ['ml.m5.xlarge', 'ml.g5.xlarge', 'ml.c7g.xlarge']);
    assert.deepEqual(options({ purpose: 'serve', hosting: 'batch', ...pytorch }, 'instanceType'), ['ml.m5.xlarge', 'ml.g5.xlarge']);
    assert.deepEqual(options({ purpose: 'train', ...pytorch }, 'instanceType'), ['ml.m5.xlarge', 'ml.g5.xlarge']);
  });

  it('offers only CPU instances and MMS-capable frameworks for a multi-model endpoint', () => {
    const mme: Answers = { purpose: 'serve', hosting: 'realtime', endpoint: 'multi-model', approach: 'own' };
    assert.deepEqual(options(mme, 'framework'), ['pytorch', 'tensorflow', 'sklearn', 'xgboost', 'mxnet', 'other']);
    assert.deepEqual(options({ ...mme, framework: 'pytorch', dependencies: 'none' }, 'instanceType'), ['ml.m5.xlarge']);
  });

  it('offers the LLM serving containers only for one-model hosting', () => {
    const llm = ['huggingface-llm', 'huggingface-vllm', 'huggingface-sglang', 'djl-lmi', 'huggingface-tei', 'huggingface-tei-cpu'];
    const single = options({ purpose: 'serve', hosting: 'realtime', endpoint: 'single', approach: 'own' }, 'framework');
    assert.deepEqual(single.filter((f) => llm.includes(f)), llm);
    assert.deepEqual(options({ purpose: 'train', approach: 'own' }, 'framework').filter((f) => llm.includes(f)), []);
    // A GPU-only container offers no CPU instance.
    assert.deepEqual(options({ purpose: 'serve', hosting: 'realtime', endpoint: 'single', approach: 'own', framework: 'huggingface-llm' }, 'instanceType'), ['ml.g5.xlarge']);
  });

  it('offers the regions where the catalog has the image, China included', () => {
    const answers: Answers = { purpose: 'train', approach: 'own', framework: 'pytorch', dependencies: 'none', instanceType: 'ml.m5.xlarge', version: '2.8.0' };
    assert.deepEqual(options(answers, 'region'), ['us-east-1', 'us-west-2', 'eu-west-1', 'cn-north-1']);
    // The catalog lists SageMaker Distribution in no China region.
    assert.deepEqual(options({ purpose: 'studio', dependencies: 'none', instanceType: 'ml.m5.xlarge' }, 'region'), ['us-east-1', 'us-west-2', 'eu-west-1']);
  });
});

describe('settle', () => {
  it('keeps later answers that still hold when an earlier one changes, and drops the rest', () => {
    const answers: Answers = { purpose: 'train', approach: 'own', framework: 'pytorch', dependencies: 'none', instanceType: 'ml.m5.xlarge', version: '2.8.0', region: 'us-west-2' };
    assert.equal(settle(answers).answers.version, '2.8.0');
    const changed = settle({ ...answers, framework: 'tensorflow' }).answers;
    assert.deepEqual([changed.instanceType, changed.version, changed.region], ['ml.m5.xlarge', undefined, undefined]);
  });

  it('drops answers of questions that no longer follow', () => {
    const { answers } = settle({ purpose: 'train', approach: 'own', framework: 'other', existingImage: 'python', hosting: 'realtime' });
    assert.equal(answers.hosting, undefined);
  });

  it('fills a question that has a single option, and a text question with its default', () => {
    const { answers } = settle({ purpose: 'train', approach: 'builtin', algorithm: 'kmeans', region: 'us-east-1' });
    assert.equal(answers.version, '1');
    const scripted = settle({ purpose: 'processing', framework: 'other', existingImage: 'none', instanceType: 'ml.m5.xlarge', region: 'us-east-1' }).answers;
    assert.equal(scripted.entryScript, 'process.py');
  });
});

describe('entryScriptProblem', () => {
  it('accepts Python file names', () => {
    assert.equal(entryScriptProblem('train.py'), undefined);
    assert.equal(entryScriptProblem('_fit2.py'), undefined);
  });

  it('refuses what is not a plain Python file name, and names the wizard writes itself', () => {
    for (const bad of ['', 'train', 'train.sh', '../train.py', 'my script.py', "x';rm.py", '2train.py', 'a/b.py']) {
      assert.ok(entryScriptProblem(bad), bad);
    }
    assert.match(entryScriptProblem('inference.py') ?? '', /writes itself/);
  });
});
