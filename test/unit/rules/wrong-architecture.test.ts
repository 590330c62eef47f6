import { wrongArchitecture } from '../../../src/core/lint/rules/wrong-architecture';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

const DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com';
const scriptMode = 'RUN pip install --no-cache-dir sagemaker-training\nCOPY train.py /opt/ml/code/train.py\nENV SAGEMAKER_PROGRAM=train.py\n';
const hint = { title: 'Pin the platform: FROM --platform=linux/amd64 …' };

ruleTester.run(wrongArchitecture, {
  valid: [
    { name: 'custom-training-containers script mode, platform pinned', code: `FROM --platform=linux/amd64 python:3.11-slim\n${scriptMode}` },
    { name: 'DLC extend pattern: the DLC is amd64-only, so even an arm64 builder produces amd64', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'real-time Graviton hosting with an arm64 image is valid [DG:realtime-endpoints-graviton]', code: dockerfile`
      FROM ${DLC}/pytorch-inference-graviton:2.4.0-cpu-py311-ubuntu22.04-sagemaker
      COPY inference.py /opt/ml/model/code/inference.py
    `, options: { modes: ['serve'], deployment: { instanceType: 'ml.c7g.xlarge' } } },
    { name: 'an arm64 builder stage whose output the amd64 image does not use as its base', code: dockerfile`
      FROM --platform=linux/arm64 golang:1.22 AS tools
      FROM --platform=linux/amd64 python:3.11-slim
      ${scriptMode}
    ` },
    { name: 'a platform left to the build command ($TARGETPLATFORM)', code: `FROM --platform=$TARGETPLATFORM python:3.11-slim\n${scriptMode}` },
    { name: 'arm64 training on NVIDIA Grace (p6e-gb200) is unverified: no claim', code: `FROM --platform=linux/arm64 python:3.11\n${scriptMode}`,
      options: { deployment: { instanceType: 'ml.p6e-gb200.36xlarge' } } },
    { name: 'serve only: no Apple Silicon hint (Graviton hosting is valid)', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install --no-cache-dir flask gunicorn
      COPY serve.py /opt/program/serve.py
      ENTRYPOINT ["python3", "/opt/program/serve.py"]
    `, options: { modes: ['serve'] } },
  ],
  invalid: [
    {
      name: 'FROM --platform=linux/arm64 in a training image [ISS-aws/deep-learning-containers#1157]',
      code: `FROM --platform=linux/arm64 python:3.11-slim\n${scriptMode}`,
      errors: [{
        messageId: 'armImage', severity: 'error', line: 1, column: 17, endLine: 1, endColumn: 28,
        data: { evidence: '--platform=linux/arm64', jobs: 'training jobs', instance: '' },
        suggestions: [{ title: 'Build for linux/amd64', output: `FROM --platform=linux/amd64 python:3.11-slim\n${scriptMode}` }],
      }],
    },
    {
      name: 'arm64v8 base in a processing image',
      code: dockerfile`
        FROM arm64v8/python:3.11-slim AS base
        FROM base
        ENV PYTHONUNBUFFERED=TRUE
        ENTRYPOINT ["python3"]
      `,
      errors: [{
        messageId: 'armImage', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 30,
        suggestions: [{ title: 'Use the multi-architecture image python:3.11-slim', output: dockerfile`
          FROM python:3.11-slim AS base
          FROM base
          ENV PYTHONUNBUFFERED=TRUE
          ENTRYPOINT ["python3"]
        ` }],
      }],
    },
    {
      name: 'a Graviton inference DLC used for batch transform',
      code: `FROM ${DLC}/pytorch-inference-graviton:2.4.0-cpu-py311-ubuntu22.04-sagemaker\n`,
      options: { modes: ['serve'], deployment: { target: 'batch' } },
      errors: [{ messageId: 'armImage', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 115,
        data: { evidence: `The base image ${DLC}/pytorch-inference-graviton:2.4.0-cpu-py311-ubuntu22.04-sagemaker (an arm64 build)`, jobs: 'batch transform jobs', instance: '' } }],
    },
    {
      name: 'an arm64 image on an x86_64 endpoint instance',
      code: `FROM ${DLC}/pytorch-inference-arm64:2.6.0-cpu-py312-ubuntu22.04-sagemaker\n`,
      options: { modes: ['serve'], deployment: { instanceType: 'ml.m5.xlarge' } },
      errors: [{ messageId: 'armImageOnX86', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 112 }],
    },
    {
      name: 'serve only, no deployment facts: info, real-time Graviton hosting would be valid',
      code: `FROM ${DLC}/pytorch-inference-arm64:2.6.0-cpu-py312-ubuntu22.04-sagemaker\n`,
      options: { modes: ['serve'] },
      errors: [{ messageId: 'armImageServe', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 112 }],
    },
    {
      name: 'nothing shows the job type: a warning, not an error',
      code: 'FROM --platform=linux/arm64 python:3.11-slim\nCOPY app.py /app/app.py\n',
      errors: [{ messageId: 'armImageUnknownJob', severity: 'warning', line: 1, column: 17, endLine: 1, endColumn: 28,
        suggestions: [{ title: 'Build for linux/amd64', output: 'FROM --platform=linux/amd64 python:3.11-slim\nCOPY app.py /app/app.py\n' }] }],
    },
    {
      name: 'a tag that names arm64 on an image the catalog does not know: capped at warning',
      code: `FROM myorg/trainer-base:1.4-arm64\n${scriptMode}`,
      errors: [{ messageId: 'armImage', severity: 'warning', line: 1, column: 25, endLine: 1, endColumn: 34 }],
    },
    {
      name: 'Apple Silicon builders: no --platform anywhere, multi-architecture base [ISS-aws-samples/sagemaker-studio-custom-image-samples#28]',
      code: `FROM python:3.11-slim\n${scriptMode}`,
      errors: [{
        messageId: 'appleSilicon', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 22,
        suggestions: [{ ...hint, output: `FROM --platform=linux/amd64 python:3.11-slim\n${scriptMode}` }],
      }],
    },
    {
      name: 'Apple Silicon hint once per file, on the image\'s base (multi-stage)',
      code: dockerfile`
        FROM python:3.11 AS builder
        RUN pip wheel --wheel-dir /wheels sagemaker-training
        FROM ubuntu:22.04
        COPY --from=builder /wheels /wheels
        ENTRYPOINT ["python3"]
      `,
      errors: [{
        messageId: 'appleSilicon', severity: 'info', line: 3, column: 6, endLine: 3, endColumn: 18,
        suggestions: [{ ...hint, output: dockerfile`
          FROM python:3.11 AS builder
          RUN pip wheel --wheel-dir /wheels sagemaker-training
          FROM --platform=linux/amd64 ubuntu:22.04
          COPY --from=builder /wheels /wheels
          ENTRYPOINT ["python3"]
        ` }],
      }],
    },
  ],
});
