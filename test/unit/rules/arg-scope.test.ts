import { argScope } from '../../../src/core/lint/rules/arg-scope';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(argScope, {
  valid: [
    { name: 'DLC extend pattern: ARG REGION with a default before FROM [EXP:container/Dockerfile]', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker
      RUN pip install --no-cache-dir transformers
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'a global ARG re-declared in the stage that uses it', code: dockerfile`
      ARG PYTHON_VERSION=3.11
      FROM ubuntu:22.04
      ARG PYTHON_VERSION
      RUN apt-get update && apt-get install -y python\${PYTHON_VERSION}
    ` },
    { name: 'scikit_bring_your_own: ENV PATH with \${PATH}, no ARGs', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get -y update && apt-get install -y --no-install-recommends python3 nginx ca-certificates
      ENV PYTHONUNBUFFERED=TRUE
      ENV PATH="/opt/program:\${PATH}"
      COPY decision_trees /opt/program
      WORKDIR /opt/program
    ` },
    { name: 'predefined platform ARGs in FROM', code: dockerfile`
      FROM --platform=$BUILDPLATFORM golang:1.22 AS build
      FROM python:3.11-slim-\${TARGETARCH}
    ` },
    { name: 'a default in the reference itself', code: 'FROM ${BASE_IMAGE:-python:3.11-slim}\n' },
    { name: 'an optional registry prefix left empty on purpose', code: 'ARG REGISTRY\nFROM ${REGISTRY}python:3.11-slim\n' },
    { name: 'a FROM ARG given with --build-arg', code: 'ARG BASE_IMAGE\nFROM $BASE_IMAGE\n', options: { buildArgs: { BASE_IMAGE: 'python:3.11' } } },
    { name: 'shell variables set in the RUN itself share a global ARG name', code: dockerfile`
      ARG VERSION=1.0
      ARG f=x
      FROM ubuntu:22.04
      RUN VERSION=2 && echo $VERSION
      RUN for f in a b; do echo $f; done
      RUN export VERSION=3; echo "$VERSION"
    ` },
    { name: 'escaped, single-quoted, \$\$ and guarded references are not expanded from the ARG', code: dockerfile`
      ARG TOKEN=abc
      FROM ubuntu:22.04
      RUN echo '$TOKEN' \\$TOKEN $$TOKEN \${TOKEN:-none} >> /etc/notes
    ` },
    { name: 'variables inherited as ENV through FROM <stage>', code: dockerfile`
      ARG APP_HOME=/opt/program
      FROM python:3.11-slim AS base
      ARG APP_HOME
      ENV APP_HOME=\${APP_HOME}
      FROM base
      WORKDIR $APP_HOME
      COPY serve.py $APP_HOME/serve.py
    ` },
    { name: 'ENV set earlier in the stage', code: dockerfile`
      ARG MODEL_DIR=/opt/ml/model
      FROM ubuntu:22.04
      ENV MODEL_DIR=/opt/ml/model
      RUN ls $MODEL_DIR
    ` },
    { name: 'a quoted heredoc body is not expanded', code: dockerfile`
      ARG NAME=x
      FROM ubuntu:22.04
      RUN <<'EOF'
      echo $NAME
      EOF
    ` },
    { name: 'a RUN that sources a file may set anything', code: dockerfile`
      ARG VERSION_ID=1
      FROM ubuntu:22.04
      RUN . /etc/os-release && echo $VERSION_ID
    ` },
    { name: 'well-known variables that happen to be global ARGs', code: dockerfile`
      ARG HOME=/root
      FROM ubuntu:22.04
      RUN echo $HOME
    ` },
    { name: 'the python base image sets ENV PYTHON_VERSION itself', code: dockerfile`
      ARG PYTHON_VERSION=3.11
      FROM python:\${PYTHON_VERSION}-slim
      RUN echo $PYTHON_VERSION
    ` },
    { name: 'a comment line inside a continued RUN is dropped by Docker', code: dockerfile`
      ARG X=1
      FROM ubuntu:22.04
      RUN echo a \\
        # uses $X
        && echo b
    ` },
    { name: 'exec-form RUN expands nothing', code: 'ARG X=1\nFROM ubuntu:22.04\nRUN ["echo", "$X"]\n' },
  ],
  invalid: [
    {
      name: 'FROM uses an ARG declared only inside a stage [WEB-docker-arg]',
      code: dockerfile`
        FROM ubuntu:22.04 AS tools
        ARG BASE=python:3.11-slim
        FROM \${BASE}
      `,
      errors: [{
        messageId: 'fromDeclaredInStage', severity: 'error', line: 3, column: 6, endLine: 3, endColumn: 13,
        suggestions: [{ title: 'Declare ARG BASE=python:3.11-slim before the first FROM', output: dockerfile`
          ARG BASE=python:3.11-slim
          FROM ubuntu:22.04 AS tools
          ARG BASE=python:3.11-slim
          FROM \${BASE}
        ` }],
      }],
    },
    {
      name: 'DLC extend pattern with the REGION ARG missing: the ECR host becomes invalid',
      code: dockerfile`
        FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.3.0-gpu-py311
        COPY train.py /opt/ml/code/train.py
      `,
      errors: [{ messageId: 'fromNotDeclared', severity: 'error', line: 1, column: 27, endLine: 1, endColumn: 34,
        data: { name: 'REGION', effect: ': the reference becomes "763104351884.dkr.ecr..amazonaws.com/pytorch-training:2.3.0-gpu-py311", which Docker rejects' } }],
    },
    {
      name: 'an undeclared ARG whose --build-arg is configured: declaring it is enough',
      code: 'FROM python:${PY}-slim\n',
      options: { buildArgs: { PY: '3.11' } },
      errors: [{
        messageId: 'fromNotDeclared', severity: 'error', line: 1, column: 13, endLine: 1, endColumn: 18,
        suggestions: [{ title: 'Declare ARG PY before the first FROM', output: 'ARG PY\nFROM python:${PY}-slim\n' }],
      }],
    },
    {
      name: 'an undeclared registry prefix: the build silently pulls another image',
      code: 'FROM ${MIRROR}python:3.11-slim\n',
      errors: [{ messageId: 'fromNotDeclared', severity: 'warning', line: 1, column: 6, endLine: 1, endColumn: 15,
        data: { name: 'MIRROR', effect: ': Docker would use "python:3.11-slim"' } }],
    },
    {
      name: 'ARG BASE_IMAGE with no default and no configured build arguments: info only',
      code: 'ARG BASE_IMAGE\nFROM $BASE_IMAGE\nRUN pip install sagemaker-training\n',
      errors: [{ messageId: 'fromNoValue', severity: 'info', line: 2, column: 6, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'ARG with no default, build arguments configured without it',
      code: 'ARG TAG\nFROM python:$TAG\n',
      options: { buildArgs: { OTHER: 'x' } },
      errors: [{ messageId: 'fromNoValue', severity: 'error', line: 2, column: 13, endLine: 2, endColumn: 17 }],
    },
    {
      name: 'an undeclared --platform variable',
      code: 'FROM --platform=$PLATFORM python:3.11\n',
      errors: [{ messageId: 'fromNotDeclared', severity: 'warning', line: 1, column: 17, endLine: 1, endColumn: 26 }],
    },
    {
      name: 'a global ARG used in RUN of a stage that does not re-declare it: pip installs the latest torch',
      code: dockerfile`
        ARG TORCH_VERSION=2.3.0
        FROM ubuntu:22.04
        RUN pip install torch==$TORCH_VERSION && echo "\${TORCH_VERSION}"
      `,
      errors: [{
        messageId: 'notInStage', severity: 'warning', line: 3, column: 24, endLine: 3, endColumn: 38,
        suggestions: [{ title: 'Add ARG TORCH_VERSION after this stage\'s FROM', output: dockerfile`
          ARG TORCH_VERSION=2.3.0
          FROM ubuntu:22.04
          ARG TORCH_VERSION
          RUN pip install torch==$TORCH_VERSION && echo "\${TORCH_VERSION}"
        ` }],
      }],
    },
    {
      name: 'multi-stage: the builder re-declares, the final stage does not; ENV and COPY expand it too',
      code: dockerfile`
        ARG APP_DIR=/opt/program
        FROM python:3.11 AS builder
        ARG APP_DIR
        RUN mkdir -p $APP_DIR
        FROM ubuntu:22.04
        COPY --from=builder /opt/program \${APP_DIR}
      `,
      errors: [{
        messageId: 'notInStage', severity: 'warning', line: 6, column: 34, endLine: 6, endColumn: 44,
        suggestions: [{ title: 'Add ARG APP_DIR after this stage\'s FROM', output: dockerfile`
          ARG APP_DIR=/opt/program
          FROM python:3.11 AS builder
          ARG APP_DIR
          RUN mkdir -p $APP_DIR
          FROM ubuntu:22.04
          ARG APP_DIR
          COPY --from=builder /opt/program \${APP_DIR}
        ` }],
      }],
    },
    {
      name: 'DLC extend pattern reusing REGION in a RUN: info, the DLC might set ENV REGION',
      code: dockerfile`
        ARG REGION=us-east-1
        FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.3.0-gpu-py311
        RUN aws s3 cp --region $REGION s3://bucket/weights /opt/ml/code/weights
      `,
      errors: [{
        messageId: 'notInStageBaseUnknown', severity: 'info', line: 3, column: 24, endLine: 3, endColumn: 31,
        suggestions: [{ title: 'Add ARG REGION after this stage\'s FROM', output: dockerfile`
          ARG REGION=us-east-1
          FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.3.0-gpu-py311
          ARG REGION
          RUN aws s3 cp --region $REGION s3://bucket/weights /opt/ml/code/weights
        ` }],
      }],
    },
    {
      name: 'CRLF files get a CRLF line',
      code: 'ARG V=1\r\nFROM ubuntu:22.04\r\nLABEL version=$V\r\n',
      errors: [{
        messageId: 'notInStage', severity: 'warning', line: 3, column: 15, endLine: 3, endColumn: 17,
        suggestions: [{ title: 'Add ARG V after this stage\'s FROM', output: 'ARG V=1\r\nFROM ubuntu:22.04\r\nARG V\r\nLABEL version=$V\r\n' }],
      }],
    },
    {
      name: 'an unquoted heredoc script expands the global ARG',
      code: 'ARG NAME=x\nFROM alpine:3.20\nRUN <<EOF\necho $NAME\nEOF\n',
      errors: [{
        messageId: 'notInStage', severity: 'warning', line: 4, column: 6, endLine: 4, endColumn: 11,
        suggestions: [{ title: 'Add ARG NAME after this stage\'s FROM', output: 'ARG NAME=x\nFROM alpine:3.20\nARG NAME\nRUN <<EOF\necho $NAME\nEOF\n' }],
      }],
    },
  ],
});
