import { studioStartup } from '../../../src/core/lint/rules/studio-startup';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(studioStartup, {
  valid: [
    { name: 'Studio custom image sample shape: ipykernel installed, no ENTRYPOINT/CMD', code: dockerfile`
      FROM python:3.11
      RUN pip install --no-cache-dir ipykernel && python -m ipykernel install --sys-prefix
      RUN useradd --create-home --uid 1000 --gid 100 sagemaker-user
      USER 1000:100
    ` },
    { name: 'JupyterLab on sagemaker-distribution (it ships kernels)', code: dockerfile`
      FROM public.ecr.aws/sagemaker/sagemaker-distribution:2.6-cpu
      RUN micromamba install -y -n base polars
    ` },
    { name: 'a conda R kernel', code: dockerfile`
      # Studio Classic KernelGateway image for R
      FROM continuumio/miniconda3
      RUN conda install -y -c conda-forge r-base r-irkernel
    ` },
    { name: 'a kernelspec read from requirements.txt in the build context', code: dockerfile`
      # KernelGateway image
      FROM python:3.11-slim
      COPY requirements.txt /tmp/requirements.txt
      RUN pip install -r /tmp/requirements.txt
    `, options: { buildContext: memoryContext({ 'requirements.txt': 'pandas==2.2.2\nipykernel>=6\n' }) } },
    { name: 'an unknown base may bring a kernel (ARG-built)', code: dockerfile`
      ARG BASE=mycompany/ds-base:1.0
      FROM \${BASE}
      ENV JUPYTER_ENABLE_LAB=1
    `, options: { modes: ['studio'] } },
    { name: 'multi-stage: ENTRYPOINT in a builder stage does not reach the image', code: dockerfile`
      FROM python:3.11 AS build
      ENTRYPOINT ["python3"]
      FROM python:3.11
      RUN pip install ipykernel
    ` },
    { name: 'not a Studio image', code: 'FROM python:3.11\nENTRYPOINT ["python3", "serve.py"]\n', options: { modes: ['serve'] } },
  ],
  invalid: [
    {
      name: 'ENTRYPOINT and CMD in a Studio image [DG:studio-byoi-specs]',
      code: dockerfile`
        FROM python:3.11
        RUN pip install jupyterlab
        ENTRYPOINT ["jupyter-lab"]
        CMD ["--ServerApp.ip=0.0.0.0", "--ServerApp.port=8888"]
      `,
      errors: [
        { messageId: 'startCommand', severity: 'info', line: 3, column: 1, endLine: 3, endColumn: 27, data: { keyword: 'ENTRYPOINT' } },
        { messageId: 'startCommand', severity: 'info', line: 4, column: 1, endLine: 4, endColumn: 56, data: { keyword: 'CMD' } },
      ],
    },
    {
      name: 'a KernelGateway image with no kernelspec',
      code: dockerfile`
        # Studio Classic: runs as a KernelGateway app
        FROM python:3.11-slim
        RUN pip install --no-cache-dir pandas scikit-learn
        USER 1000:100
      `,
      options: { modes: ['studio'] },
      errors: [{ messageId: 'noKernel', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 22 }],
    },
    {
      name: 'a Studio image that shows neither flavour nor kernel: a reminder only',
      code: 'FROM ubuntu:22.04\nRUN apt-get update && apt-get install -y python3-pip\nWORKDIR /home/sagemaker-user\n',
      errors: [{ messageId: 'maybeNoKernel', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 18 }],
    },
  ],
});
