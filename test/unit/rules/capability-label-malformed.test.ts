import { capabilityLabelMalformed } from '../../../src/core/lint/rules/capability-label-malformed';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(capabilityLabelMalformed, {
  valid: [
    { name: 'multi_model_bring_your_own: the multi-models label with true', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get update && apt-get install -y --no-install-recommends openjdk-8-jdk-headless python3-pip
      RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
      LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
      COPY dockerd-entrypoint.py /usr/local/bin/dockerd-entrypoint.py
      ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
      CMD ["serve"]
    ` },
    { name: 'quoted key and value, both labels on one line', code: dockerfile`
      FROM python:3.11-slim
      LABEL "com.amazonaws.sagemaker.capabilities.accept-bind-to-port"="true" com.amazonaws.sagemaker.capabilities.multi-models='true'
      ENTRYPOINT ["python3", "/opt/program/serve.py"]
    ` },
    { name: 'other labels, including other com.amazonaws.sagemaker keys, are not capability labels', code: dockerfile`
      FROM python:3.11-slim
      LABEL maintainer="ml-team@example.com" com.amazonaws.sagemaker.version=2 org.opencontainers.image.title=serve
      ENTRYPOINT ["python3", "/opt/program/serve.py"]
    `, options: { modes: ['serve'] } },
    { name: 'a misspelled label in a build stage the image does not inherit (multi-stage)', code: dockerfile`
      FROM python:3.11 AS build
      LABEL com.amazonaws.sagemaker.capabilities.multi-model=true
      RUN pip wheel -w /wheels flask
      FROM python:3.11-slim
      COPY --from=build /wheels /wheels
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
    ` },
    { name: 'ARG-built base with the label spelled right', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.\${REGION}.amazonaws.com/pytorch-inference:2.6.0-cpu-py312
      LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
    ` },
    { name: 'training images are not checked', code: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.multi-models=yes\n', options: { modes: ['train'] } },
  ],
  invalid: [
    {
      name: 'multi-model (singular) declares nothing [DG:build-multi-model-build-container]',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN pip3 install multi-model-server sagemaker-inference
        LABEL com.amazonaws.sagemaker.capabilities.multi-model=true
      `,
      errors: [{
        messageId: 'misspelledKey', severity: 'warning', line: 3, column: 7, endLine: 3, endColumn: 55,
        data: { key: 'com.amazonaws.sagemaker.capabilities.multi-model', closest: 'com.amazonaws.sagemaker.capabilities.multi-models' },
        suggestions: [{
          title: 'Change the key to com.amazonaws.sagemaker.capabilities.multi-models',
          output: dockerfile`
            FROM ubuntu:22.04
            RUN pip3 install multi-model-server sagemaker-inference
            LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
          `,
        }],
      }],
    },
    {
      name: 'a misspelled prefix (capability.) keeps the quotes of a quoted key',
      code: 'FROM python:3.11\nLABEL "com.amazonaws.sagemaker.capability.accept-bind-to-port"="true"\n',
      options: { modes: ['serve'] },
      errors: [{
        messageId: 'misspelledKey', severity: 'warning', line: 2, column: 7, endLine: 2, endColumn: 63,
        suggestions: [{
          title: 'Change the key to com.amazonaws.sagemaker.capabilities.accept-bind-to-port',
          output: 'FROM python:3.11\nLABEL "com.amazonaws.sagemaker.capabilities.accept-bind-to-port"="true"\n',
        }],
      }],
    },
    {
      name: 'a capability SageMaker does not have',
      code: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.gpu-sharing=true\n',
      errors: [{ messageId: 'unknownKey', severity: 'warning', line: 2, column: 7, endLine: 2, endColumn: 55 }],
    },
    {
      name: 'the right key in another case is not the key SageMaker reads',
      code: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.Multi-Models=true\n',
      errors: [{
        messageId: 'misspelledKey', severity: 'warning', line: 2, column: 7, endLine: 2, endColumn: 56,
        suggestions: [{ title: 'Change the key to com.amazonaws.sagemaker.capabilities.multi-models', output: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.multi-models=true\n' }],
      }],
    },
    {
      name: 'True is not true: a suggestion keeps the quotes',
      code: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port="True"\n',
      errors: [{
        messageId: 'badValue', severity: 'warning', line: 2, column: 64, endLine: 2, endColumn: 70,
        data: { key: 'com.amazonaws.sagemaker.capabilities.accept-bind-to-port', value: 'True' },
        suggestions: [{ title: 'Use the value true', output: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port="true"\n' }],
      }],
    },
    {
      // A workshop classifier container (doctorai-in/amazon-sagemaker-workshop, lab 01) says in so
      // many words that it is no multi-model image: nothing breaks, the label is only noise.
      name: 'workshop classifier container: multi-models=false next to accept-bind-to-port=true is only noise (info)',
      code: dockerfile`
        FROM python:3.7-buster AS base
        LABEL com.amazonaws.sagemaker.capabilities.multi-models=false
        LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true
        FROM base
        RUN pip --no-cache-dir install multi-model-server sagemaker-inference sagemaker-training
        ENTRYPOINT ["python", "/opt/ml/code/main.py"]
      `,
      errors: [{
        messageId: 'declaredFalse', severity: 'info', line: 2, column: 57, endLine: 2, endColumn: 62,
        data: { key: 'com.amazonaws.sagemaker.capabilities.multi-models' },
      }],
    },
    {
      name: 'a quoted "False" is the same explicit no',
      code: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port="False"\n',
      errors: [{ messageId: 'declaredFalse', severity: 'info', line: 2, column: 64, endLine: 2, endColumn: 71 }],
    },
    {
      name: 'the legacy LABEL key value form with yes',
      code: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.multi-models yes\n',
      errors: [{
        messageId: 'badValue', severity: 'warning', line: 2, column: 57, endLine: 2, endColumn: 60,
        suggestions: [{ title: 'Use the value true', output: 'FROM python:3.11\nLABEL com.amazonaws.sagemaker.capabilities.multi-models true\n' }],
      }],
    },
  ],
});
