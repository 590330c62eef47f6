import { studioUidGid } from '../../../src/core/lint/rules/studio-uid-gid';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(studioUidGid, {
  valid: [
    { name: 'Studio custom image sample shape: ARGs with 1000/100 and useradd --uid/--gid', code: dockerfile`
      FROM python:3.11
      ARG NB_USER="sagemaker-user"
      ARG NB_UID="1000"
      ARG NB_GID="100"
      RUN pip install --no-cache-dir ipykernel && python -m ipykernel install --sys-prefix
      RUN useradd --create-home --shell /bin/bash --gid "\${NB_GID}" --uid \${NB_UID} \${NB_USER}
      USER \${NB_UID}
      WORKDIR /home/sagemaker-user
    ` },
    { name: 'short options and the users group by name', code: dockerfile`
      FROM ubuntu:22.04
      RUN useradd -m -u 1000 -g users sagemaker-user
      USER sagemaker-user:users
      WORKDIR /home/sagemaker-user
    ` },
    { name: 'the sagemaker-distribution base brings its own user', code: dockerfile`
      FROM public.ecr.aws/sagemaker/sagemaker-distribution:2.6-cpu
      USER root
      RUN apt-get update && apt-get install -y graphviz
      USER sagemaker-user
    ` },
    { name: 'root (0:0) is accepted', code: 'FROM python:3.11\nRUN pip install ipykernel\nUSER 0:0\n' },
    { name: 'a service account other than the Studio user is not checked', code: dockerfile`
      FROM python:3.11
      RUN pip install ipykernel && useradd -r -u 999 postgres
      RUN useradd -m -u 1000 -g 100 sagemaker-user
      USER 1000:100
    ` },
    { name: 'an unresolved uid is not guessed', code: dockerfile`
      FROM python:3.11
      ARG NB_UID
      RUN pip install ipykernel && useradd -m -u \${NB_UID} -g 100 sagemaker-user
    ` },
    { name: 'a non-Studio image may use any uid', code: 'FROM python:3.11\nRUN useradd -u 1001 app\nUSER app\n', options: { modes: ['train'] } },
    { name: 'multi-stage: a builder stage user is not the image user', code: dockerfile`
      FROM python:3.11 AS build
      RUN useradd -u 2000 builder
      USER builder
      FROM jupyter/base-notebook
      COPY --from=build /home/builder/wheels /tmp/wheels
    `, options: { modes: ['studio'] } },
  ],
  invalid: [
    {
      name: 'useradd with UID 1001 for the Studio user [DG:studio-byoi-specs]',
      code: dockerfile`
        FROM python:3.11
        RUN pip install ipykernel && useradd -m -u 1001 -g 100 sagemaker-user
        USER sagemaker-user
      `,
      errors: [{
        messageId: 'uid', severity: 'error', line: 2, column: 44, endLine: 2, endColumn: 48, data: { who: 'useradd sagemaker-user', id: 1001 },
        suggestions: [{ title: 'Use 1000', output: 'FROM python:3.11\nRUN pip install ipykernel && useradd -m -u 1000 -g 100 sagemaker-user\nUSER sagemaker-user\n' }],
      }],
    },
    {
      name: 'GID from a groupadd, and --uid=/--gid= forms through ARGs',
      code: dockerfile`
        FROM python:3.11
        ARG UID=1000
        RUN groupadd -g 1000 studio && pip install ipykernel
        RUN useradd --uid=\${UID} --gid=studio jovyan
        USER jovyan
      `,
      errors: [{ messageId: 'gid', severity: 'error', line: 4, column: 26, endLine: 4, endColumn: 38, data: { who: 'useradd jovyan', id: 1000 } }],
    },
    {
      name: 'numeric USER with the wrong GID',
      code: 'FROM python:3.11\nRUN pip install ipykernel\nUSER 1000:1000\n',
      errors: [{ messageId: 'gid', severity: 'error', line: 3, column: 6, endLine: 3, endColumn: 15, data: { who: 'USER 1000:1000', id: 1000 } }],
    },
    {
      name: 'numeric USER with the wrong UID',
      code: 'FROM python:3.11\nRUN pip install ipykernel\nUSER 501\n',
      errors: [{ messageId: 'uid', severity: 'error', line: 3, column: 6, endLine: 3, endColumn: 9 }],
    },
    {
      name: 'a mixed pair 1000:0',
      code: 'FROM python:3.11\nRUN pip install ipykernel\nUSER 1000:0\n',
      errors: [{ messageId: 'pair', severity: 'error', line: 3, column: 6, endLine: 3, endColumn: 12 }],
    },
    {
      name: 'usermod changes the uid of the Studio user (inherited through FROM <stage>)',
      code: dockerfile`
        FROM jupyter/base-notebook AS base
        USER root
        RUN usermod -u 1001 jovyan
        FROM base
        USER jovyan
      `,
      options: { modes: ['studio'] },
      errors: [{
        messageId: 'uid', severity: 'error', line: 3, column: 16, endLine: 3, endColumn: 20,
        suggestions: [{ title: 'Use 1000', output: 'FROM jupyter/base-notebook AS base\nUSER root\nRUN usermod -u 1000 jovyan\nFROM base\nUSER jovyan\n' }],
      }],
    },
    {
      name: 'busybox adduser -u with -G (a group, not the GECOS -g)',
      code: 'FROM alpine:3.20\nRUN adduser -D -u 1234 -G users -g "Studio" sagemaker-user\n',
      options: { modes: ['studio'] },
      errors: [{
        messageId: 'uid', severity: 'error', line: 2, column: 19, endLine: 2, endColumn: 23,
        suggestions: [{ title: 'Use 1000', output: 'FROM alpine:3.20\nRUN adduser -D -u 1000 -G users -g "Studio" sagemaker-user\n' }],
      }],
    },
  ],
});
