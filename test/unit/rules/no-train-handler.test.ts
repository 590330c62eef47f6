import { noTrainHandler } from '../../../src/core/lint/rules/no-train-handler';
import { dockerfile, fixture, memoryContext, ruleTester } from '../../helpers/ruleTester';

const scikitContext = memoryContext({
  'decision_trees/train': { text: '#!/usr/bin/env python\n', executable: true },
  'decision_trees/serve': { text: '#!/usr/bin/env python\n', executable: true },
  'decision_trees/predictor.py': '',
});

ruleTester.run(noTrainHandler, {
  valid: [
    { name: 'scikit_bring_your_own without a build context: the folder on PATH cannot be listed', code: fixture('aws-samples/scikit-bring-your-own/Dockerfile') },
    { name: 'scikit_bring_your_own with its build context: decision_trees/train lands in /opt/program', code: fixture('aws-samples/scikit-bring-your-own/Dockerfile'), options: { buildContext: scikitContext } },
    { name: 'script mode: pip install sagemaker-training registers train [TT:setup.py]', code: fixture('aws-samples/script-mode-training/Dockerfile') },
    { name: 'DLC extend pattern: the SageMaker training image provides train', code: fixture('aws-samples/dlc-extend-pytorch/Dockerfile') },
    { name: 'multi-stage: the toolkit is installed from wheels in the final stage', code: fixture('aws-samples/multi-stage-build/Dockerfile') },
    { name: 'an ENTRYPOINT receives the word: other rules judge it', code: fixture('aws-samples/basic-training-container/Dockerfile') },
    { name: 'train copied straight into /usr/local/bin', code: 'FROM python:3.11\nCOPY train /usr/local/bin/train\n', options: { modes: ['train'] } },
    { name: 'a framework package installed from a local path may depend on the toolkit', code: dockerfile`
      FROM python:3.11
      COPY package /tmp/package
      RUN pip install --no-cache-dir /tmp/package
      ENV SAGEMAKER_TRAINING_MODULE=custom_framework.training:main
    ` },
    { name: 'requirements.txt read through the build context names the toolkit', code: dockerfile`
      FROM python:3.11-slim
      COPY requirements.txt /tmp/requirements.txt
      RUN pip install -r /tmp/requirements.txt
      COPY train.py /opt/ml/code/train.py
    `, options: { buildContext: memoryContext({ 'requirements.txt': 'numpy==1.26.4\nsagemaker-training>=4  # the toolkit\n', 'train.py': '' }) } },
    { name: 'requirements.txt without a build context cannot be read', code: dockerfile`
      FROM python:3.11-slim
      WORKDIR /app
      COPY requirements.txt .
      RUN pip install -r requirements.txt
      COPY train.py /opt/ml/code/train.py
    ` },
    { name: 'multi-stage: a virtualenv with the toolkit copied from the builder stage', code: dockerfile`
      FROM python:3.11 AS builder
      RUN python -m venv /opt/venv && /opt/venv/bin/pip install sagemaker-training
      FROM python:3.11-slim
      COPY --from=builder /opt/venv /opt/venv
      ENV PATH="/opt/venv/bin:\${PATH}"
      COPY train.py /opt/ml/code/train.py
    ` },
    { name: 'a CMD makes it cmd-only-launcher\'s case', code: 'FROM python:3.11\nCOPY train.py /opt/ml/code/train.py\nCMD ["python3", "/opt/ml/code/train.py"]\n' },
  ],
  invalid: [
    {
      name: 'code copied to /opt/ml/code but nothing answers train [DG:adapt-training-container]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install --no-cache-dir scikit-learn pandas
        COPY train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM=train.py
      `,
      errors: [{ messageId: 'noTrain', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 22, data: { detail: '' } }],
    },
    {
      name: 'the build context shows the requirements file without the toolkit',
      code: dockerfile`
        FROM python:3.11-slim
        COPY requirements.txt /opt/requirements.txt
        RUN pip install -r /opt/requirements.txt
        COPY train.py /opt/ml/code/train.py
      `,
      options: { buildContext: memoryContext({ 'requirements.txt': 'numpy==1.26.4\n', 'train.py': '' }) },
      errors: [{ messageId: 'noTrain', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 22 }],
    },
    {
      name: 'multi-stage: the toolkit is installed only in a stage the image does not use',
      code: dockerfile`
        FROM python:3.11 AS test
        RUN pip install sagemaker-training pytest
        FROM python:3.11-slim AS final
        COPY train.py /opt/ml/code/train.py
      `,
      errors: [{ messageId: 'noTrain', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 31 }],
    },
    {
      name: 'an unknown base may bring it: info only',
      code: dockerfile`
        ARG BASE=mycompany/ml-base:2
        FROM \${BASE}
        COPY train.py /opt/ml/code/train.py
      `,
      errors: [{ messageId: 'noTrain', severity: 'info', line: 2, column: 1, endLine: 2, endColumn: 13, data: { detail: ' (unless the base image mycompany/ml-base:2 provides it or an ENTRYPOINT)' } }],
    },
  ],
});
