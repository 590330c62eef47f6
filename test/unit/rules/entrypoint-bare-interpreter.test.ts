import { entrypointBareInterpreter } from '../../../src/core/lint/rules/entrypoint-bare-interpreter';
import { dockerfile, fixture, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(entrypointBareInterpreter, {
  valid: [
    { name: 'interpreter options without a script are detected as a processing image (ScriptProcessor)', code: 'FROM python:3.11-slim\nENTRYPOINT ["/usr/bin/env", "python3", "-u"]\n' },
    { name: 'ScriptProcessor image: ENTRYPOINT ["python3"] is detected as processing [DG:processing-container-run-scripts]', code: fixture('aws-samples/processing-python3/Dockerfile') },
    { name: 'basic training container: the interpreter names its script', code: fixture('aws-samples/basic-training-container/Dockerfile') },
    'FROM python:3.11-slim\nENTRYPOINT ["python3", "-m", "trainer.task"]\n',
    'FROM python:3.11-slim\nENTRYPOINT ["python3", "-u", "/opt/program/serve.py"]\n',
    { name: '"python3 train" finds the script train in the WORKDIR', code: dockerfile`
      FROM python:3.11-slim
      COPY train serve /opt/program/
      WORKDIR /opt/program
      ENTRYPOINT ["python3"]
    `, options: { modes: ['train', 'serve'] } },
    { name: 'multi-stage: a bare interpreter in the builder stage is not the image ENTRYPOINT', code: dockerfile`
      FROM python:3.11 AS builder
      ENTRYPOINT ["python3"]
      FROM python:3.11-slim
      COPY entry.py /opt/program/entry.py
      ENTRYPOINT ["python3", "/opt/program/entry.py"]
    `, options: { modes: ['train'] } },
  ],
  invalid: [
    {
      name: 'training with ENTRYPOINT ["python3"] runs "python3 train" [DG:your-algorithms-training-algo-dockerfile]',
      code: dockerfile`
        FROM python:3.11-slim
        COPY train.py /opt/program/train.py
        ENV PYTHONUNBUFFERED=TRUE
        ENTRYPOINT ["python3"]
      `,
      options: { modes: ['train'] },
      errors: [{
        messageId: 'bareInterpreter', severity: 'error', line: 4, column: 12, endLine: 4, endColumn: 23,
        data: { entrypoint: '["python3"]', words: '"train"', interpreter: 'python3', word: 'train', workdir: '/', detail: ', and the image puts none there' },
      }],
    },
    {
      name: 'a mode pragma says serve: bash looks for a script named serve',
      code: '# smlint mode=serve\nFROM ubuntu:22.04\nWORKDIR /srv\nENTRYPOINT ["bash"]\n',
      errors: [{ messageId: 'bareInterpreter', severity: 'error', line: 4, column: 12, endLine: 4, endColumn: 20 }],
    },
    {
      name: 'processing and training both detected: the training start fails, but the image may only be used for processing',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install --no-cache-dir sagemaker-training
        ENV SAGEMAKER_PROGRAM=train.py
        ENTRYPOINT ["python3"]
      `,
      errors: [{ messageId: 'bareInterpreter', severity: 'warning', line: 4, column: 12, endLine: 4, endColumn: 23 }],
    },
    {
      name: 'a folder copied into the WORKDIR without a build context: cannot tell',
      code: dockerfile`
        FROM python:3.11-slim
        WORKDIR /opt/program
        COPY . .
        ENTRYPOINT ["python3"]
      `,
      options: { modes: ['train'] },
      errors: [{
        messageId: 'bareInterpreter', severity: 'warning', line: 4, column: 12, endLine: 4, endColumn: 23,
        data: { entrypoint: '["python3"]', words: '"train"', interpreter: 'python3', word: 'train', workdir: '/opt/program', detail: ' (smlint cannot see whether the image puts one there)' },
      }],
    },
    {
      name: 'bash would find the toolkit\'s train on PATH, which is a Python script: uncertain',
      code: 'FROM python:3.11-slim\nRUN pip install sagemaker-training\nENTRYPOINT ["bash"]\n',
      options: { modes: ['train'] },
      errors: [{ messageId: 'bareInterpreter', severity: 'warning', line: 3, column: 12, endLine: 3, endColumn: 20 }],
    },
  ],
});
