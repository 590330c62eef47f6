import { submitDirectoryIgnored } from '../../../src/core/lint/rules/submit-directory-ignored';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(submitDirectoryIgnored, {
  valid: [
    { name: 'set to /opt/ml/code, as the extend-a-container tutorial does [DG:prebuilt-containers-extend]', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.8.0-gpu-py312
      ENV SAGEMAKER_SUBMIT_DIRECTORY /opt/ml/code
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'a trailing slash is the same directory', code: dockerfile`
      FROM python:3.11
      RUN pip install sagemaker-training
      ENV SAGEMAKER_SUBMIT_DIRECTORY=/opt/ml/code/ SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'the legacy sagemaker-containers library still reads it', code: dockerfile`
      FROM python:3.7
      RUN pip install sagemaker-containers
      ENV SAGEMAKER_SUBMIT_DIRECTORY=/opt/program
    ` },
    { name: 'an image that also serves with the inference toolkit may need it', code: dockerfile`
      FROM python:3.11
      RUN pip install sagemaker-training multi-model-server sagemaker-inference
      ENV SAGEMAKER_SUBMIT_DIRECTORY=/opt/program
    ` },
    { name: 'the scikit-learn image serves with a stack that reads it', code: dockerfile`
      FROM 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3
      ENV SAGEMAKER_SUBMIT_DIRECTORY=/opt/program
    ` },
    { name: 'no training toolkit at all', code: dockerfile`
      FROM python:3.11
      ENV SAGEMAKER_SUBMIT_DIRECTORY=/opt/program
      ENTRYPOINT ["python", "/opt/program/train.py"]
    ` },
    { name: 'an S3 location is not a local directory', code: dockerfile`
      FROM python:3.11
      RUN pip install sagemaker-training
      ENV SAGEMAKER_SUBMIT_DIRECTORY=s3://bucket/code/sourcedir.tar.gz
    ` },
  ],
  invalid: [
    {
      name: 'toolkit 3+ overwrites it with /opt/ml/code (since commit 3e0935f) [TT:src/sagemaker_training/environment.py]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install --no-cache-dir sagemaker-training
        COPY src/ /opt/program/
        ENV SAGEMAKER_SUBMIT_DIRECTORY=/opt/program
        ENV SAGEMAKER_PROGRAM=train.py
      `,
      errors: [{
        messageId: 'overridden', severity: 'info', line: 4, column: 32, endLine: 4, endColumn: 44,
        suggestions: [{
          title: 'Remove ENV SAGEMAKER_SUBMIT_DIRECTORY',
          output: dockerfile`
            FROM python:3.11-slim
            RUN pip install --no-cache-dir sagemaker-training
            COPY src/ /opt/program/
            ENV SAGEMAKER_PROGRAM=train.py
          `,
        }],
      }],
    },
    {
      name: 'on a SageMaker training image, in an ENV with other variables: no removal offered',
      code: dockerfile`
        FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/tensorflow-training:2.16.1-gpu-py310
        ENV SAGEMAKER_SUBMIT_DIRECTORY="/opt/program" SAGEMAKER_PROGRAM=train.py
      `,
      errors: [{ messageId: 'overridden', severity: 'info', line: 2, column: 32, endLine: 2, endColumn: 46 }],
    },
  ],
});
