/** The README of a generated container: the decision and its reasons, each file's job, and next steps. */
import type { Plan } from '../plan';
import type { Recommendation } from '../recommend';
import { LLM_SERVERS } from './shell';

/** A generated file and what it is for, as the README's file table lists it. */
export interface FileNote {
  path: string;
  about: string;
}

/** The SageMaker Python SDK (v2) classes of each framework. */
const SDK: Readonly<Record<string, { module: string; estimator: string; model: string; processor?: string }>> = {
  pytorch: { module: 'sagemaker.pytorch', estimator: 'PyTorch', model: 'PyTorchModel' },
  tensorflow: { module: 'sagemaker.tensorflow', estimator: 'TensorFlow', model: 'TensorFlowModel' },
  sklearn: { module: 'sagemaker.sklearn', estimator: 'SKLearn', model: 'SKLearnModel' },
  xgboost: { module: 'sagemaker.xgboost', estimator: 'XGBoost', model: 'XGBoostModel' },
  mxnet: { module: 'sagemaker.mxnet', estimator: 'MXNet', model: 'MXNetModel' },
  chainer: { module: 'sagemaker.chainer', estimator: 'Chainer', model: 'ChainerModel' },
  huggingface: { module: 'sagemaker.huggingface', estimator: 'HuggingFace', model: 'HuggingFaceModel' },
};

const ROLE = 'role = "arn:aws:iam::111122223333:role/YourSageMakerExecutionRole"';

function pushedImage(plan: Plan, tag: string): string {
  const domain = plan.region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `111122223333.dkr.ecr.${plan.region}.${domain}/${plan.repository}:${tag}`;
}

function titleOf(plan: Plan): string {
  const job = { train: 'training', serve: 'hosting', both: 'training and hosting', processing: 'processing', studio: 'Studio' }[plan.purpose];
  return `${plan.purpose === 'studio' ? 'SageMaker Studio' : plan.frameworkName === 'your framework' ? 'Custom' : plan.frameworkName} ${plan.purpose === 'studio' ? 'image' : `${job} container`} for SageMaker`;
}

function deployCall(plan: Plan, model: string): string[] {
  const instance = plan.instanceType ?? 'ml.m5.xlarge';
  switch (plan.target) {
    case 'serverless': return [
      'from sagemaker.serverless import ServerlessInferenceConfig',
      `predictor = ${model}.deploy(serverless_inference_config=ServerlessInferenceConfig(memory_size_in_mb=4096, max_concurrency=5))`,
    ];
    case 'async': return [
      'from sagemaker.async_inference import AsyncInferenceConfig',
      `predictor = ${model}.deploy(initial_instance_count=1, instance_type="${instance}",`,
      '                           async_inference_config=AsyncInferenceConfig(output_path="s3://your-bucket/async-output/"))',
    ];
    case 'batch': return [
      `transformer = ${model}.transformer(instance_count=1, instance_type="${instance}", output_path="s3://your-bucket/batch-output/")`,
      'transformer.transform("s3://your-bucket/batch-input/", content_type="text/csv", split_type="Line")',
    ];
    case 'multi-model': return [
      'from sagemaker.multidatamodel import MultiDataModel',
      '# Every model.tar.gz under the prefix becomes a model of the endpoint.',
      `mme = MultiDataModel(name="my-multi-model", model_data_prefix="s3://your-bucket/models/", model=${model})`,
      `predictor = mme.deploy(initial_instance_count=1, instance_type="${instance}")`,
      'predictor.predict(b"1.0\\n2.5\\n", target_model="model.tar.gz")',
    ];
    case 'pipeline': return [
      'from sagemaker.pipeline import PipelineModel',
      '# This container is one step; list the other models of the pipeline around it.',
      `pipeline = PipelineModel(name="my-pipeline", role=role, models=[${model}])`,
      `predictor = pipeline.deploy(initial_instance_count=1, instance_type="${instance}")`,
    ];
    case 'multi-container': return [
      '# Multi-container endpoints with direct invocation are created with boto3: create_model with',
      '# Containers=[...] and InferenceExecutionConfig={"Mode": "Direct"}; see the AWS page linked above.',
      `predictor = ${model}.deploy(initial_instance_count=1, instance_type="${instance}")`,
    ];
    default: return [`predictor = ${model}.deploy(initial_instance_count=1, instance_type="${instance}")`];
  }
}

function trainingSnippet(plan: Plan): string[] {
  const instance = plan.instanceType ?? 'ml.m5.xlarge';
  const sdk = plan.framework ? SDK[plan.framework] : undefined;
  const image = plan.images.find((i) => i.role === 'training');
  if ((plan.path === 'prebuilt' || plan.path === 'requirements') && sdk && image) {
    return [
      `from ${sdk.module} import ${sdk.estimator}`,
      '',
      `estimator = ${sdk.estimator}(`,
      `    entry_point="${plan.entryScript}",`,
      '    source_dir="code",',
      `    image_uri="${image.uri}",`,
      `    role=role, instance_count=1, instance_type="${instance}",`,
      '    hyperparameters={"scale": 1.0},',
      ')',
      'estimator.fit({"training": "s3://your-bucket/training-data/"})',
    ];
  }
  const tag = plan.builds.find((b) => b.modes.includes('train'))?.tag ?? 'latest';
  return [
    'from sagemaker.estimator import Estimator',
    '',
    `estimator = Estimator(image_uri="${pushedImage(plan, tag)}",`,
    `                      role=role, instance_count=1, instance_type="${instance}",`,
    '                      hyperparameters={"scale": "1.0"})',
    'estimator.fit({"training": "s3://your-bucket/training-data/"})',
  ];
}

function hostingSnippet(plan: Plan): string[] {
  const sdk = plan.framework ? SDK[plan.framework] : undefined;
  const image = plan.images.find((i) => i.role === 'inference');
  const data = plan.trains ? 'estimator.model_data' : '"s3://your-bucket/model/model.tar.gz"';
  if (plan.framework && LLM_SERVERS[plan.framework] && image) {
    const server = LLM_SERVERS[plan.framework];
    return [
      'from sagemaker.model import Model',
      '',
      `model = Model(image_uri="${image.uri}", role=role,`,
      `              env={"${server.env}": "${server.model}"})`,
      ...deployCall(plan, 'model'),
    ];
  }
  if ((plan.path === 'prebuilt' || plan.path === 'requirements') && sdk && image) {
    return [
      `from ${sdk.module} import ${sdk.model}`,
      '',
      `model = ${sdk.model}(model_data=${data}, role=role,`,
      `${' '.repeat(sdk.model.length + 9)}entry_point="inference.py", source_dir="code", image_uri="${image.uri}")`,
      ...deployCall(plan, 'model'),
    ];
  }
  const tag = plan.builds.find((b) => b.modes.includes('serve'))?.tag ?? 'latest';
  const code = plan.path === 'extend' ? ', entry_point="inference.py", source_dir="code"' : '';
  return [
    'from sagemaker.model import Model',
    '',
    `model = Model(image_uri="${pushedImage(plan, tag)}", model_data=${data}, role=role${code})`,
    ...deployCall(plan, 'model'),
  ];
}

function processingSnippet(plan: Plan): string[] {
  const instance = plan.instanceType ?? 'ml.m5.xlarge';
  const sdk = plan.framework ? SDK[plan.framework] : undefined;
  const image = plan.images.find((i) => i.role === 'processing');
  const io = [
    '    inputs=[ProcessingInput(source="s3://your-bucket/raw/", destination="/opt/ml/processing/input/data")],',
    '    outputs=[ProcessingOutput(source="/opt/ml/processing/output", destination="s3://your-bucket/processed/")],',
  ];
  if ((plan.path === 'prebuilt' || plan.path === 'requirements') && sdk && image) {
    const processor = plan.framework === 'huggingface'
      ? [
        'from sagemaker.huggingface import HuggingFaceProcessor',
        'from sagemaker.processing import ProcessingInput, ProcessingOutput',
        '',
        `processor = HuggingFaceProcessor(transformers_version="${plan.version}", pytorch_version="${image.baseFrameworkVersion?.replace(/^pytorch/, '')}",`,
        `                                 py_version="${image.pyVersion}", image_uri="${image.uri}",`,
        `                                 role=role, instance_count=1, instance_type="${instance}")`,
      ]
      : [
        `from ${sdk.module} import ${sdk.estimator}`,
        'from sagemaker.processing import FrameworkProcessor, ProcessingInput, ProcessingOutput',
        '',
        `processor = FrameworkProcessor(estimator_cls=${sdk.estimator}, framework_version="${plan.version}",`,
        `                               image_uri="${image.uri}",`,
        `                               role=role, instance_count=1, instance_type="${instance}")`,
      ];
    return [
      ...processor,
      `processor.run(code="${plan.entryScript}", source_dir="code",`,
      ...io,
      ')',
    ];
  }
  return [
    'from sagemaker.processing import ProcessingInput, ProcessingOutput, Processor',
    '',
    `processor = Processor(image_uri="${pushedImage(plan, 'latest')}",`,
    `                      role=role, instance_count=1, instance_type="${instance}")`,
    'processor.run(',
    ...io,
    ')',
  ];
}

function studioSteps(plan: Plan): string[] {
  if (plan.path === 'prebuilt') {
    return ['Nothing to build: create a JupyterLab space in Studio and keep the default SageMaker Distribution image.'];
  }
  return [
    'After `bash build_and_push.sh`, register the image with SageMaker and attach it to your domain:',
    '',
    '```sh',
    `aws sagemaker create-image --image-name ${plan.repository} --role-arn arn:aws:iam::111122223333:role/YourSageMakerExecutionRole --region ${plan.region}`,
    `aws sagemaker create-image-version --image-name ${plan.repository} --base-image ${pushedImage(plan, 'latest')} --region ${plan.region}`,
    `aws sagemaker create-app-image-config --app-image-config-name ${plan.repository} --region ${plan.region} \\`,
    '  --jupyter-lab-app-image-config \'{"ContainerConfig": {"ContainerEntrypoint": ["jupyter-lab"], "ContainerArguments": ["--ServerApp.ip=0.0.0.0", "--ServerApp.port=8888", "--ServerApp.token=", "--ServerApp.base_url=/jupyterlab/default"]}}\'',
    '```',
    '',
    'Then add the image and the app image config to the domain\'s JupyterLab settings (`aws sagemaker update-domain`).',
  ];
}

function localTestSteps(plan: Plan, notes: readonly FileNote[]): string[] {
  const has = (path: string) => notes.some((n) => n.path === path);
  const steps: string[] = [];
  if (plan.builds.length) steps.push(`Build the image: \`docker build --platform ${plan.platform} -t ${plan.repository}:${plan.builds[0].tag} ${plan.builds[0].dockerfile === 'Dockerfile' ? '' : `-f ${plan.builds[0].dockerfile} `}.\` (\`build_and_push.sh\` shows every build).`);
  if (has('local_test/train_local.sh')) steps.push('Train on the sample data: `bash local_test/train_local.sh`.');
  if (has('local_test/serve_local.sh')) steps.push('Serve and send a request: `bash local_test/serve_local.sh`.');
  if (has('local_test/process_local.sh')) steps.push('Process the sample data: `bash local_test/process_local.sh`.');
  if (has('local_test/run_local.sh')) steps.push('Start JupyterLab as Studio does: `bash local_test/run_local.sh`.');
  return steps.map((s, i) => `${i + 1}. ${s}`);
}

export function readme(plan: Plan, rec: Recommendation, notes: readonly FileNote[]): string {
  const lines: string[] = [
    `# ${titleOf(plan)}`,
    '',
    'Generated by the SageMaker Containers decision wizard.',
    '',
    `**Path ${rec.path.number}: ${rec.path.title}.** ${rec.path.summary} ([AWS documentation](${rec.path.url}))`,
    '',
    '## Why',
    '',
    ...rec.reasons.map((r) => `- ${r.severity === 'warning' ? '**Warning:** ' : ''}${r.text} *Because you answered "${r.cause.label}" to "${r.cause.questionLabel}".* [AWS documentation](${r.url})`),
    '',
  ];
  if (rec.images.length) {
    lines.push('## Pre-built images', '', '| Used for | Image URI |', '| --- | --- |',
      ...rec.images.map((i) => `| ${i.role} | \`${i.uri}\` |`), '');
  }
  if (notes.length) {
    lines.push('## Files', '', '| File | What it is for |', '| --- | --- |',
      ...notes.map((n) => `| \`${n.path}\` | ${n.about} |`), '');
  }
  const local = localTestSteps(plan, notes);
  if (local.length) {
    lines.push('## Test it locally', '', 'Needs Docker (and the AWS CLI to pull AWS images). Run from this folder:', '', ...local, '');
  }
  if (plan.builds.length) {
    lines.push('## Build and push', '',
      '`bash build_and_push.sh` builds the image and pushes it to Amazon ECR in the account of your AWS credentials.',
      'Lint the Dockerfile in CI with `npx smlint Dockerfile`; `.smlint.yaml` tells it how the image is deployed.', '');
  }
  lines.push('## Run it on SageMaker', '');
  if (plan.purpose === 'studio') {
    lines.push(...studioSteps(plan), '');
  } else {
    const code: string[] = [];
    if (plan.trains) code.push(...trainingSnippet(plan));
    if (plan.serves) code.push(...plan.trains ? [''] : [], ...hostingSnippet(plan));
    if (plan.purpose === 'processing') code.push(...processingSnippet(plan));
    lines.push('With the SageMaker Python SDK (v2):', '', '```python', ROLE, ...code, '```', '');
  }
  return lines.join('\n');
}
