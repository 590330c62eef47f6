import { scriptCrlf } from '../../../src/core/lint/rules/script-crlf';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

const PY_LF = '#!/usr/bin/env python\nimport sys\nprint("ok")\n';
const PY_CRLF = PY_LF.replace(/\n/g, '\r\n');
const SH_LF = '#!/bin/bash\nset -e\nexec "$@"\n';
const SH_CRLF = SH_LF.replace(/\n/g, '\r\n');

const scikit = dockerfile`
  FROM ubuntu:22.04
  RUN apt-get -y update && apt-get install -y --no-install-recommends python3 nginx ca-certificates
  RUN pip --no-cache-dir install numpy scipy scikit-learn pandas flask gunicorn
  ENV PATH="/opt/program:\${PATH}"
  COPY decision_trees /opt/program
  WORKDIR /opt/program
`;
const scikitContext = (train: string, serve: string) => memoryContext({
  'Dockerfile': scikit,
  'decision_trees/train': { text: train, executable: true },
  'decision_trees/serve': { text: serve, executable: true },
  'decision_trees/predictor.py': 'import flask\r\n',
  'decision_trees/nginx.conf': 'events {}\n',
});

ruleTester.run(scriptCrlf, {
  valid: [
    { name: 'scikit_bring_your_own with LF scripts', code: scikit, options: { buildContext: scikitContext(PY_LF, PY_LF) } },
    { name: 'no build context: nothing to read', code: scikit },
    { name: 'a CRLF Python module run by the interpreter is fine', code: dockerfile`
      FROM python:3.11
      COPY entry.py /opt/program/entry.py
      ENTRYPOINT ["python3", "/opt/program/entry.py"]
    `, options: { buildContext: memoryContext({ 'entry.py': 'import sys\r\nprint(sys.argv)\r\n' }) } },
    { name: 'a CRLF train file without a #! line is not run through one', code: 'FROM python:3.11\nCOPY train /opt/program/train\n', options: { modes: ['train'], buildContext: memoryContext({ train: 'print(1)\r\n' }) } },
    { name: 'the image strips the CRs after copying', code: dockerfile`
      FROM python:3.11
      COPY entrypoint.sh /usr/local/bin/entrypoint.sh
      RUN sed -i 's/\\r$//' /usr/local/bin/entrypoint.sh && chmod +x /usr/local/bin/entrypoint.sh
      ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
    `, options: { buildContext: memoryContext({ 'entrypoint.sh': SH_CRLF }) } },
    { name: 'dos2unix over the whole program directory (relative to WORKDIR)', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get update && apt-get install -y dos2unix
      COPY decision_trees /opt/program
      WORKDIR /opt/program
      RUN find . -type f -exec dos2unix {} +
    `, options: { modes: ['train', 'serve'], buildContext: scikitContext(PY_CRLF, PY_CRLF) } },
    { name: 'serve is not run by a training job', code: 'FROM python:3.11\nCOPY serve /opt/program/serve\n', options: { modes: ['train'], buildContext: memoryContext({ serve: PY_CRLF }) } },
    { name: 'ARG-built base and an ARG-named script with LF endings', code: dockerfile`
      ARG BASE=python:3.11
      FROM \${BASE}
      ARG SCRIPT=entrypoint.sh
      COPY \${SCRIPT} /usr/local/bin/entrypoint.sh
      ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
    `, options: { buildContext: memoryContext({ 'entrypoint.sh': SH_LF }) } },
    { name: 'multi-stage: the CRLF script stays in the builder stage', code: dockerfile`
      FROM python:3.11 AS build
      COPY build.sh /build.sh
      RUN bash /build.sh
      FROM python:3.11-slim
      COPY --from=build /out /opt/program
      ENTRYPOINT ["python3", "/opt/program/serve.py"]
    `, options: { buildContext: memoryContext({ 'build.sh': SH_CRLF }) } },
  ],
  invalid: [
    {
      name: 'scikit_bring_your_own with CRLF train and serve [ISS-aws/amazon-sagemaker-examples#571]',
      code: scikit,
      options: { buildContext: scikitContext(PY_CRLF, PY_CRLF) },
      errors: [
        {
          messageId: 'shebang', severity: 'error', line: 5, column: 6, endLine: 5, endColumn: 20,
          data: { file: 'decision_trees/serve', path: '/opt/program/serve', interpreter: '/usr/bin/env python' },
          suggestions: [{
            title: "Strip the CRs in the image: RUN sed -i 's/\\r$//' /opt/program/serve",
            output: scikit.replace('COPY decision_trees /opt/program\n', "COPY decision_trees /opt/program\nRUN sed -i 's/\\r$//' /opt/program/serve\n"),
          }],
        },
        {
          messageId: 'shebang', severity: 'error', line: 5, column: 6, endLine: 5, endColumn: 20,
          data: { file: 'decision_trees/train', path: '/opt/program/train', interpreter: '/usr/bin/env python' },
          suggestions: [{
            title: "Strip the CRs in the image: RUN sed -i 's/\\r$//' /opt/program/train",
            output: scikit.replace('COPY decision_trees /opt/program\n', "COPY decision_trees /opt/program\nRUN sed -i 's/\\r$//' /opt/program/train\n"),
          }],
        },
      ],
    },
    {
      name: 'an exec-form ENTRYPOINT shell script with CRLF [ISS-aws/sagemaker-python-sdk#4090]',
      code: dockerfile`
        FROM python:3.11
        COPY docker/entrypoint.sh /usr/local/bin/
        ENTRYPOINT ["entrypoint.sh"]
      `,
      options: { buildContext: memoryContext({ 'docker/entrypoint.sh': { text: SH_CRLF, executable: true } }) },
      errors: [{
        messageId: 'shell', severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 26,
        data: { file: 'docker/entrypoint.sh', path: '/usr/local/bin/entrypoint.sh', interpreter: '/bin/bash' },
        suggestions: [{
          title: "Strip the CRs in the image: RUN sed -i 's/\\r$//' /usr/local/bin/entrypoint.sh",
          output: "FROM python:3.11\nCOPY docker/entrypoint.sh /usr/local/bin/\nRUN sed -i 's/\\r$//' /usr/local/bin/entrypoint.sh\nENTRYPOINT [\"entrypoint.sh\"]\n",
        }],
      }],
    },
    {
      name: 'bash reads a CRLF script named by the entrypoint, relative to WORKDIR; CRLF Dockerfile keeps CRLF',
      code: 'FROM python:3.11\r\nWORKDIR /app\r\nCOPY start.sh .\r\nENTRYPOINT ["bash", "start.sh"]\r\n',
      options: { modes: ['serve'], buildContext: memoryContext({ 'start.sh': 'set -e\r\nexec python3 serve.py\r\n' }) },
      errors: [{
        messageId: 'shell', severity: 'error', line: 3, column: 6, endLine: 3, endColumn: 14,
        suggestions: [{
          title: "Strip the CRs in the image: RUN sed -i 's/\\r$//' /app/start.sh",
          output: "FROM python:3.11\r\nWORKDIR /app\r\nCOPY start.sh .\r\nRUN sed -i 's/\\r$//' /app/start.sh\r\nENTRYPOINT [\"bash\", \"start.sh\"]\r\n",
        }],
      }],
    },
    {
      name: 'an ENTRYPOINT in front of serve may start it another way: a warning',
      code: dockerfile`
        FROM python:3.11
        COPY serve /opt/program/serve
        ENV PATH="/opt/program:\${PATH}"
        ENTRYPOINT ["python3", "/usr/local/bin/dispatch.py"]
      `,
      options: { modes: ['serve'], buildContext: memoryContext({ serve: PY_CRLF }) },
      errors: [{
        messageId: 'shebang', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 11,
        suggestions: [{
          title: "Strip the CRs in the image: RUN sed -i 's/\\r$//' /opt/program/serve",
          output: 'FROM python:3.11\nCOPY serve /opt/program/serve\nRUN sed -i \'s/\\r$//\' /opt/program/serve\nENV PATH="/opt/program:${PATH}"\nENTRYPOINT ["python3", "/usr/local/bin/dispatch.py"]\n',
        }],
      }],
    },
    {
      name: 'SAGEMAKER_PROGRAM ending in .sh runs under a shell [TT:process.py]',
      code: dockerfile`
        FROM python:3.11
        RUN pip install sagemaker-training
        COPY code/ /opt/ml/code/
        ENV SAGEMAKER_PROGRAM=run.sh
      `,
      options: { buildContext: memoryContext({ 'code/run.sh': SH_CRLF, 'code/train.py': 'print(1)\r\n' }) },
      errors: [{
        messageId: 'shell', severity: 'error', line: 3, column: 6, endLine: 3, endColumn: 11,
        suggestions: [{
          title: "Strip the CRs in the image: RUN sed -i 's/\\r$//' /opt/ml/code/run.sh",
          output: "FROM python:3.11\nRUN pip install sagemaker-training\nCOPY code/ /opt/ml/code/\nRUN sed -i 's/\\r$//' /opt/ml/code/run.sh\nENV SAGEMAKER_PROGRAM=run.sh\n",
        }],
      }],
    },
  ],
});
