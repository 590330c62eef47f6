import { prebuiltEntrypointOverride } from '../../../src/core/lint/rules/prebuilt-entrypoint-override';
import { dockerfile, fixture, ruleTester } from '../../helpers/ruleTester';

const DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com';

ruleTester.run(prebuiltEntrypointOverride, {
  valid: [
    { name: 'DLC extend pattern for training: neither ENTRYPOINT nor CMD [DG:prebuilt-containers-extend]', code: fixture('aws-samples/dlc-extend-pytorch/Dockerfile') },
    { name: 'DLC extend pattern for inference', code: fixture('aws-samples/dlc-extend-inference/Dockerfile') },
    { name: 'restating the pytorch-inference DLC\'s own ENTRYPOINT and TorchServe CMD changes nothing', code: dockerfile`
      FROM ${DLC}/pytorch-inference:2.6.0-cpu-py312
      ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
      CMD ["torchserve", "--start", "--ts-config", "/home/model-server/config.properties", "--model-store", "/home/model-server/"]
    ` },
    { name: 'restating the training DLC\'s start_with_right_hostname.sh', code: `FROM ${DLC}/pytorch-training:2.8.0-gpu-py312\nENTRYPOINT ["bash", "-m", "start_with_right_hostname.sh"]\n` },
    { name: 'a plain base: nothing to override', code: fixture('aws-samples/multi-model-byo/Dockerfile') },
    // gmguarino/sagemeker-pipeline-test train/Dockerfiles/preprocess.Dockerfile and evaluate.Dockerfile:
    // pipeline steps run as processing jobs, which start the image's own ENTRYPOINT.
    { name: 'pipeline preprocess step: an own ENTRYPOINT on the scikit-learn image is a processing job', code: dockerfile`
      FROM 141502667606.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3
      COPY ./train/code/preprocess.py /preprocess.py
      ENTRYPOINT ["python3", "/preprocess.py"]
    ` },
    { name: 'an entrypoint in a builder stage based on a DLC is not in the image', code: dockerfile`
      FROM ${DLC}/pytorch-training:2.8.0-gpu-py312 AS export
      ENTRYPOINT ["python", "/opt/export.py"]
      FROM ${DLC}/pytorch-inference:2.6.0-gpu-py312
      COPY --from=export /opt/model /opt/model
    ` },
  ],
  invalid: [
    {
      name: 'an own ENTRYPOINT on a training DLC bypasses start_with_right_hostname.sh and the toolkit',
      code: dockerfile`
        ARG REGION=us-east-1
        FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.8.0-gpu-py312
        COPY train.py /opt/ml/code/train.py
        ENTRYPOINT ["python", "/opt/ml/code/train.py"]
      `,
      errors: [{
        messageId: 'entrypointOverride', severity: 'warning', line: 4, column: 1, endLine: 4, endColumn: 47, data: { base: 'pytorch-training' },
        suggestions: [{
          title: 'Remove this ENTRYPOINT (keep the one of pytorch-training)',
          output: 'ARG REGION=us-east-1\nFROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.8.0-gpu-py312\nCOPY train.py /opt/ml/code/train.py\n',
        }],
      }],
    },
    {
      name: 'a CMD on an inference DLC never runs there: serve replaces it',
      code: dockerfile`
        FROM ${DLC}/huggingface-pytorch-inference:2.1.0-transformers4.37.0-gpu-py310-cu118-ubuntu20.04
        COPY app.py /opt/program/app.py
        CMD ["python", "/opt/program/app.py"]
        EXPOSE 8080
      `,
      errors: [{
        messageId: 'cmdIgnored', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 38, data: { base: 'huggingface-pytorch-inference' },
        suggestions: [{
          title: 'Remove this CMD (keep the one of huggingface-pytorch-inference)',
          output: `FROM ${DLC}/huggingface-pytorch-inference:2.1.0-transformers4.37.0-gpu-py310-cu118-ubuntu20.04\nCOPY app.py /opt/program/app.py\nEXPOSE 8080\n`,
        }],
      }],
    },
    {
      // amazon-sagemaker-examples advanced_functionality/byoc-pytorch-container/docker/inference:
      // nginx, gunicorn and flask installed on a PyTorch inference DLC, started by its own serve.py.
      name: 'byoc-pytorch-container inference: own nginx + gunicorn + flask stack behind python serve.py (info)',
      code: dockerfile`
        FROM \${DLC}/pytorch-inference:2.1.0-gpu-py310-cu118-ubuntu20.04-sagemaker
        RUN apt-get -y update && apt-get install -y --no-install-recommends nginx ca-certificates
        RUN pip install pandas flask gevent gunicorn
        COPY code /opt/program
        WORKDIR /opt/program
        ENV PATH="/opt/program:\${PATH}"
        ENTRYPOINT ["python", "serve.py"]
      `,
      errors: [{
        messageId: 'ownServer', severity: 'info', line: 7, column: 1, endLine: 7, endColumn: 34, data: { base: 'pytorch-inference', server: 'flask' },
        suggestions: [{
          title: 'Remove this ENTRYPOINT (keep the one of pytorch-inference)',
          output: dockerfile`
            FROM \${DLC}/pytorch-inference:2.1.0-gpu-py310-cu118-ubuntu20.04-sagemaker
            RUN apt-get -y update && apt-get install -y --no-install-recommends nginx ca-certificates
            RUN pip install pandas flask gevent gunicorn
            COPY code /opt/program
            WORKDIR /opt/program
            ENV PATH="/opt/program:\${PATH}"
          `,
        }],
      }],
    },
    {
      name: 'an ENTRYPOINT override is reported once, not its CMD as well; CRLF kept',
      code: `FROM ${DLC}/pytorch-inference:2.6.0-gpu-py312\r\nENTRYPOINT ["python3", "/opt/program/serve.py"]\r\nCMD ["--port", "8080"]\r\n`,
      errors: [{
        messageId: 'entrypointOverride', severity: 'warning', line: 2, column: 1, endLine: 2, endColumn: 48,
        suggestions: [{ title: 'Remove this ENTRYPOINT (keep the one of pytorch-inference)', output: `FROM ${DLC}/pytorch-inference:2.6.0-gpu-py312\r\nCMD ["--port", "8080"]\r\n` }],
      }],
    },
  ],
});
