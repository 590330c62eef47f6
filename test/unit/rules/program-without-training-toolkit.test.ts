import { programWithoutTrainingToolkit } from '../../../src/core/lint/rules/program-without-training-toolkit';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(programWithoutTrainingToolkit, {
  valid: [
    { name: 'script-mode sample: pip install sagemaker-training, COPY to /opt/ml/code, ENV SAGEMAKER_PROGRAM [DG:adapt-training-container]', code: dockerfile`
      FROM python:3.11-slim
      RUN pip3 install --no-cache-dir sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'DLC extend pattern: ARG REGION before a pytorch-training FROM brings the toolkit', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.8.0-gpu-py312
      RUN pip install --no-cache-dir pandas
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'a DLC base whose registry is an ARG without default is still a pytorch-training image', code: dockerfile`
      ARG ACCOUNT
      FROM \${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'multi-stage: the toolkit is installed in a builder virtualenv that the final stage copies', code: dockerfile`
      FROM python:3.11 AS builder
      RUN python -m venv /opt/venv && /opt/venv/bin/pip install --no-cache-dir sagemaker-training
      FROM python:3.11-slim
      COPY --from=builder /opt/venv /opt/venv
      ENV PATH="/opt/venv/bin:$PATH"
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'the toolkit is listed in a requirements file the build context shows', code: dockerfile`
      FROM python:3.11-slim
      COPY requirements.txt /tmp/requirements.txt
      RUN pip install --no-cache-dir -r /tmp/requirements.txt
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM train.py
    `, options: { buildContext: memoryContext({ 'requirements.txt': 'numpy==1.26.4\nsagemaker-training>=4  # the toolkit\n', 'train.py': '' }) } },
    { name: 'the legacy sagemaker-containers library reads SAGEMAKER_PROGRAM too', code: dockerfile`
      FROM tensorflow/tensorflow:2.0.0a0
      RUN pip install sagemaker-containers
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'a framework training toolkit depends on sagemaker-training', code: dockerfile`
      FROM python:3.11
      RUN pip install sagemaker-pytorch-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'in an inference image SAGEMAKER_PROGRAM names the handler module of the inference toolkit', code: dockerfile`
      FROM python:3.11
      RUN apt-get update && apt-get install -y --no-install-recommends default-jre-headless
      RUN pip install multi-model-server sagemaker-inference
      ENV SAGEMAKER_PROGRAM=inference.py
    `, options: { modes: ['train', 'serve'] } },
    { name: 'an inference DLC base with SAGEMAKER_PROGRAM for its handler', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/huggingface-pytorch-inference:2.1.0-transformers4.37.0-gpu-py310-cu118-ubuntu20.04
      ENV SAGEMAKER_PROGRAM=inference.py
    `, options: { modes: ['train', 'serve'] } },
    { name: 'basic training container: code in /opt/ml/code run by its own exec-form ENTRYPOINT', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip
      COPY code/* /opt/ml/code/
      WORKDIR /opt/ml/code
      ENTRYPOINT ["python3", "main.py"]
    ` },
    { name: 'scikit_bring_your_own: a train script on PATH answers SageMaker, whatever else is set', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip
      ENV PATH="/opt/program:\${PATH}"
      COPY train /opt/program/train
      COPY helper.py /opt/ml/code/helper.py
      ENV SAGEMAKER_PROGRAM helper.py
    ` },
    { name: 'sagemaker-training-toolkit test/container/dummy: the toolkit\'s own sdist installed with ${PIP} from ARG PIP=pip3', code: dockerfile`
      FROM public.ecr.aws/lts/ubuntu:20.04
      ARG PYTHON=python3
      ARG PIP=pip3
      RUN apt-get update && apt-get install -y --no-install-recommends build-essential wget zlib1g-dev
      RUN \${PIP} --no-cache-dir install --upgrade pip
      COPY dummy/sagemaker_training.tar.gz /sagemaker_training.tar.gz
      RUN \${PIP} install --no-cache-dir \\
         /sagemaker_training.tar.gz
      RUN rm /sagemaker_training.tar.gz
      COPY dummy/train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'a processing image is not started with train', code: dockerfile`
      FROM python:3.11-slim
      ENV SAGEMAKER_PROGRAM=process.py
      ENTRYPOINT ["python3"]
    `, options: { modes: ['processing'] } },
  ],
  invalid: [
    {
      name: 'SAGEMAKER_PROGRAM on a python base with no toolkit: "train" does not exist',
      code: dockerfile`
        FROM python:3.8-slim
        ENV SAGEMAKER_SUBMIT_DIRECTORY /opt/ml/code
        COPY train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM train.py
      `,
      errors: [{
        messageId: 'noToolkit', severity: 'error', line: 4, column: 5, endLine: 4, endColumn: 31,
        suggestions: [{
          title: 'Install the training toolkit: RUN pip install --no-cache-dir sagemaker-training',
          output: dockerfile`
            FROM python:3.8-slim
            ENV SAGEMAKER_SUBMIT_DIRECTORY /opt/ml/code
            COPY train.py /opt/ml/code/train.py
            RUN pip install --no-cache-dir sagemaker-training
            ENV SAGEMAKER_PROGRAM train.py
          `,
        }],
      }],
    },
    {
      name: 'the SageMaker Python SDK is not the training toolkit',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip
        RUN pip3 install --no-cache-dir sagemaker numpy
        COPY train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM=train.py
      `,
      errors: [{
        messageId: 'sdkIsNotToolkit', severity: 'error', line: 5, column: 5, endLine: 5, endColumn: 31,
        suggestions: [{
          title: 'Install the training toolkit: RUN pip3 install --no-cache-dir sagemaker-training',
          output: dockerfile`
            FROM ubuntu:22.04
            RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip
            RUN pip3 install --no-cache-dir sagemaker numpy
            COPY train.py /opt/ml/code/train.py
            RUN pip3 install --no-cache-dir sagemaker-training
            ENV SAGEMAKER_PROGRAM=train.py
          `,
        }],
      }],
    },
    {
      name: 'a requirements file read through the build context does not list the toolkit',
      code: dockerfile`
        FROM python:3.7-slim-buster
        COPY requirements.txt /opt/program/requirements.txt
        RUN pip install --no-cache-dir -r /opt/program/requirements.txt
        COPY train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM train.py
      `,
      options: { buildContext: memoryContext({ 'requirements.txt': 'pandas\nscikit-learn\n', 'train.py': '' }) },
      errors: [{
        messageId: 'noToolkit', severity: 'error', line: 5, column: 5, endLine: 5, endColumn: 31,
        suggestions: [{
          // Toolkit 5.x needs Python 3.8; the suggestion pins below it on a 3.7 base.
          title: 'Install the training toolkit: RUN pip install --no-cache-dir "sagemaker-training<5"',
          output: dockerfile`
            FROM python:3.7-slim-buster
            COPY requirements.txt /opt/program/requirements.txt
            RUN pip install --no-cache-dir -r /opt/program/requirements.txt
            COPY train.py /opt/ml/code/train.py
            RUN pip install --no-cache-dir "sagemaker-training<5"
            ENV SAGEMAKER_PROGRAM train.py
          `,
        }],
      }],
    },
    {
      name: 'CRLF line endings are kept by the suggestion',
      code: 'FROM python:3.11\r\nCOPY train.py /opt/ml/code/\r\nENV SAGEMAKER_PROGRAM=train.py\r\n',
      errors: [{
        messageId: 'noToolkit', severity: 'error', line: 3, column: 5, endLine: 3, endColumn: 31,
        suggestions: [{
          title: 'Install the training toolkit: RUN pip install --no-cache-dir sagemaker-training',
          output: 'FROM python:3.11\r\nCOPY train.py /opt/ml/code/\r\nRUN pip install --no-cache-dir sagemaker-training\r\nENV SAGEMAKER_PROGRAM=train.py\r\n',
        }],
      }],
    },
    {
      name: 'a requirements file smlint cannot read may bring the toolkit: warning',
      code: dockerfile`
        FROM python:3.11-slim
        COPY requirements.txt .
        RUN pip install -r requirements.txt
        ENV SAGEMAKER_PROGRAM train.py
      `,
      errors: [{
        messageId: 'maybeToolkit', severity: 'warning', line: 4, column: 5, endLine: 4, endColumn: 31,
        data: { where: 'an install smlint cannot read (a requirements file, a local package or a script) brings it' },
      }],
    },
    {
      name: 'an unknown custom base may have the toolkit: warning',
      code: dockerfile`
        FROM mycompany/ml-base:1.4
        COPY train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM train.py
      `,
      errors: [{
        messageId: 'maybeToolkit', severity: 'warning', line: 3, column: 5, endLine: 3, endColumn: 31,
        data: { where: 'the base image mycompany/ml-base:1.4 already has it' },
      }],
    },
    {
      name: 'a base built from an ARG without default cannot be judged: info',
      code: dockerfile`
        ARG BASE_IMAGE
        FROM \${BASE_IMAGE}
        COPY train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM train.py
      `,
      errors: [{
        messageId: 'maybeToolkit', severity: 'info', line: 4, column: 5, endLine: 4, endColumn: 31,
        data: { where: 'the base image named by ARG BASE_IMAGE already has it' },
      }],
    },
    {
      name: 'an ENTRYPOINT runs instead, so SAGEMAKER_PROGRAM does nothing',
      code: dockerfile`
        FROM python:3.11
        COPY train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM=train.py
        ENTRYPOINT ["python", "/opt/ml/code/train.py"]
      `,
      errors: [{ messageId: 'programIgnored', severity: 'warning', line: 3, column: 5, endLine: 3, endColumn: 31 }],
    },
    {
      name: 'code copied into /opt/ml/code with only a CMD: CMD is replaced by train, and no toolkit runs the code',
      code: dockerfile`
        FROM python:3.11-slim
        COPY . /opt/ml/code
        WORKDIR /opt/ml/code
        RUN pip install -r requirements.txt
        CMD ["python", "train.py"]
      `,
      options: { buildContext: memoryContext({ 'requirements.txt': 'numpy\n', 'train.py': '' }) },
      errors: [{ messageId: 'codeWithoutToolkit', severity: 'warning', line: 2, column: 8, endLine: 2, endColumn: 20 }],
    },
  ],
});
