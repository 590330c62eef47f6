import { bindToPortIgnored } from '../../../src/core/lint/rules/bind-to-port-ignored';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

const pipeline = { deployment: { target: 'pipeline' as const } };

ruleTester.run(bindToPortIgnored, {
  valid: [
    { name: 'the server reads SAGEMAKER_BIND_TO_PORT with 8080 as fallback', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install flask gunicorn
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
      ENTRYPOINT ["sh", "-c", "exec gunicorn -b 0.0.0.0:\${SAGEMAKER_BIND_TO_PORT:-8080} wsgi:app"]
    `, options: pipeline },
    { name: 'the inference toolkit honours the variable itself [IT:environment.py]', code: dockerfile`
      FROM ubuntu:22.04
      RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
      ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
    `, options: pipeline },
    { name: 'a script we cannot see may read the variable', code: dockerfile`
      FROM python:3.11-slim
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
      ENTRYPOINT ["/opt/program/serve.sh"]
    `, options: pipeline },
    { name: 'a plain endpoint never gets another port', code: dockerfile`
      FROM python:3.11-slim
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
      ENTRYPOINT ["gunicorn", "-b", "0.0.0.0:8080", "wsgi:app"]
    `, options: { deployment: { target: 'endpoint' } } },
    { name: 'no label, nothing promised', code: 'FROM python:3.11-slim\nENTRYPOINT ["gunicorn", "-b", "0.0.0.0:8080", "wsgi:app"]\n', options: pipeline },
    { name: 'a DLC base reads it (ARG-built FROM)', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.\${REGION}.amazonaws.com/pytorch-inference:2.6.0-cpu-py312
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
    `, options: pipeline },
    { name: 'multi-stage: the hard-coded server is in a stage the image does not inherit', code: dockerfile`
      FROM python:3.11 AS test
      ENTRYPOINT ["gunicorn", "-b", "0.0.0.0:8080", "wsgi:app"]
      FROM python:3.11-slim
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
      ENTRYPOINT ["sh", "-c", "exec gunicorn -b 0.0.0.0:$SAGEMAKER_BIND_TO_PORT wsgi:app"]
    `, options: pipeline },
  ],
  invalid: [
    {
      name: 'label promises port injection, gunicorn hard-codes 8080 [DG:inference-pipeline-real-time]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install flask gunicorn
        LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
        ENTRYPOINT ["gunicorn", "-b", "0.0.0.0:8080", "wsgi:app"]
      `,
      options: pipeline,
      errors: [{ messageId: 'hardCoded', severity: 'warning', line: 4, column: 31, endLine: 4, endColumn: 45, data: { server: 'gunicorn', how: '-b 0.0.0.0:8080' } }],
    },
    {
      name: 'target unknown: a reminder naming the setting',
      code: dockerfile`
        FROM python:3.11-slim
        LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
        ENTRYPOINT uvicorn app:app --host 0.0.0.0 --port 8080
      `,
      errors: [{ messageId: 'hardCodedTargetUnknown', severity: 'info', line: 3, column: 50, endLine: 3, endColumn: 54 }],
    },
  ],
});
