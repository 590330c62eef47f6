import { gravitonNeedsArm64 } from '../../../src/core/lint/rules/graviton-needs-arm64';
import { ruleTester } from '../../helpers/ruleTester';
import { multiModelByo } from '../../helpers/samples';

const DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com';
const graviton = { modes: ['serve' as const], deployment: { instanceType: 'ml.c7g.xlarge' } };
ruleTester.run(gravitonNeedsArm64, {
  valid: [
    { name: 'no instance type configured: the endpoint may be x86_64', code: `FROM ${DLC}/pytorch-inference:2.6.0-cpu-py312\n`, options: { modes: ['serve'] } },
    { name: 'an x86_64 instance', code: `FROM ${DLC}/pytorch-inference:2.6.0-cpu-py312\n`, options: { modes: ['serve'], deployment: { instanceType: 'ml.m5.xlarge' } } },
    { name: 'the Graviton DLC on a Graviton instance [DG:realtime-endpoints-graviton]', code: `FROM ${DLC}/pytorch-inference-graviton:2.4.0-cpu-py311-ubuntu22.04-sagemaker\n`, options: graviton },
    { name: 'multi-model BYO sample pinned to arm64', code: multiModelByo.replace('FROM ubuntu', 'FROM --platform=linux/arm64 ubuntu'), options: graviton },
    { name: 'a training-only image is out of scope', code: `FROM ${DLC}/pytorch-training:2.6.0-cpu-py312\nCOPY train.py /opt/ml/code/train.py\nENV SAGEMAKER_PROGRAM=train.py\n`,
      options: { deployment: { instanceType: 'ml.c7g.xlarge' } } },
  ],
  invalid: [
    {
      name: 'an amd64-only DLC on ml.c7g [DG:realtime-endpoints-graviton]',
      code: `FROM ${DLC}/pytorch-inference:2.6.0-cpu-py312\nCOPY inference.py /opt/ml/model/code/inference.py\n`,
      options: graviton,
      errors: [{ messageId: 'amd64Image', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 84,
        data: { evidence: `The base image ${DLC}/pytorch-inference:2.6.0-cpu-py312 (an amd64-only build)`, instance: 'ml.c7g.xlarge' } }],
    },
    {
      name: 'FROM --platform=linux/amd64 for a Graviton endpoint (c8g, which the SDK does not know yet)',
      code: 'FROM --platform=linux/amd64 python:3.11-slim AS base\nFROM base\nENTRYPOINT ["python3", "/opt/program/serve.py"]\n',
      options: { modes: ['serve'], deployment: { instanceType: 'ml.c8g.large' } },
      errors: [{
        messageId: 'amd64Image', severity: 'error', line: 1, column: 17, endLine: 1, endColumn: 28,
        suggestions: [{ title: 'Build for linux/arm64', output: 'FROM --platform=linux/arm64 python:3.11-slim AS base\nFROM base\nENTRYPOINT ["python3", "/opt/program/serve.py"]\n' }],
      }],
    },
    {
      name: 'multi-model BYO sample on Graviton: a multi-architecture base, so info on how to build',
      code: multiModelByo,
      options: { deployment: { instanceType: 'ml.m6g.large' } },
      errors: [{ messageId: 'buildForArm64', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 18 }],
    },
    {
      name: 'a tag that names amd64 on an unknown image: capped at warning',
      code: 'FROM myorg/server:2.0-amd64\n',
      options: graviton,
      errors: [{ messageId: 'amd64Image', severity: 'warning', line: 1, column: 19, endLine: 1, endColumn: 28 }],
    },
  ],
});
