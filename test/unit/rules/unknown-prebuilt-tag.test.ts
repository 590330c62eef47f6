import { unknownPrebuiltTag } from '../../../src/core/lint/rules/unknown-prebuilt-tag';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

const DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com';

ruleTester.run(unknownPrebuiltTag, {
  valid: [
    { name: 'DLC extend pattern with a listed tag', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'the combined pytorch repository is newer than the SDK: nothing to compare with', code: `FROM ${DLC}/pytorch:2.12.1-cu130-amzn2023-sagemaker\n` },
    { name: 'a tag hidden behind an ARG with no default', code: `ARG TAG\nFROM ${DLC}/pytorch-training:\${TAG}\n` },
    { name: 'not a SageMaker image', code: 'FROM python:3.99-slim\n' },
    { name: 'a builder stage the build never runs', code: `FROM ${DLC}/pytorch-training:9.9.9-gpu-py312 AS unused\nFROM python:3.11\n` },
  ],
  invalid: [
    {
      name: 'PyTorch 2.9 is in the DLC catalog but not yet in the SDK: info with the nearest tags [contract §5.10]',
      code: `FROM ${DLC}/pytorch-training:2.9.0-gpu-py312-cu130-ubuntu22.04-sagemaker\nCOPY train.py /opt/ml/code/train.py\n`,
      errors: [{
        messageId: 'unknownTag', severity: 'info', line: 1, column: 68, endLine: 1, endColumn: 111,
        data: { image: 'pytorch-training:2.9.0-gpu-py312-cu130-ubuntu22.04-sagemaker', tags: '2.8.0-gpu-py312, 2.7.1-gpu-py312, 2.6.0-gpu-py312' },
        suggestions: ['2.8.0-gpu-py312', '2.7.1-gpu-py312', '2.6.0-gpu-py312'].map((tag) => ({
          title: `Use the listed tag ${tag}`, output: `FROM ${DLC}/pytorch-training:${tag}\nCOPY train.py /opt/ml/code/train.py\n`,
        })),
      }],
    },
    {
      name: 'a mistyped Python version in the ECR Public mirror',
      code: dockerfile`
        FROM public.ecr.aws/deep-learning-containers/pytorch-inference:2.6.0-cpu-py31 AS base
        FROM base
        COPY inference.py /opt/ml/model/code/inference.py
      `,
      options: { modes: ['serve'] },
      errors: [{
        messageId: 'unknownTag', severity: 'info', line: 1, column: 64, endLine: 1, endColumn: 78,
        suggestions: ['2.6.0-cpu-py312', '2.5.1-cpu-py311', '2.4.0-cpu-py311'].map((tag) => ({
          title: `Use the listed tag ${tag}`,
          output: `FROM public.ecr.aws/deep-learning-containers/pytorch-inference:${tag} AS base\nFROM base\nCOPY inference.py /opt/ml/model/code/inference.py\n`,
        })),
      }],
    },
    {
      name: 'a tag from an ARG default: reported on the image, no edit',
      code: `ARG TAG=2.8.0-gpu-py310\nFROM ${DLC}/pytorch-training:\${TAG}\n`,
      errors: [{ messageId: 'unknownTag', severity: 'info', line: 2, column: 6, endLine: 2, endColumn: 74 }],
    },
  ],
});
