import { entrypointShellForm } from '../../../src/core/lint/rules/entrypoint-shell-form';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(entrypointShellForm, {
  valid: [
    dockerfile`
      FROM python:3.11-slim
      COPY entry.py /opt/program/entry.py
      ENTRYPOINT ["python3", "/opt/program/entry.py"]
    `,
    { name: 'scikit_bring_your_own: no ENTRYPOINT at all, train/serve on PATH', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get -y update && apt-get install -y --no-install-recommends python3 nginx ca-certificates
      ENV PATH="/opt/program:\${PATH}"
      COPY decision_trees /opt/program
      WORKDIR /opt/program
    ` },
    { name: 'a shell-form ENTRYPOINT in a build stage the image does not inherit', code: dockerfile`
      FROM golang:1.22 AS build
      ENTRYPOINT go run main.go
      FROM python:3.11
      ENTRYPOINT ["python3", "/app/serve.py"]
    ` },
    { name: 'Studio images are started by the platform, not by ENTRYPOINT', code: 'FROM python:3.11\nENTRYPOINT python app.py\n', options: { modes: ['studio'] } },
  ],
  invalid: [
    {
      name: 'shell form drops the train argument [WEB-docker-exec]',
      code: 'FROM python:3.11\nENTRYPOINT python train.py\n',
      errors: [{
        messageId: 'shellForm', severity: 'warning', line: 2, column: 1, endLine: 2, endColumn: 27,
        suggestions: [{ title: 'Convert to exec form: ENTRYPOINT ["python", "train.py"]', output: 'FROM python:3.11\nENTRYPOINT ["python", "train.py"]\n' }],
      }],
    },
    {
      name: 'a multi-stage image whose final stage inherits the shell form through FROM <stage>',
      code: dockerfile`
        FROM python:3.11 AS base
        ENTRYPOINT python3 /opt/program/serve.py --port 8080
        FROM base
        COPY model /opt/program/model
      `,
      errors: [{
        messageId: 'shellForm', severity: 'warning', line: 2, column: 1, endLine: 2, endColumn: 53,
        suggestions: [{
          title: 'Convert to exec form: ENTRYPOINT ["python3", "/opt/program/serve.py", "--port", "8080"]',
          output: dockerfile`
            FROM python:3.11 AS base
            ENTRYPOINT ["python3", "/opt/program/serve.py", "--port", "8080"]
            FROM base
            COPY model /opt/program/model
          `,
        }],
      }],
    },
    {
      name: 'expansions and operators cannot be converted mechanically: no suggestion',
      code: 'FROM python:3.11\nENTRYPOINT cd /opt/program && python3 $SCRIPT\n',
      errors: [{ messageId: 'shellForm', severity: 'warning', line: 2, column: 1, endLine: 2, endColumn: 46 }],
    },
    {
      name: 'single-quoted "JSON" is shell form to Docker',
      code: "FROM python:3.11\nENTRYPOINT ['python3', 'serve.py']\n",
      errors: [{ messageId: 'invalidJson', severity: 'warning', line: 2, column: 1, endLine: 2, endColumn: 35,
        suggestions: [{ title: 'Use double quotes: ENTRYPOINT ["python3", "serve.py"]', output: 'FROM python:3.11\nENTRYPOINT ["python3", "serve.py"]\n' }] }],
    },
  ],
});
