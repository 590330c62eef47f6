import { inferenceCodeInTrainingDir } from '../../../src/core/lint/rules/inference-code-in-training-dir';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(inferenceCodeInTrainingDir, {
  valid: [
    { name: 'DLC extend for inference: inference.py arrives in model.tar.gz', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.6.0-gpu-py312
      RUN pip install --no-cache-dir -r /tmp/requirements.txt
    ` },
    { name: 'PYTHONPATH makes /opt/ml/code importable', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.6.0-gpu-py312
      COPY inference.py /opt/ml/code/inference.py
      ENV PYTHONPATH=/opt/ml/code:$PYTHONPATH
    ` },
    { name: 'a custom entrypoint that starts its handler from /opt/ml/code', code: dockerfile`
      FROM python:3.11
      RUN pip install multi-model-server sagemaker-inference
      COPY inference.py entry.py /opt/ml/code/
      ENTRYPOINT ["python", "/opt/ml/code/entry.py"]
    ` },
    { name: 'no inference toolkit: a hand-written server loads what it wants', code: dockerfile`
      FROM python:3.8-slim
      RUN pip install pandas scikit-learn flask
      COPY train.py inference.py main.py /opt/ml/code/
      ENTRYPOINT ["python", "/opt/ml/code/main.py"]
    ` },
    { name: 'a training image is not started with serve', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-training:2.8.0-gpu-py312
      COPY inference.py /opt/ml/code/inference.py
    `, options: { modes: ['train'] } },
    { name: 'a script of another name in /opt/ml/code', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.6.0-gpu-py312
      COPY train.py /opt/ml/code/train.py
    ` },
  ],
  invalid: [
    {
      name: 'inference.py baked into /opt/ml/code of an inference DLC is never imported [IT:src/sagemaker_inference/environment.py]',
      code: dockerfile`
        FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.6.0-gpu-py312
        COPY inference.py /opt/ml/code/inference.py
      `,
      errors: [{ messageId: 'notImported', severity: 'warning', line: 2, column: 6, endLine: 2, endColumn: 18, data: { module: 'inference.py' } }],
    },
    {
      name: 'the module SAGEMAKER_PROGRAM names, inside a copied directory the context lists',
      code: dockerfile`
        FROM python:3.11
        RUN apt-get update && apt-get install -y --no-install-recommends default-jre-headless
        RUN pip install multi-model-server sagemaker-inference
        COPY code/ /opt/ml/code/
        ENV SAGEMAKER_PROGRAM=handler.py
      `,
      options: { modes: ['serve'], buildContext: memoryContext({ 'code/handler.py': '', 'code/util.py': '' }) },
      errors: [{ messageId: 'notImported', severity: 'warning', line: 4, column: 6, endLine: 4, endColumn: 11, data: { module: 'handler.py' } }],
    },
  ],
});
