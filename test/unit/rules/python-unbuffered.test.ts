import { pythonUnbuffered } from '../../../src/core/lint/rules/python-unbuffered';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(pythonUnbuffered, {
  valid: [
    { name: 'scikit_bring_your_own sets PYTHONUNBUFFERED=TRUE and installs with --no-cache-dir [EX scikit Dockerfile]', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get -y update && apt-get install -y --no-install-recommends python3 python3-pip nginx
      RUN pip3 install --no-cache-dir numpy scipy scikit-learn pandas flask gunicorn
      ENV PYTHONUNBUFFERED=TRUE
      ENV PYTHONDONTWRITEBYTECODE=TRUE
      ENV PATH="/opt/program:\${PATH}"
      COPY decision_trees /opt/program
      WORKDIR /opt/program
    ` },
    { name: 'ScriptProcessor image: ENTRYPOINT ["python3"] with PYTHONUNBUFFERED=TRUE [DG:processing-container-run-scripts]', code: dockerfile`
      FROM python:3.11-slim
      RUN pip3 install --no-cache-dir pandas==2.2.2
      ENV PYTHONUNBUFFERED=TRUE
      ENTRYPOINT ["python3"]
    ` },
    { name: 'a SageMaker image sets it already', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.8.0-gpu-py312
      RUN pip install --no-cache-dir pandas
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'python -u runs unbuffered', code: dockerfile`
      FROM python:3.11-slim
      ENTRYPOINT ["python", "-u", "/opt/program/train.py"]
    ` },
    { name: 'not a Python program', code: dockerfile`
      FROM eclipse-temurin:17-jre
      COPY app.jar /opt/app.jar
      ENTRYPOINT ["java", "-jar", "/opt/app.jar"]
    ` },
    { name: 'a BuildKit cache mount keeps pip\'s cache out of the image; PIP_NO_CACHE_DIR does the same', code: dockerfile`
      FROM python:3.11-slim
      ENV PYTHONUNBUFFERED=1
      RUN --mount=type=cache,target=/root/.cache/pip pip install numpy
      ENTRYPOINT ["python3", "/opt/program/serve.py"]
    ` },
    { name: 'PIP_NO_CACHE_DIR set for the whole image', code: dockerfile`
      FROM python:3.11-slim
      ENV PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
      RUN pip install numpy
    ` },
    { name: 'a multi-stage build: the final stage sets it', code: dockerfile`
      FROM python:3.11 AS builder
      RUN pip wheel --no-cache-dir --wheel-dir /wheels numpy
      FROM python:3.11-slim
      ENV PYTHONUNBUFFERED=1
      COPY --from=builder /wheels /wheels
      RUN pip install --no-cache-dir --no-index --find-links=/wheels numpy
      ENTRYPOINT ["python3", "/opt/program/train.py"]
    ` },
  ],
  invalid: [
    {
      name: 'multi-model BYO sample: a Python entrypoint without PYTHONUNBUFFERED',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get -y install --no-install-recommends openjdk-8-jdk-headless python3-pip
        RUN pip3 --no-cache-dir install multi-model-server sagemaker-inference
        COPY dockerd-entrypoint.py /usr/local/bin/
        ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
        CMD ["serve"]
      `,
      errors: [{
        messageId: 'buffered', severity: 'info', line: 5, column: 1, endLine: 5, endColumn: 62, data: { what: 'ENTRYPOINT python' },
      }],
      output: dockerfile`
        FROM ubuntu:22.04
        ENV PYTHONUNBUFFERED=1
        RUN apt-get update && apt-get -y install --no-install-recommends openjdk-8-jdk-headless python3-pip
        RUN pip3 --no-cache-dir install multi-model-server sagemaker-inference
        COPY dockerd-entrypoint.py /usr/local/bin/
        ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
        CMD ["serve"]
      `,
    },
    {
      name: 'the training toolkit runs the script in a Python process; pip keeps its cache',
      code: 'FROM python:3.11-slim\r\nRUN pip install sagemaker-training\r\nCOPY train.py /opt/ml/code/train.py\r\nENV SAGEMAKER_PROGRAM=train.py\r\n',
      errors: [
        {
          messageId: 'pipCache', severity: 'info', line: 2, column: 5, endLine: 2, endColumn: 16,
          suggestions: [{
            title: 'Add --no-cache-dir',
            output: 'FROM python:3.11-slim\r\nRUN pip install --no-cache-dir sagemaker-training\r\nCOPY train.py /opt/ml/code/train.py\r\nENV SAGEMAKER_PROGRAM=train.py\r\n',
          }],
        },
        {
          messageId: 'buffered', severity: 'info', line: 2, column: 17, endLine: 2, endColumn: 35, data: { what: 'sagemaker-training\'s console script' },
        },
      ],
      output: 'FROM python:3.11-slim\r\nENV PYTHONUNBUFFERED=1\r\nRUN pip install sagemaker-training\r\nCOPY train.py /opt/ml/code/train.py\r\nENV SAGEMAKER_PROGRAM=train.py\r\n',
    },
    {
      name: 'an empty PYTHONUNBUFFERED does not count',
      code: dockerfile`
        FROM python:3.11-slim
        ENV PYTHONUNBUFFERED=""
        CMD python3 /opt/program/process.py
      `,
      options: { modes: ['processing'] },
      errors: [{
        messageId: 'buffered', severity: 'info', line: 3, column: 1, endLine: 3, endColumn: 36, data: { what: 'CMD python3' },
        suggestions: [{
          title: 'Add ENV PYTHONUNBUFFERED=1',
          output: dockerfile`
            FROM python:3.11-slim
            ENV PYTHONUNBUFFERED=1
            ENV PYTHONUNBUFFERED=""
            CMD python3 /opt/program/process.py
          `,
        }],
      }],
    },
    {
      name: 'train and serve scripts with a python shebang, read from the build context',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip
        ENV PATH="/opt/program:\${PATH}"
        COPY --chmod=755 decision_trees /opt/program
      `,
      options: { buildContext: memoryContext({ 'decision_trees/train': '#!/usr/bin/env python\nprint(1)\n', 'decision_trees/serve': '#!/usr/bin/env python\n' }) },
      errors: [{
        messageId: 'buffered', severity: 'info', line: 4, column: 18, endLine: 4, endColumn: 32, data: { what: 'the train script' },
      }],
      output: dockerfile`
        FROM ubuntu:22.04
        ENV PYTHONUNBUFFERED=1
        RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip
        ENV PATH="/opt/program:\${PATH}"
        COPY --chmod=755 decision_trees /opt/program
      `,
    },
  ],
});
