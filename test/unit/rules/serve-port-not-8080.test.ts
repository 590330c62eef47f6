import { servePortNot8080 } from '../../../src/core/lint/rules/serve-port-not-8080';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(servePortNot8080, {
  valid: [
    { name: 'uvicorn on 0.0.0.0:8080 with EXPOSE 8080', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install --no-cache-dir fastapi uvicorn
      EXPOSE 8080
      ENTRYPOINT ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8080"]
    ` },
    { name: 'the port SageMaker injects, with 8080 as the fallback', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install --no-cache-dir fastapi uvicorn
      EXPOSE 8080
      ENTRYPOINT ["sh", "-c", "exec uvicorn app:app --host 0.0.0.0 --port \${SAGEMAKER_BIND_TO_PORT:-8080}"]
    ` },
    { name: 'gunicorn on a unix socket behind nginx in the same command', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get update && apt-get install -y nginx python3-pip && pip3 install flask gunicorn
      EXPOSE 8080
      ENTRYPOINT nginx -c /opt/program/nginx.conf && gunicorn -b unix:/tmp/gunicorn.sock wsgi:app
    ` },
    { name: 'gunicorn with a config file: the address is in the file', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install flask gunicorn
      EXPOSE 8080
      ENTRYPOINT ["gunicorn", "-c", "/opt/program/gunicorn.conf.py", "wsgi:app"]
    ` },
    { name: 'exec form does not expand $PORT, so the linter does not guess it', code: dockerfile`
      FROM python:3.11-slim
      ENV PORT=5000
      EXPOSE 8080
      ENTRYPOINT ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "$PORT"]
    ` },
    { name: 'gunicorn with several binds, one of them 0.0.0.0:8080', code: dockerfile`
      FROM python:3.11-slim
      EXPOSE 8080 9090
      ENTRYPOINT ["gunicorn", "--bind", "127.0.0.1:9090", "--bind", "0.0.0.0:8080", "wsgi:app"]
    ` },
    { name: 'a DLC base already exposes 8080; extra metrics port', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.\${REGION}.amazonaws.com/pytorch-inference:2.6.0-cpu-py312
      EXPOSE 8082
    ` },
    { name: 'multi-stage: a dev server in a builder stage is not the image', code: dockerfile`
      FROM python:3.11 AS dev
      ENTRYPOINT ["uvicorn", "app:app", "--reload", "--port", "8000"]
      FROM python:3.11-slim
      RUN pip install flask gunicorn
      EXPOSE 8080
      ENTRYPOINT ["gunicorn", "-b", ":8080", "wsgi:app"]
    ` },
    { name: 'an unknown base may EXPOSE 8080 itself: no reminder', code: dockerfile`
      FROM mycompany/serving-base:1.2
      RUN pip install flask
    `, options: { modes: ['serve'] } },
    { name: 'waitress listens on 0.0.0.0:8080 by default', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install flask waitress
      EXPOSE 8080
      ENTRYPOINT ["waitress-serve", "wsgi:app"]
    ` },
    { name: 'a training script\'s --port in an image that shows no serving stack', code: 'FROM python:3.11\nENTRYPOINT ["python3", "train.py", "--port", "29500"]\n' },
    { name: 'training images are not checked', code: 'FROM python:3.11\nENTRYPOINT ["python3", "train.py", "--port", "29500"]\n', options: { modes: ['train'] } },
  ],
  invalid: [
    {
      name: 'uvicorn --port 8000 [DG:your-algorithms-inference-code]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install --no-cache-dir fastapi uvicorn
        EXPOSE 8080
        ENTRYPOINT ["uvicorn", "app:app", "--host", "0.0.0.0", "--port", "8000"]
      `,
      errors: [{ messageId: 'otherPort', severity: 'error', line: 4, column: 66, endLine: 4, endColumn: 72, data: { server: 'uvicorn', port: 8000, how: '--port 8000' } }],
    },
    {
      name: 'gunicorn -b 0.0.0.0:5000, and EXPOSE 5000 says the same',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install flask gunicorn
        EXPOSE 5000
        ENTRYPOINT ["gunicorn", "-b", "0.0.0.0:5000", "wsgi:app"]
      `,
      errors: [
        {
          messageId: 'exposeOther', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 12, data: { ports: '5000' },
          suggestions: [{ title: 'Add EXPOSE 8080', output: 'FROM python:3.11-slim\nRUN pip install flask gunicorn\nEXPOSE 5000\nEXPOSE 8080\nENTRYPOINT ["gunicorn", "-b", "0.0.0.0:5000", "wsgi:app"]\n' }],
        },
        { messageId: 'otherPort', severity: 'error', line: 4, column: 31, endLine: 4, endColumn: 45, data: { server: 'gunicorn', port: 5000, how: '-b 0.0.0.0:5000' } },
      ],
    },
    {
      name: 'shell form reads $PORT, which ENV sets to 5000',
      code: dockerfile`
        FROM python:3.11-slim
        ENV PORT=5000
        EXPOSE 8080
        ENTRYPOINT uvicorn main:app --host 0.0.0.0 --port $PORT
      `,
      errors: [{ messageId: 'otherPort', severity: 'error', line: 4, column: 51, endLine: 4, endColumn: 56, data: { server: 'uvicorn', port: 5000, how: '--port $PORT' } }],
    },
    {
      name: 'flask run takes its port from FLASK_RUN_PORT',
      code: dockerfile`
        FROM python:3.11-slim
        ENV FLASK_RUN_PORT=5000 FLASK_RUN_HOST=0.0.0.0
        EXPOSE 8080
        ENTRYPOINT ["flask", "--app", "predictor", "run"]
      `,
      errors: [{ messageId: 'otherPort', severity: 'error', line: 4, column: 13, endLine: 4, endColumn: 20, data: { server: 'flask run', port: 5000, how: 'ENV FLASK_RUN_PORT=5000' } }],
    },
    {
      name: 'uvicorn with no flags listens on 127.0.0.1:8000 by default',
      code: dockerfile`
        FROM python:3.11-slim
        EXPOSE 8080
        ENTRYPOINT ["python", "-m", "uvicorn", "app:app"]
      `,
      options: { modes: ['serve'] },
      errors: [{ messageId: 'otherPort', severity: 'warning', line: 3, column: 29, endLine: 3, endColumn: 38, data: { server: 'uvicorn', port: 8000, how: 'its default port 8000' } }],
    },
    {
      name: 'port 8080 but uvicorn\'s default host is 127.0.0.1',
      code: dockerfile`
        FROM python:3.11-slim
        EXPOSE 8080
        ENTRYPOINT ["uvicorn", "app:app", "--port", "8080"]
      `,
      options: { modes: ['serve'] },
      errors: [{ messageId: 'loopback', severity: 'warning', line: 3, column: 13, endLine: 3, endColumn: 22, data: { server: 'uvicorn', host: '127.0.0.1', how: 'its default host 127.0.0.1' } }],
    },
    {
      name: 'an explicit loopback bind',
      code: 'FROM python:3.11-slim\nEXPOSE 8080\nENTRYPOINT ["gunicorn", "--bind=127.0.0.1:8080", "wsgi:app"]\n',
      options: { modes: ['serve'] },
      errors: [{ messageId: 'loopback', severity: 'error', line: 3, column: 25, endLine: 3, endColumn: 48 }],
    },
    {
      name: 'an unknown program with --port: likely, not certain',
      code: 'FROM python:3.11-slim\nEXPOSE 8080\nENTRYPOINT ["python3", "/opt/program/serve.py", "--port", "9000"]\nRUN pip install flask\n',
      errors: [{ messageId: 'otherPort', severity: 'warning', line: 3, column: 59, endLine: 3, endColumn: 65 }],
    },
    {
      name: 'a CMD server never runs on SageMaker: a reminder',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install fastapi uvicorn
        EXPOSE 8080
        CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "80"]
      `,
      errors: [{ messageId: 'cmdServer', severity: 'info', line: 4, column: 60, endLine: 4, endColumn: 64, data: { server: 'uvicorn', address: '0.0.0.0:80', how: '--port 80' } }],
    },
    {
      name: 'scikit_bring_your_own: nothing documents 8080 (info only)',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN apt-get -y update && apt-get install -y --no-install-recommends python3 nginx ca-certificates
        RUN pip --no-cache-dir install numpy scipy scikit-learn pandas flask gunicorn
        ENV PYTHONUNBUFFERED=TRUE
        ENV PATH="/opt/program:\${PATH}"
        COPY decision_trees /opt/program
        WORKDIR /opt/program
      `,
      errors: [{
        messageId: 'noExpose', severity: 'info', line: 1, column: 6, endLine: 1, endColumn: 18,
        suggestions: [{
          title: 'Add EXPOSE 8080',
          output: dockerfile`
            FROM ubuntu:22.04
            RUN apt-get -y update && apt-get install -y --no-install-recommends python3 nginx ca-certificates
            RUN pip --no-cache-dir install numpy scipy scikit-learn pandas flask gunicorn
            ENV PYTHONUNBUFFERED=TRUE
            ENV PATH="/opt/program:\${PATH}"
            COPY decision_trees /opt/program
            WORKDIR /opt/program
            EXPOSE 8080
          `,
        }],
      }],
    },
  ],
});
