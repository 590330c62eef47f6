import { mmsWithoutJava } from '../../../src/core/lint/rules/mms-without-java';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(mmsWithoutJava, {
  valid: [
    { name: 'multi-model BYO sample installs openjdk-8-jdk-headless [EX multi_model_bring_your_own]', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get update && apt-get -y install --no-install-recommends \\
              build-essential \\
              openjdk-8-jdk-headless \\
              python3-pip
      RUN pip3 --no-cache-dir install multi-model-server sagemaker-inference
    ` },
    { name: 'Amazon Corretto on Amazon Linux', code: dockerfile`
      FROM amazonlinux:2023
      RUN dnf install -y java-17-amazon-corretto-headless python3.11-pip && dnf clean all
      RUN pip3.11 install multi-model-server sagemaker-inference
    ` },
    { name: 'Alpine openjdk package', code: dockerfile`
      FROM python:3.11-alpine
      RUN apk add --no-cache openjdk17-jre-headless
      RUN pip install multi-model-server
    ` },
    { name: 'a JDK base image', code: dockerfile`
      FROM eclipse-temurin:17-jre
      RUN apt-get update && apt-get install -y python3-pip
      RUN pip3 install multi-model-server sagemaker-inference
    ` },
    { name: 'Java from conda', code: dockerfile`
      FROM continuumio/miniconda3:24.1.2-0
      RUN conda install -y -c conda-forge openjdk=17 && pip install multi-model-server
    ` },
    { name: 'a JDK copied from a JDK image', code: dockerfile`
      FROM python:3.11-slim
      COPY --from=eclipse-temurin:17-jre /opt/java/openjdk /opt/java/openjdk
      ENV PATH="/opt/java/openjdk/bin:$PATH"
      RUN pip install multi-model-server
    ` },
    { name: 'sagemaker-inference-toolkit test/container/dummy: the MMS base image runs MMS, so it has Java', code: dockerfile`
      FROM awsdeeplearningteam/mxnet-model-server:base-cpu-py3.6
      LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
      RUN pip3 install mxnet-model-server==1.0.8
      RUN pip3 install --no-cache-dir /sagemaker_inference.tar.gz
      ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
      CMD ["serve"]
    ` },
    { name: 'a SageMaker inference image brings Java', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/mxnet-inference:1.9.0-cpu-py38
      RUN pip install --upgrade multi-model-server
    ` },
    { name: 'no MMS: TorchServe images are judged elsewhere', code: dockerfile`
      FROM python:3.11
      RUN pip install sagemaker-inference
    ` },
  ],
  invalid: [
    {
      name: 'MMS on a python base without Java: "java not found" at serve [MMS:docs/install.md]',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install --no-cache-dir multi-model-server sagemaker-inference
        COPY entrypoint.py /usr/local/bin/entrypoint.py
        ENTRYPOINT ["python", "/usr/local/bin/entrypoint.py"]
      `,
      errors: [{
        messageId: 'noJava', severity: 'warning', line: 2, column: 32, endLine: 2, endColumn: 50,
        suggestions: [{
          title: 'Install a Java runtime (default-jre-headless)',
          output: dockerfile`
            FROM python:3.11-slim
            RUN apt-get update && apt-get install -y --no-install-recommends default-jre-headless && rm -rf /var/lib/apt/lists/*
            RUN pip install --no-cache-dir multi-model-server sagemaker-inference
            COPY entrypoint.py /usr/local/bin/entrypoint.py
            ENTRYPOINT ["python", "/usr/local/bin/entrypoint.py"]
          `,
        }],
      }],
    },
    {
      name: 'the Hugging Face toolkit\'s mms extra, on Amazon Linux: no apt line to offer',
      code: dockerfile`
        FROM amazonlinux:2023
        RUN dnf install -y python3.11-pip
        RUN pip3.11 install "sagemaker-huggingface-inference-toolkit[mms]"
      `,
      options: { modes: ['serve'] },
      errors: [{ messageId: 'noJava', severity: 'warning', line: 3, column: 21, endLine: 3, endColumn: 67 }],
    },
    {
      name: 'a JDK downloaded by hand cannot be seen: info',
      code: dockerfile`
        FROM python:3.11-slim
        RUN curl -fsSL https://example.com/OpenJDK17U-jre_x64_linux.tar.gz | tar -xz -C /opt
        RUN pip install multi-model-server
      `,
      errors: [{
        messageId: 'maybeJava', severity: 'info', line: 3, column: 17, endLine: 3, endColumn: 35,
        data: { package: 'multi-model-server', where: 'a step smlint cannot read (a download or a script) installs one' },
      }],
    },
    {
      name: 'an unknown base image may have Java: info',
      code: dockerfile`
        FROM mycompany/serving-base:3
        RUN pip install multi-model-server sagemaker-inference
      `,
      errors: [{ messageId: 'maybeJava', severity: 'info', line: 2, column: 17, endLine: 2, endColumn: 35 }],
    },
  ],
});
