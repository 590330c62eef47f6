import { inferenceToolkitWithoutMms } from '../../../src/core/lint/rules/inference-toolkit-without-mms';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(inferenceToolkitWithoutMms, {
  valid: [
    { name: 'multi-model BYO sample: multi-model-server and sagemaker-inference together [IT:README.md]', code: dockerfile`
      FROM ubuntu:22.04
      LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
      RUN apt-get update && apt-get -y install --no-install-recommends openjdk-8-jdk-headless python3-pip
      RUN pip3 --no-cache-dir install mxnet \\
                                      multi-model-server \\
                                      sagemaker-inference \\
                                      retrying
      COPY dockerd-entrypoint.py /usr/local/bin/
      ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
      CMD ["serve"]
    ` },
    { name: 'the Hugging Face toolkit with its mms extra [HFI:setup.py]', code: dockerfile`
      FROM python:3.10
      RUN pip install "sagemaker-huggingface-inference-toolkit[mms,torch]"
    ` },
    { name: 'TorchServe through the PyTorch inference toolkit', code: dockerfile`
      FROM python:3.11
      RUN pip install torchserve sagemaker-pytorch-inference sagemaker-inference
    ` },
    { name: 'an inference DLC already has its model server', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.6.0-gpu-py312
      RUN pip install --no-cache-dir --upgrade sagemaker-inference
    ` },
    { name: 'MMS listed in a requirements file the build context shows', code: dockerfile`
      FROM python:3.11
      COPY requirements.txt /tmp/requirements.txt
      RUN pip install -r /tmp/requirements.txt sagemaker-inference
    `, options: { buildContext: memoryContext({ 'requirements.txt': 'multi-model-server==1.1.11\n' }) } },
    { name: 'MMS installed in a builder stage the image copies its packages from', code: dockerfile`
      FROM python:3.11 AS deps
      RUN pip install --user multi-model-server sagemaker-inference
      FROM python:3.11-slim
      COPY --from=deps /root/.local /root/.local
    `, options: { modes: ['serve'] } },
    {
      // A Triton image found by code search: the toolkit is installed next to tritonclient, and the
      // serve script starts tritonserver; the toolkit is only a library there.
      name: 'Triton serve script from the build context starts tritonserver, never the toolkit\'s model server',
      code: dockerfile`
        FROM nvcr.io/nvidia/tritonserver:25.04-py3
        RUN pip install sagemaker-inference tritonclient[http] opencv-python-headless
        COPY serve /opt/serve
        RUN chmod +x /opt/serve
        EXPOSE 8080
        ENTRYPOINT ["/opt/serve"]
      `,
      options: { buildContext: memoryContext({ serve: { text: '#!/bin/bash\nexec tritonserver --model-repository=/opt/ml/model --http-port=8080\n', executable: true } }) },
    },
    { name: 'a training image', code: dockerfile`
      FROM python:3.11
      RUN pip install sagemaker-inference
    `, options: { modes: ['train'] } },
  ],
  invalid: [
    {
      name: 'sagemaker-inference alone: it runs the multi-model-server command but does not install it [IT:setup.py]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install --no-cache-dir sagemaker-inference numpy
        COPY entrypoint.py /usr/local/bin/entrypoint.py
        ENTRYPOINT ["python", "/usr/local/bin/entrypoint.py"]
      `,
      errors: [{
        messageId: 'noMms', severity: 'error', line: 2, column: 32, endLine: 2, endColumn: 51,
        suggestions: [{
          title: 'Install multi-model-server with sagemaker-inference',
          output: dockerfile`
            FROM python:3.11-slim
            RUN pip install --no-cache-dir multi-model-server sagemaker-inference numpy
            COPY entrypoint.py /usr/local/bin/entrypoint.py
            ENTRYPOINT ["python", "/usr/local/bin/entrypoint.py"]
          `,
        }],
      }],
    },
    {
      name: 'the Hugging Face toolkit without its mms extra',
      code: dockerfile`
        FROM python:3.10
        RUN pip install sagemaker-huggingface-inference-toolkit transformers
      `,
      errors: [{
        messageId: 'noMms', severity: 'error', line: 2, column: 17, endLine: 2, endColumn: 56,
        suggestions: [{
          title: 'Install multi-model-server with sagemaker-huggingface-inference-toolkit',
          output: dockerfile`
            FROM python:3.10
            RUN pip install multi-model-server sagemaker-huggingface-inference-toolkit transformers
          `,
        }],
      }],
    },
    {
      name: 'listed in a requirements file without MMS: the finding sits on the file, no edit offered',
      code: dockerfile`
        FROM python:3.11
        COPY requirements.txt /tmp/requirements.txt
        RUN pip install -r /tmp/requirements.txt
      `,
      options: { modes: ['serve'], buildContext: memoryContext({ 'requirements.txt': 'sagemaker-inference==1.10.1\nnumpy\n' }) },
      errors: [{ messageId: 'noMms', severity: 'error', line: 3, column: 20, endLine: 3, endColumn: 41 }],
    },
    {
      name: 'an unreadable requirements file may bring MMS: warning',
      code: dockerfile`
        FROM python:3.11
        COPY requirements.txt .
        RUN pip install -r requirements.txt sagemaker-inference
      `,
      errors: [{
        messageId: 'maybeMms', severity: 'warning', line: 3, column: 37, endLine: 3, endColumn: 56,
        data: { package: 'sagemaker-inference', where: 'an install smlint cannot read (a requirements file, a local package or a script) brings it' },
        suggestions: [{
          title: 'Install multi-model-server with sagemaker-inference',
          output: dockerfile`
            FROM python:3.11
            COPY requirements.txt .
            RUN pip install -r requirements.txt multi-model-server sagemaker-inference
          `,
        }],
      }],
    },
    {
      name: 'an unknown base image may have MMS: warning',
      code: dockerfile`
        FROM mycompany/serving-base:3
        RUN pip install sagemaker-inference
      `,
      options: { modes: ['serve'] },
      errors: [{
        messageId: 'maybeMms', severity: 'warning', line: 2, column: 17, endLine: 2, endColumn: 36,
        data: { package: 'sagemaker-inference', where: 'the base image mycompany/serving-base:3 has it' },
        suggestions: [{
          title: 'Install multi-model-server with sagemaker-inference',
          output: dockerfile`
            FROM mycompany/serving-base:3
            RUN pip install multi-model-server sagemaker-inference
          `,
        }],
      }],
    },
    {
      name: 'the entrypoint script the build context shows starts the toolkit\'s model server',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install --no-cache-dir sagemaker-inference
        COPY dockerd-entrypoint.py /usr/local/bin/dockerd-entrypoint.py
        ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
        CMD ["serve"]
      `,
      options: { buildContext: memoryContext({ 'dockerd-entrypoint.py': 'from sagemaker_inference import model_server\nmodel_server.start_model_server()\n' }) },
      errors: [{ messageId: 'noMms', severity: 'error', line: 2, column: 32, endLine: 2, endColumn: 51,
        suggestions: [{ title: 'Install multi-model-server with sagemaker-inference', output: dockerfile`
          FROM python:3.11-slim
          RUN pip install --no-cache-dir multi-model-server sagemaker-inference
          COPY dockerd-entrypoint.py /usr/local/bin/dockerd-entrypoint.py
          ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
          CMD ["serve"]
        ` }] }],
    },
  ],
});
