import { writeToMountedPath } from '../../../src/core/lint/rules/write-to-mounted-path';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(writeToMountedPath, {
  valid: [
    { name: 'script mode: /opt/ml/code is the documented code location [DG:adapt-training-container]', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install --no-cache-dir sagemaker-training
      COPY train.py /opt/ml/code/train.py
      WORKDIR /opt/ml/code
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'scikit_bring_your_own: code in /opt/program', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get -y update && apt-get install -y --no-install-recommends python3 python3-pip nginx
      ENV PATH="/opt/program:\${PATH}"
      COPY decision_trees /opt/program
      WORKDIR /opt/program
    ` },
    { name: 'creating the empty directories bakes nothing', code: dockerfile`
      FROM python:3.11
      RUN mkdir -p /opt/ml/model /opt/ml/input/data/training /opt/ml/checkpoints && chmod -R 777 /opt/ml
      ENTRYPOINT ["python3", "/opt/program/train.py"]
    ` },
    { name: 'the scikit-learn DLC prepares /opt/ml/models for multi-model endpoints', code: dockerfile`
      FROM amazonlinux:2023
      RUN mkdir -p /opt/ml/models && chmod +rwx /opt/ml/models
    ` },
    { name: 'a link from outside into a processing path creates nothing inside it', code: dockerfile`
      FROM python:3.11
      RUN mkdir -p /opt/ml/processing/data && ln -s /opt/ml/processing/data /data
      ENTRYPOINT ["python3", "/src/process.py"]
    `, options: { modes: ['processing'] } },
    { name: 'quoted text that looks like a redirection is not one', code: dockerfile`
      FROM python:3.11
      RUN echo "python train.py > /opt/ml/model/log.txt" && pip install "numpy>=1.26"
    `, options: { modes: ['train'] } },
    { name: 'training input paths do not matter to a serving-only image', code: dockerfile`
      FROM python:3.11
      COPY sample.json /opt/ml/input/data/test/sample.json
    `, options: { modes: ['serve'] } },
    { name: 'a builder stage the image does not inherit', code: dockerfile`
      FROM python:3.11 AS trainer
      COPY model.pkl /opt/ml/model/model.pkl
      FROM python:3.11-slim
      COPY --from=trainer /opt/ml/model/model.pkl /opt/program/model.pkl
      ENTRYPOINT ["python3", "/opt/program/serve.py"]
    `, options: { modes: ['serve'] } },
  ],
  invalid: [
    {
      name: 'a model baked into /opt/ml/model is hidden when hosting unpacks model.tar.gz there [DG:your-algorithms-inference-code]',
      code: dockerfile`
        FROM python:3.11-slim
        COPY model.joblib /opt/ml/model/
        COPY serve.py /opt/program/serve.py
        ENTRYPOINT ["python3", "/opt/program/serve.py"]
      `,
      options: { modes: ['serve'] },
      errors: [{ messageId: 'baked', severity: 'warning', line: 2, column: 19, endLine: 2, endColumn: 33, data: {
        what: 'COPY into', path: '/opt/ml/model', dir: '/opt/ml/model', why: 'hosting unpacks model.tar.gz there, and training packs it into model.tar.gz',
      } }],
    },
    {
      name: 'local-test configuration baked into /opt/ml/input',
      code: dockerfile`
        FROM python:3.11
        RUN pip install sagemaker-training
        COPY local_test/test_dir/input /opt/ml/input
        RUN echo '{"epochs": "1"}' > /opt/ml/input/config/hyperparameters.json
        ENV SAGEMAKER_PROGRAM=train.py
      `,
      errors: [
        { messageId: 'baked', severity: 'warning', line: 3, column: 32, endLine: 3, endColumn: 45 },
        { messageId: 'baked', severity: 'warning', line: 4, column: 30, endLine: 4, endColumn: 71 },
      ],
    },
    {
      name: 'downloads into the model directory, by option and from a cd',
      code: dockerfile`
        FROM python:3.11
        RUN huggingface-cli download org/model --local-dir /opt/ml/model
        RUN cd /opt/ml/model && wget https://example.com/weights.bin
        ENTRYPOINT ["python3", "/opt/program/serve.py"]
      `,
      options: { modes: ['serve'] },
      errors: [
        { messageId: 'baked', severity: 'warning', line: 2, column: 52, endLine: 2, endColumn: 65 },
        { messageId: 'baked', severity: 'warning', line: 3, column: 30, endLine: 3, endColumn: 61 },
      ],
    },
    {
      name: 'a processing image whose code and working directory are under /opt/ml/processing',
      code: dockerfile`
        FROM --platform=linux/amd64 python:3.10-slim-bookworm
        WORKDIR /opt/ml/processing/code
        COPY pyproject.toml .
        RUN pip install --editable .
        COPY . .
        ENTRYPOINT [ "python", "pipeline.py" ]
      `,
      errors: [
        { messageId: 'workdir', severity: 'warning', line: 2, column: 9, endLine: 2, endColumn: 32 },
        { messageId: 'baked', severity: 'warning', line: 3, column: 21, endLine: 3, endColumn: 22 },
        { messageId: 'baked', severity: 'warning', line: 5, column: 8, endLine: 5, endColumn: 9 },
      ],
    },
    {
      name: 'a serving image that starts in /opt/ml/model, which is read-only while serving',
      code: dockerfile`
        FROM python:3.11-slim
        COPY serve.py /opt/program/serve.py
        WORKDIR /opt/ml/model
        ENTRYPOINT ["python3", "/opt/program/serve.py"]
      `,
      options: { modes: ['serve'] },
      errors: [{ messageId: 'workdir', severity: 'warning', line: 3, column: 9, endLine: 3, endColumn: 22 }],
    },
  ],
});
