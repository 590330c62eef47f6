import { copySourceMissing } from '../../../src/core/lint/rules/copy-source-missing';
import type { BuildContext } from '../../../src/core/lint/types';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

const scikit = dockerfile`
  FROM ubuntu:22.04
  RUN apt-get -y update && apt-get install -y --no-install-recommends python3 nginx ca-certificates
  ENV PATH="/opt/program:\${PATH}"
  COPY decision_trees /opt/program
  WORKDIR /opt/program
`;
const scikitFiles = { 'Dockerfile': scikit, 'decision_trees/train': '', 'decision_trees/serve': '', 'decision_trees/predictor.py': '' };
const unlisted: BuildContext = { listFiles: () => undefined, readText: () => undefined };

ruleTester.run(copySourceMissing, {
  valid: [
    { name: 'scikit_bring_your_own: the program directory is in the context', code: scikit, options: { buildContext: memoryContext(scikitFiles) } },
    { name: 'no build context, or one that cannot be listed: silent', code: 'FROM python:3.11\nCOPY missing.py /app/\n' },
    { name: 'a context that cannot be listed', code: 'FROM python:3.11\nCOPY missing.py /app/\n', options: { buildContext: unlisted } },
    { name: 'script-mode training: file, ./ and absolute-looking sources', code: dockerfile`
      FROM python:3.11
      RUN pip install sagemaker-training
      COPY train.py /opt/ml/code/train.py
      COPY ./requirements.txt /tmp/
      COPY /src/ /opt/ml/code/src/
      COPY . /workspace
      ENV SAGEMAKER_PROGRAM train.py
    `, options: { buildContext: memoryContext({ 'train.py': '', 'requirements.txt': '', 'src/a.py': '' }) } },
    { name: 'copies from stages and images, URLs, heredocs and unresolved variables are not context paths', code: dockerfile`
      FROM python:3.11 AS build
      RUN pip wheel -w /wheels numpy
      FROM python:3.11-slim
      ARG CODE_DIR
      COPY --from=build /wheels /wheels
      COPY --from=nginx:1.27 /etc/nginx/nginx.conf /etc/nginx/
      ADD https://example.com/model.tar.gz /opt/model/
      COPY <<EOF /opt/program/config.json
      {"a": 1}
      EOF
      COPY \${CODE_DIR} /opt/program/
    `, options: { buildContext: memoryContext({ 'Dockerfile': '' }) } },
    { name: 'an ARG-resolved source that exists', code: dockerfile`
      ARG BASE=python:3.11
      FROM \${BASE}
      ARG MODEL_DIR=model
      COPY \${MODEL_DIR}/ /opt/ml/model-defaults/
    `, options: { buildContext: memoryContext({ 'model/weights.bin': '' }) } },
    { name: 'a wildcard for an optional file, next to a source that exists', code: dockerfile`
      FROM python:3.11
      COPY requirements.txt constraints.tx[t] /tmp/
    `, options: { buildContext: memoryContext({ 'requirements.txt': '' }) } },
    { name: '.dockerignore with an exception keeps the file', code: 'FROM python:3.11\nCOPY container/decision_trees /opt/program\n', options: {
      buildContext: memoryContext({ '.dockerignore': '*\n!container/decision_trees\n', 'container/decision_trees/train': '', 'notes.md': '' }),
    } },
    { name: 'a directory whose files are all excluded is still sent (empty)', code: 'FROM python:3.11\nCOPY data /data\n', options: {
      buildContext: memoryContext({ '.dockerignore': 'data/*.csv\n', 'data/a.csv': '' }),
    } },
    { name: 'a stage BuildKit never builds', code: dockerfile`
      FROM python:3.11 AS docs
      COPY docs/ /docs/
      FROM python:3.11 AS app
      COPY app.py /app/
    `, options: { buildContext: memoryContext({ 'app.py': '' }) } },
    { name: 'a path through a symbolic link to a directory (listed as a file) is not judged', code: 'FROM python:3.11\nCOPY shared/utils.py /app/\n', options: {
      buildContext: memoryContext({ shared: '' }),
    } },
    { name: 'another <name>.dockerignore may apply: exclusions are not judged', code: 'FROM python:3.11\nCOPY secret.txt /x\n', options: {
      buildContext: memoryContext({ '.dockerignore': 'secret.txt\n', 'Dockerfile.prod.dockerignore': '', 'secret.txt': '' }),
    } },
    { name: 'an invalid .dockerignore: exclusions are not judged', code: 'FROM python:3.11\nCOPY a.txt /x\n', options: {
      buildContext: memoryContext({ '.dockerignore': 'a.txt\n[\n', 'a.txt': '' }),
    } },
  ],
  invalid: [
    {
      name: 'a missing build artifact [ISS-aws/sagemaker-mxnet-inference-toolkit#41]',
      code: dockerfile`
        FROM python:3.11
        COPY sagemaker_mxnet_serving_container.tar.gz /sagemaker_mxnet_serving_container.tar.gz
      `,
      options: { buildContext: memoryContext({ 'Dockerfile': '', 'README.md': '' }) },
      errors: [{ messageId: 'notInContext', severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 46, data: {
        source: 'sagemaker_mxnet_serving_container.tar.gz', path: 'sagemaker_mxnet_serving_container.tar.gz',
        hint: ' Check the path, and that docker build is run with the context that holds it (the directory given to docker build, not the Dockerfile\'s).',
      } }],
    },
    {
      name: 'a typo offers the near name',
      code: 'FROM python:3.11\nCOPY requirments.txt /tmp/\nRUN pip install -r /tmp/requirments.txt\n',
      options: { buildContext: memoryContext({ 'requirements.txt': '', 'train.py': '' }) },
      errors: [{
        messageId: 'misspelled', severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 21, data: { source: 'requirments.txt', path: 'requirments.txt', closest: 'requirements.txt' },
        suggestions: [{ title: 'Copy requirements.txt instead', output: 'FROM python:3.11\nCOPY requirements.txt /tmp/\nRUN pip install -r /tmp/requirments.txt\n' }],
      }],
    },
    {
      name: 'excluded by .dockerignore [ISS-moby/buildkit#5132] (inherited through FROM <stage>)',
      code: dockerfile`
        FROM python:3.11 AS base
        COPY model/weights.bin /opt/ml/model-defaults/
        FROM base
        COPY serve.py /opt/program/
      `,
      options: { buildContext: memoryContext({ '.dockerignore': '# large files\n**/*.bin\n', 'model/weights.bin': '', 'serve.py': '' }) },
      errors: [{ messageId: 'excluded', severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 23, data: { source: 'model/weights.bin', path: 'model/weights.bin' } }],
    },
    {
      name: 'a directory excluded by .dockerignore',
      code: 'FROM python:3.11\nCOPY decision_trees /opt/program\n',
      options: { buildContext: memoryContext({ '.dockerignore': 'decision_trees\n', 'decision_trees/train': '' }) },
      errors: [{ messageId: 'excluded', severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 20 }],
    },
    {
      name: 'a path above the context resolves inside it',
      code: 'FROM python:3.11\nCOPY ../shared/utils.py /app/\n',
      options: { buildContext: memoryContext({ 'app.py': '' }) },
      errors: [{ messageId: 'notInContext', severity: 'error', line: 2, column: 6, endLine: 2, endColumn: 24, data: {
        source: '../shared/utils.py', path: 'shared/utils.py',
        hint: ' A path above the context (..) cannot be copied: Docker resolves it inside the context. Build from a directory that holds the file, or move the file into the context.',
      } }],
    },
    {
      name: 'a COPY whose only source is a wildcard that matches nothing',
      code: 'FROM python:3.11\nCOPY *.whl /tmp/wheels/\n',
      options: { buildContext: memoryContext({ 'train.py': '' }) },
      errors: [{ messageId: 'matchesNothing', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 11, data: { source: '*.whl', excluded: '' } }],
    },
    {
      name: 'a wildcard whose every match is excluded',
      code: 'FROM python:3.11\nCOPY dist/*.whl /tmp/wheels/\n',
      options: { buildContext: memoryContext({ '.dockerignore': 'dist\n', 'dist/a-1.0-py3-none-any.whl': '' }) },
      errors: [{ messageId: 'matchesNothing', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 16, data: { source: 'dist/*.whl', excluded: ' (.dockerignore excludes every match)' } }],
    },
    {
      name: 'a stage the image copies from is built too',
      code: dockerfile`
        FROM python:3.11 AS build
        COPY setup.py pyproject.toml /src/
        RUN pip wheel -w /wheels /src
        FROM python:3.11-slim
        COPY --from=build /wheels /wheels
      `,
      options: { buildContext: memoryContext({ 'setup.py': '' }) },
      errors: [{ messageId: 'notInContext', severity: 'error', line: 2, column: 15, endLine: 2, endColumn: 29 }],
    },
  ],
});
