import { pythonTooOldForToolkit } from '../../../src/core/lint/rules/python-too-old-for-toolkit';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(pythonTooOldForToolkit, {
  valid: [
    { name: 'a current Python', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install --no-cache-dir sagemaker-training
    ` },
    { name: 'pinned below 5 on Python 3.7 [TT:CHANGELOG.md]', code: dockerfile`
      FROM python:3.7-slim-buster
      RUN pip install --no-cache-dir "sagemaker-training<5" && pip install sagemaker-training==4.8.3
    ` },
    { name: 'the install names a newer interpreter than the distribution\'s python3', code: dockerfile`
      FROM ubuntu:18.04
      RUN apt-get update && apt-get install -y python3.8 python3-pip
      RUN python3.8 -m pip install sagemaker-training
    ` },
    { name: 'a py36 SageMaker image already has its toolkit: an unpinned install keeps it', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-east-2.amazonaws.com/pytorch-training:1.4.0-gpu-py36-cu101-ubuntu16.04
      RUN pip install sagemaker-training
    ` },
    { name: 'conda brings its own Python on an old distribution', code: dockerfile`
      FROM ubuntu:18.04
      RUN apt-get update && apt-get install -y wget python3
      RUN wget https://repo.anaconda.com/miniconda/Miniconda3-latest-Linux-x86_64.sh && bash Miniconda3-latest-Linux-x86_64.sh -b -p /opt/conda
      RUN /opt/conda/bin/pip install sagemaker-training
    ` },
    { name: 'Ubuntu 20.04\'s python3 is 3.8', code: dockerfile`
      FROM ubuntu:20.04
      RUN apt-get update && apt-get install -y python3 python3-pip && pip3 install sagemaker-training
    ` },
    { name: 'a python tag in an unresolved ARG', code: dockerfile`
      ARG PY
      FROM python:\${PY}-slim
      RUN pip install sagemaker-training
    ` },
  ],
  invalid: [
    {
      name: 'python:3.7 with an unpinned toolkit install',
      code: dockerfile`
        FROM python:3.7-slim-buster
        RUN pip3 install sagemaker-training
        COPY container/train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM train.py
      `,
      errors: [{
        messageId: 'oldPython', severity: 'warning', line: 2, column: 18, endLine: 2, endColumn: 36,
        data: { origin: 'python:3.7-slim-buster', version: '3.7' },
        suggestions: [{
          title: 'Pin "sagemaker-training<5"',
          output: dockerfile`
            FROM python:3.7-slim-buster
            RUN pip3 install "sagemaker-training<5"
            COPY container/train.py /opt/ml/code/train.py
            ENV SAGEMAKER_PROGRAM train.py
          `,
        }],
      }],
    },
    {
      name: 'Ubuntu 18.04\'s system python3 is 3.6',
      code: dockerfile`
        FROM ubuntu:18.04
        RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip
        RUN pip3 install --no-cache-dir "sagemaker_training>=4"
      `,
      options: { modes: ['train'] },
      errors: [{
        messageId: 'oldPython', severity: 'warning', line: 3, column: 33, endLine: 3, endColumn: 56,
        data: { origin: 'ubuntu:18.04\'s python3', version: '3.6' },
      }],
    },
    {
      name: 'upgrading the toolkit of a py36 SageMaker image',
      code: dockerfile`
        FROM 763104351884.dkr.ecr.us-east-2.amazonaws.com/pytorch-training:1.4.0-gpu-py36-cu101-ubuntu16.04
        RUN pip install --upgrade sagemaker-training
      `,
      errors: [{
        messageId: 'oldPython', severity: 'warning', line: 2, column: 27, endLine: 2, endColumn: 45,
        data: { origin: 'pytorch-training:1.4.0-gpu-py36-cu101-ubuntu16.04', version: '3.6' },
        suggestions: [{
          title: 'Pin "sagemaker-training<5"',
          output: dockerfile`
            FROM 763104351884.dkr.ecr.us-east-2.amazonaws.com/pytorch-training:1.4.0-gpu-py36-cu101-ubuntu16.04
            RUN pip install --upgrade "sagemaker-training<5"
          `,
        }],
      }],
    },
    {
      name: 'an unpinned toolkit in a requirements file on Debian buster\'s python3',
      code: dockerfile`
        FROM debian:buster-slim
        RUN apt-get update && apt-get install -y python3 python3-pip
        COPY requirements.txt /tmp/requirements.txt
        RUN pip3 install -r /tmp/requirements.txt
      `,
      options: { modes: ['train'], buildContext: memoryContext({ 'requirements.txt': 'numpy\nsagemaker-training\n' }) },
      errors: [{ messageId: 'oldPython', severity: 'warning', line: 4, column: 21, endLine: 4, endColumn: 42 }],
    },
  ],
});
