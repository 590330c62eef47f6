/** Compact real-world shapes several rule tests share; whole-file versions live in test/fixtures. */
import { dockerfile } from './ruleTester';

/** multi_model_bring_your_own, condensed: MMS + the inference toolkit + Java, the MME label. */
export const multiModelByo = dockerfile`
  FROM ubuntu:22.04
  RUN apt-get update && apt-get install -y --no-install-recommends openjdk-8-jdk-headless python3-pip
  RUN pip3 install --no-cache-dir multi-model-server sagemaker-inference
  LABEL com.amazonaws.sagemaker.capabilities.multi-models=true
  COPY dockerd-entrypoint.py /usr/local/bin/dockerd-entrypoint.py
  ENTRYPOINT ["python", "/usr/local/bin/dockerd-entrypoint.py"]
  CMD ["serve"]
`;
