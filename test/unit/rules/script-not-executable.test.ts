import { scriptNotExecutable } from '../../../src/core/lint/rules/script-not-executable';
import { dockerfile, fixture, memoryContext, ruleTester } from '../../helpers/ruleTester';

const scikit = fixture('aws-samples/scikit-bring-your-own/Dockerfile');
const scikitFiles = (executable: boolean) => memoryContext({
  'Dockerfile': scikit,
  'decision_trees/train': { text: '#!/usr/bin/env python\n', executable },
  'decision_trees/serve': { text: '#!/usr/bin/env python\n', executable },
  'decision_trees/predictor.py': { text: '', executable: false },
});

ruleTester.run(scriptNotExecutable, {
  valid: [
    { name: 'scikit_bring_your_own: train and serve are committed with mode 755 [EX scikit]', code: scikit, options: { buildContext: scikitFiles(true) } },
    { name: 'scikit_bring_your_own without a build context: the folder cannot be listed', code: scikit },
    'FROM python:3.11-slim\nCOPY --chmod=755 train serve /opt/program/\nENV PATH=/opt/program:$PATH\n',
    'FROM python:3.11-slim\nCOPY train /opt/program/train\nRUN chmod +x /opt/program/train\nENV PATH=/opt/program:$PATH\n',
    { name: 'chmod -R on the parent directory', code: 'FROM ubuntu:22.04\nENV PATH="/opt/program:${PATH}"\nCOPY decision_trees /opt/program\nRUN chmod -R 755 /opt/program\n', options: { buildContext: scikitFiles(false) } },
    { name: 'find … -exec chmod +x on the parent directory', code: 'FROM ubuntu:22.04\nCOPY decision_trees /opt/program\nRUN find /opt/program -type f -exec chmod +x {} +\n', options: { buildContext: scikitFiles(false) } },
    { name: 'chmod with a glob', code: 'FROM ubuntu:22.04\nCOPY decision_trees /opt/program\nRUN chmod u+x /opt/program/*\n', options: { buildContext: scikitFiles(false) } },
    { name: 'relative chmod from the WORKDIR', code: dockerfile`
      FROM python:3.11-slim
      WORKDIR /opt/program
      COPY train serve ./
      RUN chmod +x train serve
    ` },
    { name: 'multi_model_bring_your_own: the entry script runs through python and is chmod-ed anyway', code: fixture('aws-samples/multi-model-byo/Dockerfile') },
    { name: 'an executable entry script in the build context keeps its mode', code: 'FROM python:3.11-slim\nCOPY entry.sh /opt/program/entry.sh\nENTRYPOINT ["/opt/program/entry.sh"]\n', options: { buildContext: memoryContext({ 'entry.sh': { text: '#!/bin/sh\nexec "$@"\n', executable: true } }) } },
    { name: 'multi-stage: a copy from another stage keeps a mode smlint cannot see', code: dockerfile`
      FROM golang:1.22 AS build
      RUN go build -o /out/serve ./cmd/serve
      FROM ubuntu:22.04
      COPY --from=build /out/serve /usr/local/bin/serve
    ` },
    { name: 'an ENTRYPOINT that runs train through python does not execute it', code: 'FROM python:3.11-slim\nCOPY train /opt/program/train\nENTRYPOINT ["python3", "/opt/program/train"]\n' },
    { name: 'processing only', code: 'FROM python:3.11-slim\nCOPY entry.sh /opt/entry.sh\nENTRYPOINT ["/opt/entry.sh"]\n', options: { modes: ['processing'] } },
  ],
  invalid: [
    {
      name: 'tini hands train on, but train is not executable [ISS-aws/sagemaker-python-sdk#4678]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN apt-get update && apt-get install -y tini
        COPY train /opt/program/train
        ENV PATH="/opt/program:\${PATH}"
        ENTRYPOINT ["/usr/bin/tini", "--"]
      `,
      errors: [{
        messageId: 'mayNotBeExecutable', severity: 'warning', line: 3, column: 6, endLine: 3, endColumn: 11, data: { paths: '/opt/program/train' },
        suggestions: [
          {
            title: 'Copy with --chmod=755: COPY --chmod=755 …',
            output: 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y tini\nCOPY --chmod=755 train /opt/program/train\nENV PATH="/opt/program:${PATH}"\nENTRYPOINT ["/usr/bin/tini", "--"]\n',
          },
          {
            title: 'Add RUN chmod +x /opt/program/train',
            output: 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y tini\nCOPY train /opt/program/train\nRUN chmod +x /opt/program/train\nENV PATH="/opt/program:${PATH}"\nENTRYPOINT ["/usr/bin/tini", "--"]\n',
          },
        ],
      }],
    },
    {
      name: 'scikit_bring_your_own checked out without the execute bits: one finding for the folder',
      code: scikit,
      options: { buildContext: scikitFiles(false) },
      errors: [{
        messageId: 'notExecutable', severity: 'warning', line: 24, column: 6, endLine: 24, endColumn: 20, data: { paths: '/opt/program/train, /opt/program/serve', reason: 'the build context file has no execute bit' },
        suggestions: [
          { title: 'Copy with --chmod=755: COPY --chmod=755 …', output: scikit.replace('COPY decision_trees', 'COPY --chmod=755 decision_trees') },
          { title: 'Add RUN chmod +x /opt/program/train /opt/program/serve', output: scikit.replace('COPY decision_trees /opt/program\n', 'COPY decision_trees /opt/program\nRUN chmod +x /opt/program/train /opt/program/serve\n') },
        ],
      }],
    },
    {
      name: 'a chmod before the COPY does not cover the copied file; CRLF kept',
      code: 'FROM python:3.11-slim\r\nRUN mkdir -p /opt/program && chmod -R 755 /opt/program\r\nCOPY serve /usr/local/bin/serve\r\n',
      errors: [{
        messageId: 'mayNotBeExecutable', severity: 'warning', line: 3, column: 6, endLine: 3, endColumn: 11,
        suggestions: [
          { title: 'Copy with --chmod=755: COPY --chmod=755 …', output: 'FROM python:3.11-slim\r\nRUN mkdir -p /opt/program && chmod -R 755 /opt/program\r\nCOPY --chmod=755 serve /usr/local/bin/serve\r\n' },
          { title: 'Add RUN chmod +x /usr/local/bin/serve', output: 'FROM python:3.11-slim\r\nRUN mkdir -p /opt/program && chmod -R 755 /opt/program\r\nCOPY serve /usr/local/bin/serve\r\nRUN chmod +x /usr/local/bin/serve\r\n' },
        ],
      }],
    },
    {
      name: '--chmod=644 sets a mode without execute',
      code: 'FROM python:3.11-slim\nCOPY --chmod=644 serve /usr/local/bin/serve\n',
      errors: [{
        messageId: 'notExecutable', severity: 'warning', line: 2, column: 18, endLine: 2, endColumn: 23, data: { paths: '/usr/local/bin/serve', reason: '--chmod=644 grants no execute permission' },
        suggestions: [{ title: 'Add RUN chmod +x /usr/local/bin/serve', output: 'FROM python:3.11-slim\nCOPY --chmod=644 serve /usr/local/bin/serve\nRUN chmod +x /usr/local/bin/serve\n' }],
      }],
    },
    {
      name: 'a heredoc COPY creates the file with mode 644',
      code: 'FROM python:3.11-slim\nCOPY <<EOF /usr/local/bin/serve\n#!/bin/sh\nexec gunicorn -b 0.0.0.0:8080 app:app\nEOF\n',
      options: { modes: ['serve'] },
      errors: [{
        messageId: 'notExecutable', severity: 'warning', line: 2, column: 12, endLine: 2, endColumn: 32, data: { paths: '/usr/local/bin/serve', reason: 'a heredoc COPY creates it with mode 644' },
        suggestions: [
          { title: 'Copy with --chmod=755: COPY --chmod=755 …', output: 'FROM python:3.11-slim\nCOPY --chmod=755 <<EOF /usr/local/bin/serve\n#!/bin/sh\nexec gunicorn -b 0.0.0.0:8080 app:app\nEOF\n' },
          { title: 'Add RUN chmod +x /usr/local/bin/serve', output: 'FROM python:3.11-slim\nCOPY <<EOF /usr/local/bin/serve\n#!/bin/sh\nexec gunicorn -b 0.0.0.0:8080 app:app\nEOF\nRUN chmod +x /usr/local/bin/serve\n' },
        ],
      }],
    },
    {
      name: 'ADD from a URL creates the file with mode 600',
      code: 'FROM python:3.11-slim\nADD https://example.com/tools/serve /usr/local/bin/serve\n',
      options: { modes: ['serve'] },
      errors: [{
        messageId: 'notExecutable', severity: 'warning', line: 2, column: 5, endLine: 2, endColumn: 36, data: { paths: '/usr/local/bin/serve', reason: 'ADD from a URL creates it with mode 600' },
        suggestions: [
          { title: 'Copy with --chmod=755: ADD --chmod=755 …', output: 'FROM python:3.11-slim\nADD --chmod=755 https://example.com/tools/serve /usr/local/bin/serve\n' },
          { title: 'Add RUN chmod +x /usr/local/bin/serve', output: 'FROM python:3.11-slim\nADD https://example.com/tools/serve /usr/local/bin/serve\nRUN chmod +x /usr/local/bin/serve\n' },
        ],
      }],
    },
    {
      name: 'the ENTRYPOINT script, found on PATH, is not executable in the build context',
      code: 'FROM python:3.11-slim\nCOPY entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n',
      options: { buildContext: memoryContext({ 'entrypoint.sh': { text: '#!/bin/sh\nexec "$@"\n', executable: false } }) },
      errors: [{
        messageId: 'notExecutable', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 19, data: { paths: '/usr/local/bin/entrypoint.sh', reason: 'the build context file has no execute bit' },
        suggestions: [
          { title: 'Copy with --chmod=755: COPY --chmod=755 …', output: 'FROM python:3.11-slim\nCOPY --chmod=755 entrypoint.sh /usr/local/bin/\nENTRYPOINT ["entrypoint.sh"]\n' },
          { title: 'Add RUN chmod +x /usr/local/bin/entrypoint.sh', output: 'FROM python:3.11-slim\nCOPY entrypoint.sh /usr/local/bin/\nRUN chmod +x /usr/local/bin/entrypoint.sh\nENTRYPOINT ["entrypoint.sh"]\n' },
        ],
      }],
    },
  ],
});
