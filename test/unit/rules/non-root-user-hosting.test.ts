import { nonRootUserHosting } from '../../../src/core/lint/rules/non-root-user-hosting';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(nonRootUserHosting, {
  valid: [
    { name: 'multi_model_bring_your_own: no USER at all', code: dockerfile`
      FROM ubuntu:22.04
      RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
      LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
      ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
      CMD ["serve"]
    ` },
    { name: 'a build user, then back to root at the end', code: dockerfile`
      FROM python:3.11
      RUN useradd -m builder
      USER builder
      RUN pip install --user flask
      USER root
      ENTRYPOINT ["python3", "/opt/program/serve.py"]
    `, options: { modes: ['serve'] } },
    { name: 'USER 0:0 is root', code: 'FROM python:3.11\nUSER 0:0\n', options: { modes: ['serve'] } },
    { name: 'a non-root USER in a builder stage the image does not inherit (multi-stage)', code: dockerfile`
      FROM python:3.11 AS build
      USER 1000
      RUN pip wheel -w /tmp/wheels flask
      FROM python:3.11-slim
      COPY --from=build /tmp/wheels /wheels
    `, options: { modes: ['serve'] } },
    { name: 'an unresolved USER variable is not reported for training', code: dockerfile`
      ARG BASE=python:3.11
      FROM \${BASE}
      ARG NB_USER
      USER \${NB_USER}
    `, options: { modes: ['train'] } },
    { name: 'Studio images run as their own user', code: 'FROM python:3.11\nUSER 1000:100\n', options: { modes: ['studio'] } },
  ],
  invalid: [
    {
      name: 'non-root hosting image [WEB-inf, ISS-aws/sagemaker-inference-toolkit#72]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install multi-model-server sagemaker-inference
        RUN useradd -m app
        USER app
        ENTRYPOINT ["python3", "/opt/program/entry.py"]
      `,
      errors: [{
        messageId: 'hosting', severity: 'warning', line: 4, column: 6, endLine: 4, endColumn: 9, data: { user: 'app' },
        suggestions: [{
          title: 'End the image with USER root',
          output: dockerfile`
            FROM python:3.11-slim
            RUN pip install multi-model-server sagemaker-inference
            RUN useradd -m app
            USER app
            ENTRYPOINT ["python3", "/opt/program/entry.py"]
            USER root
          `,
        }],
      }],
    },
    {
      name: 'a numeric USER inherited through FROM <stage>, resolved from an ARG',
      code: dockerfile`
        FROM python:3.11 AS base
        ARG APP_UID=1000
        USER \${APP_UID}:\${APP_UID}
        FROM base
        COPY serve /opt/program/serve
      `,
      errors: [{
        messageId: 'hosting', severity: 'warning', line: 3, column: 6, endLine: 3, endColumn: 27,
        suggestions: [{ title: 'End the image with USER root', output: 'FROM python:3.11 AS base\nARG APP_UID=1000\nUSER ${APP_UID}:${APP_UID}\nFROM base\nCOPY serve /opt/program/serve\nUSER root\n' }],
      }],
    },
    {
      name: 'an unresolved USER in a hosting image is a reminder only',
      code: 'FROM python:3.11\nUSER $NB_USER',
      options: { modes: ['serve'] },
      errors: [{
        messageId: 'hostingUnresolved', severity: 'info', line: 2, column: 6, endLine: 2, endColumn: 14,
        suggestions: [{ title: 'End the image with USER root', output: 'FROM python:3.11\nUSER $NB_USER\nUSER root' }],
      }],
    },
    {
      name: 'processing image as UID 1000 [ISS-aws/sagemaker-python-sdk#4764]',
      code: dockerfile`
        FROM python:3.11-slim
        ENV PYTHONUNBUFFERED=TRUE
        USER 1000
        ENTRYPOINT ["python3"]
      `,
      errors: [{
        messageId: 'jobs', severity: 'info', line: 3, column: 6, endLine: 3, endColumn: 10,
        suggestions: [{ title: 'End the image with USER root', output: 'FROM python:3.11-slim\nENV PYTHONUNBUFFERED=TRUE\nUSER 1000\nENTRYPOINT ["python3"]\nUSER root\n' }],
      }],
    },
  ],
});
