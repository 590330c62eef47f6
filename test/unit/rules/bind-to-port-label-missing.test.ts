import { bindToPortLabelMissing } from '../../../src/core/lint/rules/bind-to-port-label-missing';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

const pipeline = { deployment: { target: 'pipeline' as const } };
const endpoint = { deployment: { target: 'endpoint' as const } };

ruleTester.run(bindToPortLabelMissing, {
  valid: [
    { name: 'pipeline container with the label', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install flask gunicorn
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
      ENTRYPOINT ["sh", "-c", "exec gunicorn -b 0.0.0.0:\${SAGEMAKER_BIND_TO_PORT:-8080} wsgi:app"]
    `, options: pipeline },
    { name: 'a real-time endpoint does not need the label', code: dockerfile`
      FROM ubuntu:22.04
      RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
      ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
    `, options: endpoint },
    { name: 'label set in the parent stage (multi-stage lineage)', code: dockerfile`
      FROM python:3.11-slim AS base
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
      FROM base
      RUN pip install flask
    `, options: pipeline },
    { name: 'ARG-built base, pipeline target, label set in the file', code: dockerfile`
      ARG PY=3.11
      FROM python:\${PY}-slim
      RUN pip install flask gunicorn
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
    `, options: pipeline },
    { name: 'no target and nothing shows a serving stack: nothing to say', code: 'FROM python:3.11\nCOPY app.py /app/app.py\n', options: { modes: ['serve'] } },
    { name: 'training images are not checked', code: 'FROM python:3.11\nRUN pip install sagemaker-training\n', options: pipeline },
  ],
  invalid: [
    {
      name: 'serial pipeline without the label [DG:inference-pipeline-real-time]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install flask gunicorn
        ENTRYPOINT ["gunicorn", "-b", "0.0.0.0:8080", "wsgi:app"]
      `,
      options: pipeline,
      errors: [{
        messageId: 'missing', severity: 'error', line: 1, column: 6, endLine: 1, endColumn: 22, data: { target: 'serial inference pipeline' },
        suggestions: [{
          title: 'Add LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true',
          output: dockerfile`
            FROM python:3.11-slim
            LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
            RUN pip install flask gunicorn
            ENTRYPOINT ["gunicorn", "-b", "0.0.0.0:8080", "wsgi:app"]
          `,
        }],
      }],
    },
    {
      name: 'multi-container endpoint on a DLC base built from an ARG: the base may carry the label',
      code: dockerfile`
        ARG REGION=us-east-1
        FROM 763104351884.dkr.ecr.\${REGION}.amazonaws.com/pytorch-inference:2.6.0-cpu-py312
        RUN pip install transformers
      `,
      options: { deployment: { target: 'multi-container' } },
      errors: [{
        messageId: 'missingUnlessBase', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 84,
        suggestions: [{
          title: 'Add LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true',
          output: 'ARG REGION=us-east-1\nFROM 763104351884.dkr.ecr.${REGION}.amazonaws.com/pytorch-inference:2.6.0-cpu-py312\nLABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true\nRUN pip install transformers\n',
        }],
      }],
    },
    {
      name: 'no target configured: info that names the setting',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
        LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
        ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
        CMD ["serve"]
      `,
      errors: [{
        messageId: 'targetUnknown', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 18,
        suggestions: [{
          title: 'Add LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true',
          output: dockerfile`
            FROM ubuntu:22.04
            LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
            RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
            LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
            ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
            CMD ["serve"]
          `,
        }],
      }],
    },
  ],
});
