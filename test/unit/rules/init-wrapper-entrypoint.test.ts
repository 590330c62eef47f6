import { initWrapperEntrypoint } from '../../../src/core/lint/rules/init-wrapper-entrypoint';
import { dockerfile, fixture, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(initWrapperEntrypoint, {
  valid: [
    { name: 'multi_model_bring_your_own: the entry script is PID 1', code: fixture('aws-samples/multi-model-byo/Dockerfile') },
    'FROM python:3.11-slim\nENTRYPOINT ["python3", "/opt/program/tini_helper.py"]\n',
    { name: 'tini in a builder stage only', code: dockerfile`
      FROM python:3.11 AS test
      ENTRYPOINT ["/usr/bin/tini", "--", "pytest"]
      FROM python:3.11-slim
      ENTRYPOINT ["python3", "/opt/program/entry.py"]
    ` },
    { name: 'Studio images are started by the platform', code: 'FROM python:3.11\nENTRYPOINT ["tini", "--", "jupyter-lab"]\n', options: { modes: ['studio'] } },
  ],
  invalid: [
    {
      name: 'tini as PID 1 in front of train [ISS-aws/sagemaker-python-sdk#4678]',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get install -y --no-install-recommends tini python3
        COPY train serve /opt/program/
        ENV PATH="/opt/program:\${PATH}"
        ENTRYPOINT ["/usr/bin/tini", "--"]
      `,
      errors: [{ messageId: 'initWrapper', severity: 'warning', line: 5, column: 13, endLine: 5, endColumn: 28, data: { wrapper: '/usr/bin/tini' } }],
    },
    {
      name: 'tini -g -- program: the suggestion keeps the program',
      code: 'FROM python:3.11-slim\nENTRYPOINT ["/sbin/tini", "-g", "--", "python3", "/opt/program/serve.py"]\n',
      errors: [{
        messageId: 'initWrapper', severity: 'warning', line: 2, column: 13, endLine: 2, endColumn: 25,
        suggestions: [{ title: 'Remove the init wrapper: ENTRYPOINT ["python3", "/opt/program/serve.py"]', output: 'FROM python:3.11-slim\nENTRYPOINT ["python3", "/opt/program/serve.py"]\n' }],
      }],
    },
    {
      name: 'dumb-init in front of the entry script',
      code: 'FROM python:3.11-slim\nENTRYPOINT ["dumb-init", "python3", "/opt/program/entry.py"]\n',
      errors: [{
        messageId: 'initWrapper', severity: 'warning', line: 2, column: 13, endLine: 2, endColumn: 24,
        suggestions: [{ title: 'Remove the init wrapper: ENTRYPOINT ["python3", "/opt/program/entry.py"]', output: 'FROM python:3.11-slim\nENTRYPOINT ["python3", "/opt/program/entry.py"]\n' }],
      }],
    },
    {
      name: 'tini-static with options and no separator: no mechanical suggestion',
      code: 'FROM python:3.11-slim\nENTRYPOINT ["/tini-static", "-s", "python3", "/opt/program/entry.py"]\n',
      errors: [{ messageId: 'initWrapper', severity: 'warning', line: 2, column: 13, endLine: 2, endColumn: 27 }],
    },
    {
      name: 'shell form, inherited from the parent stage',
      code: dockerfile`
        FROM python:3.11-slim AS base
        ENTRYPOINT tini -- python3 /opt/program/entry.py
        FROM base
        COPY entry.py /opt/program/entry.py
      `,
      errors: [{ messageId: 'initWrapper', severity: 'warning', line: 2, column: 12, endLine: 2, endColumn: 16 }],
    },
  ],
});
