import { dlcEc2Variant } from '../../../src/core/lint/rules/dlc-ec2-variant';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

const DLC = '763104351884.dkr.ecr.us-east-1.amazonaws.com';

ruleTester.run(dlcEc2Variant, {
  valid: [
    { name: 'DLC extend pattern with the SageMaker tag [DG:prebuilt-containers-extend]', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker
      RUN pip install --no-cache-dir transformers
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'the SDK short tag', code: `FROM ${DLC}/pytorch-inference:2.6.0-gpu-py312\n` },
    { name: 'an EC2 build in a stage the image does not use', code: dockerfile`
      FROM ${DLC}/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-ec2 AS unused
      FROM ${DLC}/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker
      COPY train.py /opt/ml/code/train.py
    ` },
    { name: 'a tag that only contains ec2 elsewhere is not an EC2 build', code: 'FROM myrepo/ec2-tools:1.0\n' },
    { name: 'not a SageMaker image', code: 'FROM 123456789012.dkr.ecr.us-east-1.amazonaws.com/my-app:1.0-ec2\n' },
    { name: 'Studio-only images are out of scope', code: `FROM ${DLC}/pytorch-inference:2.6.0-cpu-py312-ec2\n`, options: { modes: ['studio'] } },
  ],
  invalid: [
    {
      name: 'EC2 inference build used for hosting with nothing to answer serve',
      code: `FROM ${DLC}/pytorch-inference:2.6.0-gpu-py312-cu124-ubuntu22.04-ec2\nCOPY model.pt /opt/ml/model/model.pt\n`,
      options: { modes: ['serve'] },
      errors: [{
        messageId: 'ec2VariantServe', severity: 'error', line: 1, column: 69, endLine: 1, endColumn: 106,
        suggestions: [
          { title: 'Use the SageMaker tag 2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker', output: `FROM ${DLC}/pytorch-inference:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker\nCOPY model.pt /opt/ml/model/model.pt\n` },
          { title: 'Use the SageMaker tag 2.6.0-gpu-py312', output: `FROM ${DLC}/pytorch-inference:2.6.0-gpu-py312\nCOPY model.pt /opt/ml/model/model.pt\n` },
        ],
      }],
    },
    {
      name: 'EC2 inference build with its own ENTRYPOINT: a warning',
      code: dockerfile`
        FROM ${DLC}/pytorch-inference:2.6.0-cpu-py312-ubuntu22.04-ec2-v1.2
        COPY serve.py /opt/program/serve.py
        ENTRYPOINT ["python3", "/opt/program/serve.py"]
      `,
      options: { modes: ['serve'] },
      errors: [{
        messageId: 'ec2Variant', severity: 'warning', line: 1, column: 69, endLine: 1, endColumn: 105,
        data: { image: 'pytorch-inference:2.6.0-cpu-py312-ubuntu22.04-ec2-v1.2', name: 'PyTorch' },
        suggestions: [
          { title: 'Use the SageMaker tag 2.6.0-cpu-py312-ubuntu22.04-sagemaker', output: dockerfile`
            FROM ${DLC}/pytorch-inference:2.6.0-cpu-py312-ubuntu22.04-sagemaker
            COPY serve.py /opt/program/serve.py
            ENTRYPOINT ["python3", "/opt/program/serve.py"]
          ` },
          { title: 'Use the SageMaker tag 2.6.0-cpu-py312', output: dockerfile`
            FROM ${DLC}/pytorch-inference:2.6.0-cpu-py312
            COPY serve.py /opt/program/serve.py
            ENTRYPOINT ["python3", "/opt/program/serve.py"]
          ` },
        ],
      }],
    },
    {
      name: 'EC2 training build in a script-mode image: a warning (the toolkit may be installed by the file)',
      code: dockerfile`
        FROM ${DLC}/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-ec2 AS base
        FROM base
        COPY train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM=train.py
      `,
      errors: [{
        messageId: 'ec2Variant', severity: 'warning', line: 1, column: 68, endLine: 1, endColumn: 105,
        suggestions: [
          { title: 'Use the SageMaker tag 2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker', output: dockerfile`
            FROM ${DLC}/pytorch-training:2.6.0-gpu-py312-cu124-ubuntu22.04-sagemaker AS base
            FROM base
            COPY train.py /opt/ml/code/train.py
            ENV SAGEMAKER_PROGRAM=train.py
          ` },
          { title: 'Use the SageMaker tag 2.6.0-gpu-py312', output: dockerfile`
            FROM ${DLC}/pytorch-training:2.6.0-gpu-py312 AS base
            FROM base
            COPY train.py /opt/ml/code/train.py
            ENV SAGEMAKER_PROGRAM=train.py
          ` },
        ],
      }],
    },
    {
      name: 'EC2-only repository (pytorch-training-arm64): no SageMaker tag to offer',
      code: `FROM ${DLC}/pytorch-training-arm64:2.7.0-gpu-py312-cu128-ubuntu22.04-ec2\n`,
      options: { modes: ['train'] },
      errors: [{ messageId: 'ec2Variant', severity: 'warning', line: 1, column: 74, endLine: 1, endColumn: 111 }],
    },
    {
      name: 'a tag behind an ARG: reported on the image, no edit',
      code: `ARG TAG=2.6.0-gpu-py312-cu124-ubuntu22.04-ec2\nFROM ${DLC}/pytorch-training:\${TAG}\n`,
      options: { modes: ['train'] },
      errors: [{ messageId: 'ec2Variant', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 74 }],
    },
  ],
});
