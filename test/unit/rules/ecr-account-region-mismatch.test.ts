import { ecrAccountRegionMismatch } from '../../../src/core/lint/rules/ecr-account-region-mismatch';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

const login = (line: number, column: number, endColumn: number) => ({ messageId: 'loginNeeded', severity: 'info' as const, line, column, endLine: line, endColumn });

ruleTester.run(ecrAccountRegionMismatch, {
  valid: [
    'FROM python:3.11-slim\nRUN pip install --no-cache-dir sagemaker-training\n',
    { name: 'the public DLC mirror needs no login', code: 'FROM public.ecr.aws/deep-learning-containers/pytorch-training:2.6.0-gpu-py312\n' },
    { name: 'the user\'s own ECR repository', code: 'FROM 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-base:1.0\n' },
    { name: 'a DLC copied into the user\'s own account under the same name: not AWS\'s account, no claim', code: 'FROM 123456789012.dkr.ecr.af-south-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n' },
    {
      name: 'the login note stays silent when a build script in the context already logs in (the wizard\'s build_and_push.sh)',
      code: 'FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n',
      options: { buildContext: memoryContext({ Dockerfile: '', 'build_and_push.sh': 'aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "$registry"\n' }) },
    },
    { name: 'a mismatched account in a stage the build never runs', code: dockerfile`
      FROM 763104351884.dkr.ecr.af-south-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312 AS unused
      FROM python:3.11-slim
    ` },
  ],
  invalid: [
    {
      name: 'the login note stays when the context\'s scripts do not log in',
      code: 'FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n',
      options: { buildContext: memoryContext({ Dockerfile: '', 'build.sh': 'docker build -t my-image .\n' }) },
      errors: [login(1, 6, 83)],
    },
    {
      name: 'DLC extend pattern: ARG REGION default is a region with the same account; login note once [DLC:docs/get_started/index.md]',
      code: dockerfile`
        ARG REGION=us-east-1
        FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.6.0-gpu-py312 AS base
        FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-inference:2.6.0-gpu-py312
        COPY --from=base /opt/ml/code /opt/ml/code
      `,
      errors: [{ ...login(2, 6, 81), data: { registry: '763104351884.dkr.ecr.us-east-1.amazonaws.com', region: 'us-east-1' } }],
    },
    {
      name: 'the us-east-1 DLC account in an opt-in region (af-south-1 has its own account) [DLC:docs/reference/region_availability.md]',
      code: 'FROM 763104351884.dkr.ecr.af-south-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312\nCOPY train.py /opt/ml/code/train.py\n',
      errors: [{
        messageId: 'accountMismatch', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 18,
        data: { account: '763104351884', repository: 'pytorch-training', region: 'af-south-1', expected: '626614931356' },
        suggestions: [{ title: 'Use account 626614931356', output: 'FROM 626614931356.dkr.ecr.af-south-1.amazonaws.com/pytorch-training:2.6.0-gpu-py312\nCOPY train.py /opt/ml/code/train.py\n' }],
      }],
    },
    {
      name: 'scikit-learn from the DLC account: it lives in the algorithm registry',
      code: 'FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3\n',
      errors: [{
        messageId: 'accountMismatch', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 18,
        suggestions: [{ title: 'Use account 246618743249', output: 'FROM 246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3\n' }],
      }],
    },
    {
      name: 'the algorithm-registry account of us-east-1 with region us-west-2',
      code: 'FROM 683313688378.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1\n',
      errors: [{
        messageId: 'accountMismatch', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 18,
        suggestions: [{ title: 'Use account 246618743249', output: 'FROM 246618743249.dkr.ecr.us-west-2.amazonaws.com/sagemaker-xgboost:1.7-1\n' }],
      }],
    },
    {
      name: 'the region comes from an ARG default: a warning, the build may pass another region',
      code: 'ARG REGION=af-south-1\nFROM 763104351884.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n',
      errors: [{
        messageId: 'accountMismatchFromDefault', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 18,
        suggestions: [{ title: 'Use account 626614931356', output: 'ARG REGION=af-south-1\nFROM 626614931356.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n' }],
      }],
    },
    {
      name: 'the region comes from a configured --build-arg: an error',
      code: 'ARG REGION=us-east-1\nFROM 763104351884.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n',
      options: { buildArgs: { REGION: 'af-south-1' } },
      errors: [{
        messageId: 'accountMismatch', severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 18,
        suggestions: [{ title: 'Use account 626614931356', output: 'ARG REGION=us-east-1\nFROM 626614931356.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n' }],
      }],
    },
    {
      name: 'the login note when the region is unknown',
      code: 'ARG REGION\nFROM 763104351884.dkr.ecr.${REGION}.amazonaws.com/pytorch-training:2.6.0-gpu-py312\n',
      errors: [{ ...login(2, 6, 83), data: { registry: '763104351884.dkr.ecr.<region>.amazonaws.com', region: '<region>' } }],
    },
  ],
});
