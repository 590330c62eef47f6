import { noServeHandler } from '../../../src/core/lint/rules/no-serve-handler';
import { dockerfile, fixture, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(noServeHandler, {
  valid: [
    { name: 'scikit_bring_your_own without a build context: the folder on PATH cannot be listed', code: fixture('aws-samples/scikit-bring-your-own/Dockerfile') },
    { name: 'scikit_bring_your_own with its build context', code: fixture('aws-samples/scikit-bring-your-own/Dockerfile'), options: { buildContext: memoryContext({ 'decision_trees/serve': { text: '', executable: true }, 'decision_trees/train': { text: '', executable: true } }) } },
    { name: 'DLC extend pattern: the SageMaker inference image provides serve', code: fixture('aws-samples/dlc-extend-inference/Dockerfile') },
    { name: 'multi_model_bring_your_own: the ENTRYPOINT handles serve', code: fixture('aws-samples/multi-model-byo/Dockerfile') },
    { name: 'sagemaker-pytorch-inference registers serve [PTI:setup.py]', code: 'FROM python:3.11\nRUN pip install --no-cache-dir torch torchserve sagemaker-pytorch-inference\n' },
    { name: 'the HF toolkit with the mms extra registers serve [HFI:setup.py]', code: 'FROM python:3.11\nRUN pip install "sagemaker-huggingface-inference-toolkit[mms]"\n', options: { modes: ['serve'] } },
    { name: 'serve written into /usr/local/bin by a RUN redirection', code: dockerfile`
      FROM python:3.11
      RUN printf '#!/bin/sh\\nexec gunicorn -b 0.0.0.0:8080 app:app\\n' > /usr/local/bin/serve && chmod +x /usr/local/bin/serve
    `, options: { modes: ['serve'] } },
    { name: 'a symlink into a PATH directory made from WORKDIR', code: dockerfile`
      FROM python:3.11
      WORKDIR /opt/program
      COPY serve .
      RUN ln -s /opt/program/serve /usr/local/bin/
    `, options: { modes: ['serve'] } },
    { name: 'training only: serve is never started', code: fixture('aws-samples/script-mode-training/Dockerfile') },
  ],
  invalid: [
    {
      name: 'sagemaker-inference alone provides no serve command [IT:README.md]',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get install -y --no-install-recommends python3-pip openjdk-17-jre-headless
        RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
        COPY handler.py /opt/program/handler.py
      `,
      errors: [{ messageId: 'inferenceToolkitOnly', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 18, data: { detail: '' } }],
    },
    {
      name: 'a Flask app behind gunicorn, but no serve script on PATH',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install --no-cache-dir flask gunicorn
        COPY serve.py /opt/program/serve.py
        LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
      `,
      errors: [{ messageId: 'noServe', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 22 }],
    },
    {
      name: 'a link named serve.py is not a command named serve',
      code: 'FROM python:3.11\nWORKDIR /opt/program\nCOPY serve.py .\nRUN ln -s /opt/program/serve.py /usr/local/bin/\n',
      options: { modes: ['serve'] },
      errors: [{ messageId: 'noServe', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 17 }],
    },
    {
      name: 'serve copied to a directory that is not on PATH',
      code: 'FROM python:3.11-slim\nCOPY serve /opt/program/serve\n',
      errors: [{ messageId: 'noServe', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 22 }],
    },
  ],
});
