/**
 * Mode detection on shapes of public SageMaker Dockerfiles (test/fixtures/real-world/README.md
 * names the repositories): each image is judged for the jobs it is built for, and no more.
 */
import assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { Model } from '../../../src/core/lint/model';
import { detectModes } from '../../../src/core/lint/modes';
import { dockerfile } from '../../helpers/ruleTester';

const detect = (text: string) => {
  const reasons = detectModes(new Model(text, DockerfileParser.parse(text)));
  return { modes: [...new Set(reasons.map((r) => r.mode))].sort(), reasons: reasons.map((r) => `${r.mode}: ${r.reason}`) };
};

describe('mode detection', () => {
  describe('from what the image starts', () => {
    it('llm_deploy_gcr: CMD ["serve"] after ENTRYPOINT [] is a serving image', () => {
      assert.deepStrictEqual(detect(dockerfile`
        ARG VLLM_REPO
        ARG VLLM_VERSION
        FROM $VLLM_REPO:$VLLM_VERSION
        COPY app/ /app
        ENV PATH="/app:\${PATH}"
        ENTRYPOINT []
        CMD ["serve"]
      `), { modes: ['serve'], reasons: ['serve: CMD starts serve'] });
    });

    it('a serve.sh wrapper, a gunicorn CMD, python inference.py and server.py are serving images', () => {
      assert.deepStrictEqual(detect('FROM python:3.11-slim\nCOPY app ./app\nENTRYPOINT ["/opt/ml/code/app/serve.sh"]\n').modes, ['serve']);
      assert.deepStrictEqual(detect('FROM python:3.11-slim\nCMD ["gunicorn", "-b", "0.0.0.0:8080", "app:app"]\n').reasons, ['serve: CMD starts gunicorn']);
      assert.deepStrictEqual(detect('FROM pytorch/pytorch:2.1.0-cuda11.8-cudnn8-runtime\nENTRYPOINT ["python", "-u", "server.py"]\n').modes, ['serve']);
      assert.deepStrictEqual(detect('FROM python:3.11\nENTRYPOINT ["python", "-m", "uvicorn", "app:app", "--port", "8080"]\n').modes, ['serve']);
    });

    it('a serve script written inline with COPY <<EOF onto PATH', () => {
      assert.deepStrictEqual(detect(dockerfile`
        FROM python:3.11-slim
        RUN pip install --no-cache-dir flask gunicorn
        COPY --chmod=755 <<EOF /usr/local/bin/serve
        #!/bin/sh
        exec gunicorn -b 0.0.0.0:8080 app:app
        EOF
      `).reasons, ['serve: writes a file named serve to /usr/local/bin/serve']);
    });

    it('python train.py is a training image; smspark-submit a processing one', () => {
      assert.deepStrictEqual(detect('FROM python:slim\nENV PATH="/opt/program:${PATH}"\nCOPY hdbscan /opt/program\nENTRYPOINT ["train.py"]\n').modes, ['train']);
      assert.deepStrictEqual(detect('FROM python:3.11-slim\nCOPY train.py /opt/ml/code\nENTRYPOINT ["python", "train.py"]\n').modes, ['train']);
      assert.deepStrictEqual(detect(dockerfile`
        FROM 173754725891.dkr.ecr.us-east-1.amazonaws.com/sagemaker-spark-processing:2.4-cpu-py37-v1.1
        COPY src /opt/program
        ENTRYPOINT ["smspark-submit", "processing.py"]
      `).reasons, [
        'processing: ENTRYPOINT starts smspark-submit',
        'processing: FROM sagemaker-spark-processing, a SageMaker processing image',
      ]);
    });

    it('sagemeker-pipeline-test: an own ENTRYPOINT on the scikit-learn image makes a processing step of it', () => {
      const preprocess = detect(dockerfile`
        FROM 141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3
        COPY ./train/code/preprocess.py /preprocess.py
        ENTRYPOINT ["python3", "/preprocess.py"]
      `);
      assert.deepStrictEqual(preprocess.reasons, ['processing: ENTRYPOINT starts preprocess.py']);
      // Without a launcher of its own, the image is what its base is for.
      assert.deepStrictEqual(detect(dockerfile`
        FROM 141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3
        COPY ./train/code/train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM train.py
      `).modes, ['serve', 'train']);
    });

    it('does not read a bash option as a Python module, nor a dashboard as a model server', () => {
      assert.deepStrictEqual(detect('FROM nvidia/cuda:13.0.2-runtime-amzn2023\nENTRYPOINT ["bash", "-m", "start_with_right_hostname.sh"]\n').modes, []);
      assert.deepStrictEqual(detect('FROM python:3.11\nCMD ["streamlit", "run", "app.py"]\n').modes, []);
    });
  });

  describe('where code sits', () => {
    it('antaris llama3 deployment: SAGEMAKER_PROGRAM and /opt/ml/code do not make a serving image a training one', () => {
      assert.deepStrictEqual(detect(dockerfile`
        FROM python:3.9-slim
        WORKDIR /opt/ml
        COPY code /opt/ml/code
        RUN pip install --no-cache-dir -r /opt/ml/code/requirements.txt
        ENV SAGEMAKER_PROGRAM inference.py
        ENTRYPOINT ["python", "/opt/ml/code/inference.py"]
      `), { modes: ['serve'], reasons: ['serve: sets SAGEMAKER_PROGRAM to inference.py', 'serve: ENTRYPOINT starts inference.py'] });
    });

    it('autogluon container-inference: an inference DLC with SAGEMAKER_PROGRAM naming the handler module', () => {
      assert.deepStrictEqual(detect(dockerfile`
        ARG REGION=us-east-1
        FROM 763104351884.dkr.ecr.\${REGION}.amazonaws.com/mxnet-inference:1.6.0-cpu-py3
        COPY package/ /opt/ml/code/package/
        ENV SAGEMAKER_PROGRAM inference.py
      `).modes, ['serve']);
    });

    it('Proyecto_Servidores: SAGEMAKER_PROGRAM=inference.py names the inference toolkit\'s user module, not a training script', () => {
      assert.deepStrictEqual(detect(dockerfile`
        FROM pytorch/pytorch:2.9.1-cuda12.6-cudnn9-runtime
        WORKDIR /opt/ml/code
        COPY inference.py .
        ENV SAGEMAKER_PROGRAM inference.py
      `).reasons, ['serve: sets SAGEMAKER_PROGRAM to inference.py']);
    });

    it('still counts for training when nothing else shows the job (tensorflow_bring_your_own)', () => {
      assert.deepStrictEqual(detect('FROM tensorflow/tensorflow:1.8.0-py3\nENV PATH="/opt/ml/code:${PATH}"\nCOPY /cifar10 /opt/ml/code\n').reasons,
        ['train: copies code into /opt/ml/code']);
    });

    it('keeps training next to real training evidence', () => {
      assert.deepStrictEqual(detect(dockerfile`
        FROM python:3.7-buster
        RUN pip --no-cache-dir install multi-model-server sagemaker-inference sagemaker-training
        COPY main.py /opt/ml/code/main.py
        ENTRYPOINT ["python", "/opt/ml/code/main.py"]
      `).modes, ['serve', 'train']);
    });
  });

  describe('Studio images', () => {
    it('studio custom image samples: a kernelspec install, the sagemaker-user account, a Jupyter base', () => {
      assert.deepStrictEqual(detect(dockerfile`
        FROM python:3.7
        ARG NB_USER="sagemaker-user"
        ARG NB_UID="1000"
        RUN useradd -m -s /bin/bash -N -u $NB_UID $NB_USER
        RUN pip install poetry && poetry install
        RUN python -m ipykernel install --sys-prefix
        USER $NB_UID
      `).reasons, ['studio: installs a Jupyter kernelspec', 'studio: sets NB_USER to sagemaker-user']);
      assert.deepStrictEqual(detect('FROM jupyter/datascience-notebook:julia-1.5.2\nRUN pip install boto3 sagemaker\n').reasons,
        ['studio: FROM jupyter/datascience-notebook, a Jupyter image']);
      assert.deepStrictEqual(detect('FROM python:3.11\nRUN useradd --uid 1000 --gid 100 -m sagemaker-user\n').reasons,
        ['studio: creates the sagemaker-user account']);
    });

    it('sagemaker-custom-image-template: a SageMaker Distribution image started by jupyter-lab, with the inference toolkit for local tries', () => {
      assert.deepStrictEqual(detect(dockerfile`
        FROM public.ecr.aws/sagemaker/sagemaker-distribution:latest-cpu
        USER root
        RUN micromamba install sagemaker-inference --freeze-installed --yes --channel conda-forge --name base
        USER $MAMBA_USER
        ENTRYPOINT ["jupyter-lab"]
        CMD ["--ServerApp.ip=0.0.0.0", "--ServerApp.port=8888"]
      `).reasons, [
        'studio: FROM sagemaker-distribution-prod, a SageMaker studio image',
        'studio: ENTRYPOINT starts jupyter-lab',
      ]);
    });

    it('echo-kernel-image: ipykernel listed after a comment line inside the continued pip install', () => {
      assert.deepStrictEqual(detect(dockerfile`
        FROM public.ecr.aws/docker/library/python:3.6
        RUN \\
            pip install echo_kernel \\
                # the kernel's dependencies are not declared on PyPI
                jupyter_client IPython ipykernel && \\
            python -m echo_kernel.install --sys-prefix
      `).reasons, ['studio: installs ipykernel', 'studio: installs a Jupyter kernelspec']);
    });
  });
});
