import { multiModelLabelMismatch } from '../../../src/core/lint/rules/multi-model-label-mismatch';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';
import { multiModelByo } from '../../helpers/samples';

const mme = { deployment: { target: 'multi-model' as const } };

ruleTester.run(multiModelLabelMismatch, {
  valid: [
    { name: 'multi_model_bring_your_own: label and MMS', code: multiModelByo, options: mme },
    { name: 'the same sample on a CPU instance', code: multiModelByo, options: { deployment: { target: 'multi-model', instanceType: 'ml.c5.xlarge' } } },
    { name: 'the same sample with no target: the label says enough', code: multiModelByo },
    { name: 'a single-model endpoint needs no label', code: 'FROM python:3.11\nRUN pip install flask gunicorn\n', options: { deployment: { target: 'endpoint' } } },
    { name: 'TorchServe through the PyTorch toolkit', code: dockerfile`
      FROM python:3.11
      RUN pip install torch sagemaker-pytorch-inference
      LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
    `, options: { deployment: { target: 'multi-model', instanceType: 'ml.g5.xlarge' } } },
    { name: 'a custom server whose code routes /models (read from the build context)', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install fastapi uvicorn
      LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
      COPY app /opt/program
      ENTRYPOINT ["uvicorn", "main:app", "--app-dir", "/opt/program", "--host", "0.0.0.0", "--port", "8080"]
    `, options: { buildContext: memoryContext({ 'app/main.py': '@app.post("/models")\ndef load(): ...\n', 'app/util.py': 'x = 1\n' }) } },
    { name: 'custom code without a build context cannot be read: no guess', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install fastapi uvicorn
      LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
      COPY app /opt/program
    ` },
    { name: 'a SageMaker base brings its server (ARG-built FROM)', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.\${REGION}.amazonaws.com/pytorch-inference:2.6.0-cpu-py312
      LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
    `, options: mme },
    { name: 'label in the parent stage (multi-stage lineage)', code: dockerfile`
      FROM ubuntu:22.04 AS base
      RUN pip3 install multi-model-server sagemaker-inference
      LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
      FROM base
      COPY dockerd-entrypoint.py /usr/local/bin/
    `, options: mme },
  ],
  invalid: [
    {
      name: 'target multi-model without the label [DG:build-multi-model-build-container]',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
        ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
      `,
      options: mme,
      errors: [{
        messageId: 'missingLabel', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 18,
        suggestions: [{
          title: 'Add LABEL com.amazonaws.sagemaker.capabilities.multi-models=true',
          output: dockerfile`
            FROM ubuntu:22.04
            LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
            RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
            ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
          `,
        }],
      }],
    },
    {
      name: 'target multi-model on an unknown base: the base may carry the label',
      code: 'FROM mycompany/mms-base:3\nRUN pip install pandas\n',
      options: mme,
      errors: [{
        messageId: 'missingLabelUnlessBase', severity: 'warning', line: 1, column: 6, endLine: 1, endColumn: 26,
        suggestions: [{ title: 'Add LABEL com.amazonaws.sagemaker.capabilities.multi-models=true', output: 'FROM mycompany/mms-base:3\nLABEL com.amazonaws.sagemaker.capabilities.multi-models=true\nRUN pip install pandas\n' }],
      }],
    },
    {
      name: 'no target, but the file sets SAGEMAKER_MULTI_MODEL: info naming the setting',
      code: 'FROM python:3.11\nRUN pip install multi-model-server sagemaker-inference\nENV SAGEMAKER_MULTI_MODEL=true\n',
      errors: [{
        messageId: 'targetUnknown', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 17, data: { evidence: 'SAGEMAKER_MULTI_MODEL' },
        suggestions: [{ title: 'Add LABEL com.amazonaws.sagemaker.capabilities.multi-models=true', output: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.multi-models=true\nRUN pip install multi-model-server sagemaker-inference\nENV SAGEMAKER_MULTI_MODEL=true\n' }],
      }],
    },
    {
      name: 'the label on a Flask app whose code routes no /models',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install flask gunicorn
        LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
        COPY predictor.py wsgi.py /opt/program/
      `,
      options: { buildContext: memoryContext({ 'predictor.py': '@app.route("/ping")\n@app.route("/invocations")\n', 'wsgi.py': 'import predictor\n' }) },
      errors: [{ messageId: 'noModelServer', severity: 'warning', line: 3, column: 7, endLine: 3, endColumn: 61 }],
    },
    {
      name: 'MMS on a GPU instance: Triton only [DG:build-multi-model-build-container]',
      code: multiModelByo,
      options: { deployment: { target: 'multi-model', instanceType: 'ml.g5.2xlarge' } },
      errors: [{ messageId: 'mmsOnGpu', severity: 'warning', line: 3, column: 33, endLine: 3, endColumn: 51, data: { instanceType: 'ml.g5.2xlarge' } }],
    },
  ],
});
