import { sagemakerSettingsNotFinalStage } from '../../../src/core/lint/rules/sagemaker-settings-not-final-stage';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

const wrongOrder = dockerfile`
  FROM python:3.11-slim AS base
  RUN pip install --no-cache-dir sagemaker-training
  FROM base AS sagemaker
  COPY train.py /opt/ml/code/train.py
  ENV SAGEMAKER_PROGRAM=train.py
  LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
  FROM base AS ec2
  COPY train.py /app/train.py
`;

ruleTester.run(sagemakerSettingsNotFinalStage, {
  valid: [
    { name: 'single stage script-mode image', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install --no-cache-dir sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'builder stage + final stage with the settings (multi-stage build)', code: dockerfile`
      FROM python:3.11 AS builder
      RUN pip wheel --wheel-dir /wheels -r requirements.txt
      FROM python:3.11-slim
      COPY --from=builder /wheels /wheels
      RUN pip install --no-cache-dir /wheels/* sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'DLC layout: the ec2 stage comes first and the sagemaker stage is last', code: dockerfile`
      FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04 AS base
      RUN apt-get update && apt-get install -y python3
      FROM base AS ec2
      ENTRYPOINT ["bash", "-m", "start_cuda_compat.sh"]
      FROM base AS sagemaker
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
      ENV SAGEMAKER_SERVING_MODULE=sagemaker_pytorch_serving_container.serving:main
      ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
      CMD ["serve"]
    ` },
    { name: 'settings inherited through FROM <stage>', code: dockerfile`
      FROM python:3.11-slim AS sagemaker
      RUN pip install --no-cache-dir sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
      FROM sagemaker AS final
      RUN pip install --no-cache-dir pandas
    ` },
    { name: 'code built in a stage and copied into the image with COPY --from', code: dockerfile`
      FROM python:3.11 AS code
      COPY src /opt/ml/code
      RUN python -m compileall /opt/ml/code
      FROM python:3.11-slim
      RUN pip install --no-cache-dir sagemaker-training
      COPY --from=code /opt/ml /opt/ml
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'the --stage option picks the stage that has the settings', code: wrongOrder, options: { stage: 'sagemaker' } },
    { name: 'ARG-built base, settings in the last stage', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.3.0-gpu-py311 AS deps
      RUN pip install --no-cache-dir transformers
      FROM deps
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'a builder stage ENTRYPOINT when the image has its own', code: dockerfile`
      FROM golang:1.22 AS build
      ENTRYPOINT ["go", "run", "main.go"]
      FROM python:3.11
      ENTRYPOINT ["python3", "/app/serve.py"]
    ` },
  ],
  invalid: [
    {
      name: 'a sagemaker stage that is not last: docker build produces the ec2 stage',
      code: wrongOrder,
      errors: [{ messageId: 'notInImage', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 23,
        data: { stage: '"sagemaker"', settings: 'ENV SAGEMAKER_PROGRAM, LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port, code copied into /opt/ml/code', image: 'the last stage "ec2"' } }],
    },
    {
      name: 'train and serve targets in one file: the train stage is lost unless --stage train is linted',
      code: dockerfile`
        FROM python:3.11-slim AS base
        RUN pip install --no-cache-dir flask gunicorn sagemaker-training
        FROM base AS train
        ENV SAGEMAKER_PROGRAM=train.py
        COPY train.py /opt/ml/code/train.py
        FROM base AS serve
        COPY serve.py /opt/program/serve.py
        ENTRYPOINT ["python3", "/opt/program/serve.py"]
      `,
      errors: [{ messageId: 'notInImage', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 19,
        data: { stage: '"train"', settings: 'ENV SAGEMAKER_PROGRAM, code copied into /opt/ml/code', image: 'the last stage "serve"' } }],
    },
    {
      name: 'the --stage option picks a stage without the settings; unnamed stages are numbered',
      code: dockerfile`
        FROM python:3.11-slim
        ENTRYPOINT ["python3", "/opt/program/entry.py"]
        FROM python:3.11-slim AS test
        RUN pip install pytest
        FROM python:3.11-slim
        ENTRYPOINT ["python3", "/opt/program/other.py"]
      `,
      options: { stage: 'test' },
      errors: [
        { messageId: 'notInImage', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 22,
          data: { stage: '1 (line 1)', settings: 'ENTRYPOINT', image: 'stage "test", chosen as the build target' } },
        { messageId: 'notInImage', severity: 'warning', line: 5, column: 1, endLine: 5, endColumn: 22,
          data: { stage: '3 (line 5)', settings: 'ENTRYPOINT', image: 'stage "test", chosen as the build target' } },
      ],
    },
  ],
});
