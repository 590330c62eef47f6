import { studioWorkdir } from '../../../src/core/lint/rules/studio-workdir';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(studioWorkdir, {
  valid: [
    { name: 'JupyterLab image on sagemaker-distribution ending in the home directory', code: dockerfile`
      FROM public.ecr.aws/sagemaker/sagemaker-distribution:2.6-cpu
      USER root
      WORKDIR /tmp/build
      RUN pip install --no-cache-dir polars
      USER sagemaker-user
      WORKDIR /home/sagemaker-user
    ` },
    { name: 'a subdirectory of the home directory', code: dockerfile`
      FROM python:3.11
      RUN pip install jupyterlab
      WORKDIR /home/sagemaker-user/work
    `, options: { modes: ['studio'] } },
    { name: 'no WORKDIR at all: the base decides', code: 'FROM python:3.11\nRUN pip install ipykernel\n' },
    { name: 'Studio Classic KernelGateway images are not told about WORKDIR', code: dockerfile`
      # Studio Classic KernelGateway app image
      FROM python:3.11
      RUN pip install ipykernel && python -m ipykernel install --sys-prefix
      WORKDIR /app
    ` },
    { name: 'an unresolved WORKDIR is not guessed', code: dockerfile`
      ARG BASE=python:3.11
      FROM \${BASE}
      RUN pip install jupyterlab
      WORKDIR \${HOME}
    `, options: { modes: ['studio'] } },
    { name: 'multi-stage: the builder stage may use /opt/ml', code: dockerfile`
      FROM python:3.11 AS build
      WORKDIR /opt/ml/build
      RUN pip wheel -w /wheels polars
      FROM python:3.11
      COPY --from=build /wheels /wheels
      RUN pip install /wheels/* jupyterlab
      WORKDIR /home/sagemaker-user
    ` },
    { name: 'training images may use /opt/ml/code', code: 'FROM python:3.11\nCOPY train.py /opt/ml/code/train.py\nWORKDIR /opt/ml/code\n', options: { modes: ['train'] } },
  ],
  invalid: [
    {
      name: 'JupyterLab image ending in /app [WEB-studio]',
      code: dockerfile`
        FROM python:3.11
        RUN pip install jupyterlab
        WORKDIR /app
        COPY notebooks ./notebooks
      `,
      options: { modes: ['studio'] },
      errors: [{
        messageId: 'outsideHome', severity: 'warning', line: 3, column: 9, endLine: 3, endColumn: 13, data: { path: '/app' },
        suggestions: [{
          title: 'End the image with WORKDIR /home/sagemaker-user',
          output: 'FROM python:3.11\nRUN pip install jupyterlab\nWORKDIR /app\nCOPY notebooks ./notebooks\nWORKDIR /home/sagemaker-user\n',
        }],
      }],
    },
    {
      name: 'a relative WORKDIR resolved against the previous one',
      code: 'FROM public.ecr.aws/sagemaker/sagemaker-distribution:2.6-cpu\nWORKDIR /home\nWORKDIR ../srv',
      errors: [{
        messageId: 'outsideHome', severity: 'warning', line: 3, column: 9, endLine: 3, endColumn: 15, data: { path: '/srv' },
        suggestions: [{
          title: 'End the image with WORKDIR /home/sagemaker-user',
          output: 'FROM public.ecr.aws/sagemaker/sagemaker-distribution:2.6-cpu\nWORKDIR /home\nWORKDIR ../srv\nWORKDIR /home/sagemaker-user',
        }],
      }],
    },
    {
      name: 'files copied and written into reserved paths [DG:studio-byoi-specs]',
      code: dockerfile`
        FROM python:3.11
        RUN pip install ipykernel
        COPY config.json /opt/ml/metadata/
        RUN mkdir -p /var/log/studio && echo ok > /opt/.sagemakerinternal/flag
        WORKDIR /home/sagemaker-user
      `,
      errors: [
        { messageId: 'reserved', severity: 'warning', line: 3, column: 18, endLine: 3, endColumn: 35, data: { path: '/opt/ml/metadata', root: '/opt/ml' } },
        { messageId: 'reserved', severity: 'warning', line: 4, column: 14, endLine: 4, endColumn: 29, data: { path: '/var/log/studio', root: '/var/log/studio' } },
        { messageId: 'reserved', severity: 'warning', line: 4, column: 43, endLine: 4, endColumn: 71, data: { path: '/opt/.sagemakerinternal/flag', root: '/opt/.sagemakerinternal' } },
      ],
    },
    {
      name: 'a final WORKDIR under /opt/ml is reported once, as reserved',
      code: 'FROM python:3.11\nRUN pip install jupyterlab\nWORKDIR /opt/ml/code\n',
      options: { modes: ['studio'] },
      errors: [{ messageId: 'reserved', severity: 'warning', line: 3, column: 9, endLine: 3, endColumn: 21 }],
    },
  ],
});
