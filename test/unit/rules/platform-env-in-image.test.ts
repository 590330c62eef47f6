import { platformEnvInImage } from '../../../src/core/lint/rules/platform-env-in-image';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(platformEnvInImage, {
  valid: [
    { name: 'the scikit-learn DLC sets its own SM_INPUT_* files and the fixed SM_MODEL_DIR [DLC:docker/sklearn/1.9-0/Dockerfile]', code: dockerfile`
      FROM amazonlinux:2023
      ENV SM_INPUT=/opt/ml/input \\
        SM_INPUT_TRAINING_CONFIG_FILE=/opt/ml/input/config/hyperparameters.json \\
        SM_CHECKPOINT_CONFIG_FILE=/opt/ml/input/config/checkpointconfig.json \\
        SM_MODEL_DIR=/opt/ml/model \\
        SAGEMAKER_TRAINING_MODULE=sagemaker_sklearn_container.training:main \\
        SAGEMAKER_SERVING_MODULE=sagemaker_sklearn_container.serving:main
    ` },
    { name: 'fixed directories baked for a script run without the toolkit', code: dockerfile`
      FROM python:3.11
      ENV SM_MODEL_DIR=/opt/ml/model/ SM_CHANNEL_TRAINING=/opt/ml/input/data/training SM_OUTPUT_DATA_DIR=/opt/ml/output/data
      ENTRYPOINT ["python3", "/opt/program/train.py"]
    ` },
    { name: 'settings the toolkits read from the image, not set by SageMaker', code: dockerfile`
      FROM python:3.11
      ENV SAGEMAKER_PROGRAM=train.py SAGEMAKER_SUBMIT_DIRECTORY=/opt/ml/code SAGEMAKER_REGION=us-east-1 \\
          SAGEMAKER_MODEL_SERVER_WORKERS=2 SAGEMAKER_MODEL_SERVER_TIMEOUT=120 SM_STUDIO_LOCAL_MODE=False
    ` },
    { name: 'the default port and a false multi-model flag change nothing', code: dockerfile`
      FROM python:3.11
      ENV SAGEMAKER_BIND_TO_PORT=8080
      ENV SAGEMAKER_MULTI_MODEL=false
    ` },
    { name: 'a default that expands to 8080 at build time', code: dockerfile`
      FROM python:3.11
      ENV SAGEMAKER_BIND_TO_PORT=\${SAGEMAKER_BIND_TO_PORT:-8080}
    ` },
    { name: 'a builder stage the image does not inherit', code: dockerfile`
      FROM python:3.11 AS test
      ENV SM_HOSTS='["algo-1"]' SM_CURRENT_HOST=algo-1
      FROM python:3.11-slim
      ENTRYPOINT ["python3", "/opt/program/train.py"]
    ` },
  ],
  invalid: [
    {
      name: 'local-testing cluster values baked into a training image',
      code: dockerfile`
        FROM python:3.11
        RUN pip install sagemaker-training
        ENV SM_HOSTS='["algo-1"]' SM_CURRENT_HOST=algo-1
        ENV SM_NUM_GPUS 1
      `,
      errors: [
        {
          messageId: 'toolkitVariable', severity: 'warning', line: 3, column: 5, endLine: 3, endColumn: 13, data: { name: 'SM_HOSTS' },
          suggestions: [{ title: 'Remove SM_HOSTS from the image', output: dockerfile`
            FROM python:3.11
            RUN pip install sagemaker-training
            ENV SM_CURRENT_HOST=algo-1
            ENV SM_NUM_GPUS 1
          ` }],
        },
        {
          messageId: 'toolkitVariable', severity: 'warning', line: 3, column: 27, endLine: 3, endColumn: 42, data: { name: 'SM_CURRENT_HOST' },
          suggestions: [{ title: 'Remove SM_CURRENT_HOST from the image', output: dockerfile`
            FROM python:3.11
            RUN pip install sagemaker-training
            ENV SM_HOSTS='["algo-1"]'
            ENV SM_NUM_GPUS 1
          ` }],
        },
        {
          messageId: 'toolkitVariable', severity: 'warning', line: 4, column: 5, endLine: 4, endColumn: 16, data: { name: 'SM_NUM_GPUS' },
          suggestions: [{ title: 'Remove SM_NUM_GPUS from the image', output: dockerfile`
            FROM python:3.11
            RUN pip install sagemaker-training
            ENV SM_HOSTS='["algo-1"]' SM_CURRENT_HOST=algo-1
          ` }],
        },
      ],
    },
    {
      name: 'a model directory other than the fixed one',
      code: dockerfile`
        FROM python:3.11
        ENV SM_MODEL_DIR=/models
      `,
      options: { modes: ['train'] },
      errors: [{
        messageId: 'toolkitVariable', severity: 'warning', line: 2, column: 5, endLine: 2, endColumn: 17,
        suggestions: [{ title: 'Remove SM_MODEL_DIR from the image', output: 'FROM python:3.11\n' }],
      }],
    },
    {
      name: 'SAGEMAKER_MULTI_MODEL=true moves the inference toolkit to /opt/ml/models [IT:src/sagemaker_inference/environment.py]',
      code: dockerfile`
        FROM python:3.11
        RUN pip install multi-model-server sagemaker-inference
        ENV SAGEMAKER_MULTI_MODEL=true \\
            SAGEMAKER_BIND_TO_PORT=9000
      `,
      errors: [
        {
          messageId: 'multiModel', severity: 'warning', line: 3, column: 5, endLine: 3, endColumn: 26,
          // The continuation stays: still one valid ENV instruction.
          suggestions: [{ title: 'Remove SAGEMAKER_MULTI_MODEL from the image', output: dockerfile`
            FROM python:3.11
            RUN pip install multi-model-server sagemaker-inference
            ENV \\
                SAGEMAKER_BIND_TO_PORT=9000
          ` }],
        },
        {
          messageId: 'platformVariable', severity: 'warning', line: 4, column: 5, endLine: 4, endColumn: 27,
          suggestions: [{ title: 'Remove SAGEMAKER_BIND_TO_PORT from the image', output: dockerfile`
            FROM python:3.11
            RUN pip install multi-model-server sagemaker-inference
            ENV SAGEMAKER_MULTI_MODEL=true
          ` }],
        },
      ],
    },
    {
      // sagemaker-inference-toolkit test/container/dummy and pytorch: images built only for multi-model
      // endpoints bake the variable next to the capability label.
      name: 'inference toolkit MME test image: SAGEMAKER_MULTI_MODEL=true next to the multi-models label (info)',
      code: dockerfile`
        FROM awsdeeplearningteam/mxnet-model-server:base-cpu-py3.6
        LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
        LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
        ENV SAGEMAKER_MULTI_MODEL=true
        ENV SAGEMAKER_BIND_TO_PORT=\${SAGEMAKER_BIND_TO_PORT:-8080}
        RUN pip3 install --no-cache-dir /sagemaker_inference.tar.gz
        ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
        CMD ["serve"]
      `,
      errors: [{
        messageId: 'multiModelImage', severity: 'info', line: 4, column: 5, endLine: 4, endColumn: 26,
        suggestions: [{ title: 'Remove SAGEMAKER_MULTI_MODEL from the image', output: dockerfile`
          FROM awsdeeplearningteam/mxnet-model-server:base-cpu-py3.6
          LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
          LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
          ENV SAGEMAKER_BIND_TO_PORT=\${SAGEMAKER_BIND_TO_PORT:-8080}
          RUN pip3 install --no-cache-dir /sagemaker_inference.tar.gz
          ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
          CMD ["serve"]
        ` }],
      }],
    },
    {
      name: 'batch transform settings and the training job name',
      code: dockerfile`
        FROM python:3.11
        ENV SAGEMAKER_BATCH=true
        ENV SAGEMAKER_MAX_PAYLOAD_IN_MB=50
        ENV TRAINING_JOB_NAME=local
      `,
      options: { modes: ['train', 'serve'] },
      errors: [
        { messageId: 'platformVariable', severity: 'warning', line: 2, column: 5, endLine: 2, endColumn: 20,
          suggestions: [{ title: 'Remove SAGEMAKER_BATCH from the image', output: 'FROM python:3.11\nENV SAGEMAKER_MAX_PAYLOAD_IN_MB=50\nENV TRAINING_JOB_NAME=local\n' }] },
        { messageId: 'platformVariable', severity: 'warning', line: 3, column: 5, endLine: 3, endColumn: 32,
          suggestions: [{ title: 'Remove SAGEMAKER_MAX_PAYLOAD_IN_MB from the image', output: 'FROM python:3.11\nENV SAGEMAKER_BATCH=true\nENV TRAINING_JOB_NAME=local\n' }] },
        { messageId: 'platformVariable', severity: 'warning', line: 4, column: 5, endLine: 4, endColumn: 22,
          suggestions: [{ title: 'Remove TRAINING_JOB_NAME from the image', output: 'FROM python:3.11\nENV SAGEMAKER_BATCH=true\nENV SAGEMAKER_MAX_PAYLOAD_IN_MB=50\n' }] },
      ],
    },
  ],
});
