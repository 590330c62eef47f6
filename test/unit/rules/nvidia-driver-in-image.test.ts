import { nvidiaDriverInImage } from '../../../src/core/lint/rules/nvidia-driver-in-image';
import { dockerfile, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(nvidiaDriverInImage, {
  valid: [
    { name: 'nvidia/cuda base with the toolkit only (what the guide asks for)', code: dockerfile`
      FROM nvidia/cuda:12.4.1-cudnn-runtime-ubuntu22.04
      RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip \\
          && rm -rf /var/lib/apt/lists/*
      RUN pip3 install --no-cache-dir torch sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'CUDA toolkit, forward-compat and container-toolkit packages are not the driver', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get update && apt-get install -y cuda-toolkit-12-4 cuda-compat-12-4 libnvidia-compute-535 nvidia-container-toolkit cuda-drivers-fabricmanager-535 \\
          nvidia-cuda-toolkit
    ` },
    { name: 'the driver in a build stage that the image does not inherit', code: dockerfile`
      FROM ubuntu:22.04 AS probe
      RUN apt-get update && apt-get install -y nvidia-driver-535
      FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04
      RUN apt-get update && apt-get install -y python3
    ` },
    { name: 'the CUDA runfile installing the toolkit only', code: dockerfile`
      FROM ubuntu:22.04
      RUN wget -q https://developer.download.nvidia.com/compute/cuda/12.4.0/local_installers/cuda_12.4.0_550.54.14_linux.run \\
          && sh cuda_12.4.0_550.54.14_linux.run --silent --toolkit
    ` },
    { name: 'downloading the driver installer without running it', code: dockerfile`
      FROM ubuntu:22.04
      RUN wget -q https://us.download.nvidia.com/tesla/535.161.08/NVIDIA-Linux-x86_64-535.161.08.run -O /tmp/NVIDIA-Linux-x86_64-535.161.08.run
    ` },
    { name: 'a local-repo package only adds a repository', code: dockerfile`
      FROM ubuntu:22.04
      RUN apt-get install -y ./nvidia-driver-local-repo-ubuntu2204-535.161.08_1.0-1_amd64.deb curl
    ` },
    { name: 'ARG-built DLC extend pattern', code: dockerfile`
      ARG REGION=us-east-1
      FROM 763104351884.dkr.ecr.$REGION.amazonaws.com/pytorch-training:2.3.0-gpu-py311-cu121-ubuntu20.04-sagemaker
      RUN pip install --no-cache-dir transformers
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
  ],
  invalid: [
    {
      name: 'apt-get install nvidia-driver-535 in a GPU training image [DG:your-algorithms-training-algo-dockerfile]',
      code: dockerfile`
        FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04
        RUN apt-get update && apt-get install -y --no-install-recommends nvidia-driver-535 python3
      `,
      errors: [{
        messageId: 'driverPackage', severity: 'error', line: 2, column: 66, endLine: 2, endColumn: 83,
        suggestions: [{ title: 'Remove nvidia-driver-535 from this install', output: dockerfile`
          FROM nvidia/cuda:12.4.1-runtime-ubuntu22.04
          RUN apt-get update && apt-get install -y --no-install-recommends python3
        ` }],
      }],
    },
    {
      name: 'a driver package on its own continuation line: the suggestion removes the line',
      code: dockerfile`
        FROM ubuntu:22.04
        RUN apt-get update && apt-get install -y \\
            python3 \\
            cuda-drivers \\
            curl
      `,
      errors: [{
        messageId: 'driverPackage', severity: 'error', line: 4, column: 5, endLine: 4, endColumn: 17,
        suggestions: [{ title: 'Remove cuda-drivers from this install', output: dockerfile`
          FROM ubuntu:22.04
          RUN apt-get update && apt-get install -y \\
              python3 \\
              curl
        ` }],
      }],
    },
    {
      name: 'the last package of a continued list: the suggestion also removes the continuation before it',
      code: dockerfile`
        FROM amazonlinux:2023
        RUN dnf install -y \\
            python3 \\
            nvidia-driver-cuda
        ENTRYPOINT ["python3", "/opt/program/serve.py"]
      `,
      errors: [{
        messageId: 'driverPackage', severity: 'error', line: 4, column: 5, endLine: 4, endColumn: 23,
        suggestions: [{ title: 'Remove nvidia-driver-cuda from this install', output: dockerfile`
          FROM amazonlinux:2023
          RUN dnf install -y \\
              python3
          ENTRYPOINT ["python3", "/opt/program/serve.py"]
        ` }],
      }],
    },
    {
      name: 'a pinned driver followed by another command: the suggestion keeps the rest of the line',
      code: 'FROM ubuntu:22.04\nRUN apt-get install -y nvidia-headless-535=535.161.08-0ubuntu1 curl && rm -rf /var/lib/apt/lists/*\n',
      errors: [{
        messageId: 'driverPackage', severity: 'error', line: 2, column: 24, endLine: 2, endColumn: 63,
        suggestions: [{ title: 'Remove nvidia-headless-535=535.161.08-0ubuntu1 from this install', output: 'FROM ubuntu:22.04\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n' }],
      }],
    },
    {
      name: 'CRLF line endings are kept when the line goes',
      code: 'FROM ubuntu:22.04\r\nRUN apt-get install -y \\\r\n    curl \\\r\n    nvidia-driver-535 \\\r\n    wget\r\n',
      errors: [{
        messageId: 'driverPackage', severity: 'error', line: 4, column: 5, endLine: 4, endColumn: 22,
        suggestions: [{ title: 'Remove nvidia-driver-535 from this install', output: 'FROM ubuntu:22.04\r\nRUN apt-get install -y \\\r\n    curl \\\r\n    wget\r\n' }],
      }],
    },
    {
      name: 'the only package of the install: no suggestion (an install of nothing is a decision for a person)',
      code: 'FROM centos:7\nRUN yum install -y kmod-nvidia-latest-dkms\n',
      errors: [{ messageId: 'driverPackage', severity: 'error', line: 2, column: 20, endLine: 2, endColumn: 43 }],
    },
    {
      name: 'the driver runfile, run through sh, inherited by the final stage',
      code: dockerfile`
        FROM nvidia/cuda:12.4.1-devel-ubuntu22.04 AS gpu
        RUN wget -q https://us.download.nvidia.com/tesla/535.161.08/NVIDIA-Linux-x86_64-535.161.08.run \\
            && sh NVIDIA-Linux-x86_64-535.161.08.run --silent --no-kernel-module
        FROM gpu
        COPY serve /opt/program/serve
      `,
      errors: [{ messageId: 'driverInstaller', severity: 'error', line: 3, column: 8, endLine: 3, endColumn: 73 }],
    },
    {
      name: 'the driver runfile executed directly, in a processing image',
      code: dockerfile`
        # smlint mode=processing
        FROM ubuntu:22.04
        RUN chmod +x /tmp/NVIDIA-Linux-x86_64-\${DRIVER_VERSION}.run && /tmp/NVIDIA-Linux-x86_64-\${DRIVER_VERSION}.run -s
        ENTRYPOINT ["python3"]
      `,
      errors: [{ messageId: 'driverInstaller', severity: 'error', line: 3, column: 64, endLine: 3, endColumn: 113 }],
    },
    {
      name: 'Studio image installing the driver [DG:studio-byoi-specs]',
      code: dockerfile`
        FROM public.ecr.aws/sagemaker/sagemaker-distribution:2.6-gpu
        RUN apt-get install -y nvidia-driver-550-server
      `,
      options: { modes: ['studio'] },
      errors: [{ messageId: 'driverPackage', severity: 'error', line: 2, column: 24, endLine: 2, endColumn: 48 }],
    },
  ],
});
