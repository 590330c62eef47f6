import { volumeOverSagemakerPath } from '../../../src/core/lint/rules/volume-over-sagemaker-path';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(volumeOverSagemakerPath, {
  valid: [
    { name: 'scikit_bring_your_own: no VOLUME at all', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get -y update && apt-get install -y --no-install-recommends python3 nginx ca-certificates
      ENV PATH="/opt/program:\${PATH}"
      COPY decision_trees /opt/program
      WORKDIR /opt/program
    ` },
    { name: 'a volume outside the SageMaker paths, /opt/mlflow is not /opt/ml', code: dockerfile`
      FROM python:3.11
      VOLUME ["/data", "/opt/mlflow"]
      VOLUME /var/cache/app
    ` },
    { name: 'a VOLUME in a builder stage the image does not inherit (multi-stage)', code: dockerfile`
      FROM python:3.11 AS build
      VOLUME /opt/ml/model
      FROM python:3.11-slim
      COPY --from=build /wheels /wheels
    ` },
    { name: 'an unresolved variable is not guessed', code: dockerfile`
      ARG BASE=python:3.11
      FROM \${BASE}
      ARG DATA_DIR
      VOLUME \${DATA_DIR}
    ` },
    { name: '/home/sagemaker-user only matters for Studio images', code: 'FROM python:3.11\nVOLUME /home/sagemaker-user/cache\n', options: { modes: ['train'] } },
  ],
  invalid: [
    {
      name: 'VOLUME over /opt/ml/model (plain form)',
      code: 'FROM python:3.11\nRUN pip install sagemaker-training\nVOLUME /opt/ml/model\n',
      errors: [{
        messageId: 'mlPath', severity: 'warning', line: 3, column: 8, endLine: 3, endColumn: 21, data: { path: '/opt/ml/model' },
        suggestions: [{ title: 'Remove VOLUME /opt/ml/model', output: 'FROM python:3.11\nRUN pip install sagemaker-training\n' }],
      }],
    },
    {
      name: 'JSON form with two paths: one finding, no suggestion',
      code: 'FROM python:3.11\nVOLUME ["/data", "/opt/ml/checkpoints"]\n',
      errors: [{ messageId: 'mlPath', severity: 'warning', line: 2, column: 18, endLine: 2, endColumn: 39 }],
    },
    {
      name: 'a variable resolved from ENV, and /opt/ml itself',
      code: dockerfile`
        FROM python:3.11 AS base
        ENV ML=/opt/ml
        FROM base
        VOLUME $ML
      `,
      errors: [{
        messageId: 'mlPath', severity: 'warning', line: 4, column: 8, endLine: 4, endColumn: 11,
        suggestions: [{ title: 'Remove VOLUME $ML', output: 'FROM python:3.11 AS base\nENV ML=/opt/ml\nFROM base\n' }],
      }],
    },
    {
      name: 'Studio home as a volume [WEB-studio]',
      code: dockerfile`
        FROM public.ecr.aws/sagemaker/sagemaker-distribution:2.6-cpu
        VOLUME /home/sagemaker-user
        WORKDIR /home/sagemaker-user
      `,
      errors: [{
        messageId: 'studioHome', severity: 'warning', line: 2, column: 8, endLine: 2, endColumn: 28,
        suggestions: [{ title: 'Remove VOLUME /home/sagemaker-user', output: 'FROM public.ecr.aws/sagemaker/sagemaker-distribution:2.6-cpu\nWORKDIR /home/sagemaker-user\n' }],
      }],
    },
  ],
});
