import { runtimeRequirementsOnly } from '../../../src/core/lint/rules/runtime-requirements-only';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(runtimeRequirementsOnly, {
  valid: [
    { name: 'installed at build time from /opt/ml/code', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install --no-cache-dir sagemaker-training
      COPY . /opt/ml/code
      WORKDIR /opt/ml/code
      RUN pip install --no-cache-dir -r requirements.txt
      ENV SAGEMAKER_PROGRAM train.py
    `, options: { buildContext: memoryContext({ 'requirements.txt': 'numpy\n', 'train.py': '' }) } },
    { name: 'the same context file installed from /tmp', code: dockerfile`
      FROM python:3.11-slim
      COPY requirements.txt /tmp/requirements.txt
      RUN pip install --no-cache-dir -r /tmp/requirements.txt sagemaker-training
      COPY requirements.txt train.py /opt/ml/code/
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'script-mode sample: requirements stay outside /opt/ml/code', code: dockerfile`
      FROM python:3.11-slim
      COPY requirements.txt /tmp/requirements.txt
      RUN pip3 install --no-cache-dir -r /tmp/requirements.txt && pip3 install --no-cache-dir sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'a shell-script entry point: the toolkit installs requirements only for Python entry points', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install sagemaker-training
      COPY requirements.txt run.sh /opt/ml/code/
      ENV SAGEMAKER_PROGRAM run.sh
    ` },
    { name: 'no training toolkit: nothing installs the file at job start', code: dockerfile`
      FROM python:3.11-slim
      COPY requirements.txt train.py /opt/ml/code/
      ENTRYPOINT ["python", "/opt/ml/code/train.py"]
    ` },
    { name: 'a directory copy without the build context cannot be listed', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312
      COPY src /opt/ml/code
      ENV SAGEMAKER_PROGRAM train.py
    ` },
  ],
  invalid: [
    {
      name: 'requirements.txt next to the script, installed only when the job starts [TT:src/sagemaker_training/modules.py]',
      code: dockerfile`
        FROM python:3.7.8-slim-buster
        RUN pip install --no-cache-dir sagemaker-training
        COPY src/train.py /opt/ml/code/train.py
        COPY requirements.txt /opt/ml/code/requirements.txt
        ENV SAGEMAKER_PROGRAM train.py
      `,
      errors: [{
        messageId: 'installedAtStart', severity: 'info', line: 4, column: 6, endLine: 4, endColumn: 22,
        suggestions: [{
          title: 'Install it at build time',
          output: dockerfile`
            FROM python:3.7.8-slim-buster
            RUN pip install --no-cache-dir sagemaker-training
            COPY src/train.py /opt/ml/code/train.py
            COPY requirements.txt /opt/ml/code/requirements.txt
            RUN pip install --no-cache-dir -r /opt/ml/code/requirements.txt
            ENV SAGEMAKER_PROGRAM train.py
          `,
        }],
      }],
    },
    {
      name: 'a DLC extended with the code directory from the build context',
      code: dockerfile`
        ARG REGION=us-east-1
        FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.8.0-gpu-py312
        COPY code/ /opt/ml/code/
        ENV SAGEMAKER_PROGRAM=train.py
      `,
      options: { buildContext: memoryContext({ 'code/train.py': '', 'code/requirements.txt': 'transformers\n' }) },
      errors: [{
        messageId: 'installedAtStart', severity: 'info', line: 3, column: 6, endLine: 3, endColumn: 11,
        suggestions: [{
          title: 'Install it at build time',
          output: dockerfile`
            ARG REGION=us-east-1
            FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.8.0-gpu-py312
            COPY code/ /opt/ml/code/
            RUN pip install --no-cache-dir -r /opt/ml/code/requirements.txt
            ENV SAGEMAKER_PROGRAM=train.py
          `,
        }],
      }],
    },
  ],
});
