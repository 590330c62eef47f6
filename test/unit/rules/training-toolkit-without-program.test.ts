import { trainingToolkitWithoutProgram } from '../../../src/core/lint/rules/training-toolkit-without-program';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(trainingToolkitWithoutProgram, {
  valid: [
    { name: 'script-mode sample sets SAGEMAKER_PROGRAM [DG:adapt-training-container]', code: dockerfile`
      FROM python:3.11-slim
      RUN pip3 install --no-cache-dir sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'framework container: SAGEMAKER_TRAINING_MODULE instead of a script', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip
      RUN pip3 install --no-cache-dir sagemaker-training
      COPY package /tmp/package
      RUN pip3 install --no-cache-dir /tmp/package
      ENV SAGEMAKER_TRAINING_MODULE=custom_framework_training.training:main
    ` },
    { name: 'a SageMaker training base sets SAGEMAKER_TRAINING_MODULE itself', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.8.0-gpu-py312
      RUN pip install --no-cache-dir --upgrade sagemaker-training
    ` },
    { name: 'multi-stage: SAGEMAKER_PROGRAM set in the stage the image is built from', code: dockerfile`
      FROM python:3.11 AS base
      RUN pip install sagemaker-training
      ENV SAGEMAKER_PROGRAM=train.py
      FROM base
      COPY train.py /opt/ml/code/train.py
    ` },
    { name: 'an ENTRYPOINT of its own starts the job', code: dockerfile`
      FROM python:3.11
      RUN pip install sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENTRYPOINT ["python", "/opt/ml/code/train.py"]
    ` },
    { name: 'not a training image', code: dockerfile`
      FROM python:3.11
      RUN pip install sagemaker-training
    `, options: { modes: ['serve'] } },
  ],
  invalid: [
    {
      name: 'toolkit installed, one script baked into /opt/ml/code, no SAGEMAKER_PROGRAM: a job without entry_point has nothing to run',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip3 install --no-cache-dir sagemaker-training
        COPY train.py /opt/ml/code/train.py
      `,
      errors: [{
        messageId: 'noProgram', severity: 'warning', line: 2, column: 33, endLine: 2, endColumn: 51,
        suggestions: [{
          title: 'Set ENV SAGEMAKER_PROGRAM=train.py',
          output: dockerfile`
            FROM python:3.11-slim
            RUN pip3 install --no-cache-dir sagemaker-training
            COPY train.py /opt/ml/code/train.py
            ENV SAGEMAKER_PROGRAM=train.py
          `,
        }],
      }],
    },
    {
      name: 'the whole context is copied: the script name comes from the build context',
      code: dockerfile`
        FROM python:3.11-slim
        COPY requirements.txt /tmp/
        RUN pip install -r /tmp/requirements.txt
        COPY src/ /opt/ml/code/
      `,
      options: { buildContext: memoryContext({ 'requirements.txt': 'sagemaker-training==4.8.3\n', 'src/entry.py': '', 'src/lib/util.py': '' }) },
      errors: [{
        messageId: 'noProgram', severity: 'warning', line: 3, column: 20, endLine: 3, endColumn: 41,
        suggestions: [{
          title: 'Set ENV SAGEMAKER_PROGRAM=entry.py',
          output: dockerfile`
            FROM python:3.11-slim
            COPY requirements.txt /tmp/
            RUN pip install -r /tmp/requirements.txt
            COPY src/ /opt/ml/code/
            ENV SAGEMAKER_PROGRAM=entry.py
          `,
        }],
      }],
    },
    {
      name: 'several scripts: no guess at which one is the entry point',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install sagemaker-training
        COPY train.py prepare.py /opt/ml/code/
      `,
      errors: [{ messageId: 'noProgram', severity: 'warning', line: 2, column: 17, endLine: 2, endColumn: 35 }],
    },
    {
      // amazon-sagemaker-local-mode catboost_bring_your_own_container_local_training_toolkit: the
      // image holds only the toolkit; Estimator(entry_point=…, source_dir=…) brings the script and its name.
      name: 'local-mode catboost training-toolkit image: no code baked in, the estimator sends the script (info)',
      code: dockerfile`
        FROM python:3.10
        RUN pip install --upgrade pip
        RUN pip install catboost pandas
        RUN pip install sagemaker-training
      `,
      errors: [{ messageId: 'noProgram', severity: 'info', line: 4, column: 17, endLine: 4, endColumn: 35 }],
    },
    {
      name: 'an unknown base image may set SAGEMAKER_PROGRAM itself: info',
      code: dockerfile`
        FROM mycompany/ml-base:1.4
        RUN pip install sagemaker-training
      `,
      errors: [{ messageId: 'noProgram', severity: 'info', line: 2, column: 17, endLine: 2, endColumn: 35 }],
    },
  ],
});
