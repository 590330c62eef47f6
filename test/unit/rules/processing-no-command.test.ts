import { processingNoCommand } from '../../../src/core/lint/rules/processing-no-command';
import { dockerfile, fixture, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(processingNoCommand, {
  valid: [
    { name: 'ScriptProcessor image: ENTRYPOINT ["python3"] [DG:processing-container-run-scripts]', code: fixture('aws-samples/processing-python3/Dockerfile') },
    { name: 'a CMD runs as it is in processing', code: dockerfile`
      FROM python:3.11-slim
      COPY process.py /opt/program/process.py
      CMD ["python3", "/opt/program/process.py"]
    `, options: { modes: ['processing'] } },
    { name: 'multi-stage: the ENTRYPOINT of the parent stage is inherited', code: dockerfile`
      FROM python:3.11-slim AS base
      ENTRYPOINT ["python3"]
      FROM base
      RUN pip install --no-cache-dir pandas
    `, options: { modes: ['processing'] } },
    { name: 'an unknown base may define the command: silent rather than guess', code: 'FROM mycompany/spark-base:3.5\nRUN pip install pyarrow\n', options: { modes: ['processing'] } },
    { name: 'an ARG-built base cannot be known', code: 'ARG BASE\nFROM ${BASE}\nCOPY job.py /opt/ml/processing/code/job.py\n' },
    { name: 'a SageMaker base brings its entrypoint', code: 'FROM 683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3\n', options: { modes: ['processing'] } },
    { name: 'training only', code: fixture('aws-samples/script-mode-training/Dockerfile') },
  ],
  invalid: [
    {
      name: 'processing image with no ENTRYPOINT/CMD: the job would start python3 with no script [DG:build-your-own-processing-container]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip3 install --no-cache-dir pandas scikit-learn
        COPY preprocess.py /opt/ml/processing/code/preprocess.py
      `,
      errors: [{
        messageId: 'noCommand', severity: 'warning', line: 1, column: 1, endLine: 1, endColumn: 22,
        data: { base: 'the base image python:3.11-slim', detail: ' (at most an interactive shell or interpreter, which exits at once without input)' },
      }],
    },
    {
      name: 'FROM scratch has nothing to run at all',
      code: '# smlint mode=processing\nFROM scratch\nCOPY job /job\n',
      errors: [{ messageId: 'noCommand', severity: 'warning', line: 2, column: 1, endLine: 2, endColumn: 13, data: { base: 'scratch', detail: '' } }],
    },
    {
      name: 'multi-stage: the builder\'s ENTRYPOINT is not in the final image',
      code: dockerfile`
        FROM python:3.11 AS build
        ENTRYPOINT ["python3"]
        FROM python:3.11-slim
        COPY --from=build /wheels /wheels
      `,
      options: { modes: ['processing'] },
      errors: [{ messageId: 'noCommand', severity: 'warning', line: 3, column: 1, endLine: 3, endColumn: 22 }],
    },
  ],
});
