import { programNotInCodeDir } from '../../../src/core/lint/rules/program-not-in-code-dir';
import { dockerfile, memoryContext, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(programNotInCodeDir, {
  valid: [
    { name: 'script-mode sample: the file named is the file copied [TT:README.md]', code: dockerfile`
      FROM python:3.11-slim
      RUN pip3 install --no-cache-dir sagemaker-training
      COPY train.py /opt/ml/code/train.py
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'DLC extend: a directory copied without a build context cannot be listed', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-east-2.amazonaws.com/pytorch-training:1.4.0-gpu-py36-cu101-ubuntu16.04
      COPY /train /opt/ml/code
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'a directory copy whose build context holds the script', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install sagemaker-training
      COPY . /opt/ml/code
      ENV SAGEMAKER_PROGRAM=train.py
    `, options: { buildContext: memoryContext({ 'train.py': '', 'utils.py': '', Dockerfile: '' }) } },
    { name: 'a relative path below /opt/ml/code is run as python src/train.py from there', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install sagemaker-training
      COPY src/train.py /opt/ml/code/src/train.py
      ENV SAGEMAKER_PROGRAM=src/train.py
    ` },
    { name: 'nothing baked into /opt/ml/code: the SDK uploads source_dir there at job start', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install sagemaker-training
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'a RUN step fills /opt/ml/code in a way smlint cannot list', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install sagemaker-training
      COPY requirements.txt /opt/ml/code/requirements.txt
      RUN git clone https://github.com/example/project.git /opt/ml/code/project
      ENV SAGEMAKER_PROGRAM=project/train.py
    ` },
    { name: 'a script created by a RUN in the WORKDIR', code: dockerfile`
      FROM python:3.11-slim
      RUN pip install sagemaker-training
      WORKDIR /opt/ml/code
      COPY util.py .
      RUN python generate_entry.py
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'COPY train.py /opt/ml/code (no slash) lands inside only if the directory exists: an unknown base may have it', code: dockerfile`
      FROM mycompany/ml-base:1.4
      RUN pip install sagemaker-training
      COPY util.py /opt/ml/code
      ENV SAGEMAKER_PROGRAM=train.py
    ` },
    { name: 'JesusFloresR/model_training: mkdir -p /opt/ml/code first, so COPY train.py /opt/ml/code lands inside', code: dockerfile`
      FROM python:3.11-slim
      RUN mkdir -p /opt/ml/code
      RUN pip install sagemaker-training
      COPY train.py /opt/ml/code
      WORKDIR /opt/ml/code
      ENV SAGEMAKER_PROGRAM train.py
    ` },
    { name: 'without the training toolkit another rule speaks', code: dockerfile`
      FROM python:3.11-slim
      COPY util.py /opt/ml/code/util.py
      ENV SAGEMAKER_PROGRAM=/opt/ml/code/train.py
    ` },
    { name: 'in an inference-only image SAGEMAKER_PROGRAM names a module in /opt/ml/model/code', code: dockerfile`
      FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312
      COPY helper.py /opt/ml/code/helper.py
      ENV SAGEMAKER_PROGRAM=inference.py
    `, options: { modes: ['train', 'serve'] } },
  ],
  invalid: [
    {
      // ddimri3294/credit-risk-mlops, an earlier version of its Dockerfile (the next one copies to
      // /opt/ml/code/train.py): on python:3.8 nothing has made /opt/ml/code a directory.
      name: 'credit-risk-mlops first version: COPY train.py /opt/ml/code writes the script as the file /opt/ml/code',
      code: dockerfile`
        FROM python:3.8
        RUN pip3 install --no-cache scikit-learn pandas joblib flask sagemaker-training
        COPY train.py /opt/ml/code
        RUN chmod 755 /opt/ml/code
        ENV SAGEMAKER_PROGRAM train.py
        EXPOSE 8080
      `,
      errors: [{
        messageId: 'copiedAsFile', severity: 'warning', line: 3, column: 15, endLine: 3, endColumn: 27,
        data: { source: 'train.py', value: 'train.py', dest: '/opt/ml/code' },
      }],
      output: dockerfile`
        FROM python:3.8
        RUN pip3 install --no-cache scikit-learn pandas joblib flask sagemaker-training
        COPY train.py /opt/ml/code/
        RUN chmod 755 /opt/ml/code
        ENV SAGEMAKER_PROGRAM train.py
        EXPOSE 8080
      `,
    },
    {
      name: 'an absolute path: the toolkit resolves the name inside /opt/ml/code',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install sagemaker-training
        COPY train.py /opt/ml/code/train.py
        ENV SAGEMAKER_PROGRAM=/opt/ml/code/train.py
      `,
      errors: [{
        messageId: 'absolutePath', severity: 'warning', line: 4, column: 23, endLine: 4, endColumn: 44,
        suggestions: [{
          title: 'Use SAGEMAKER_PROGRAM=train.py',
          output: dockerfile`
            FROM python:3.11-slim
            RUN pip install sagemaker-training
            COPY train.py /opt/ml/code/train.py
            ENV SAGEMAKER_PROGRAM=train.py
          `,
        }],
      }],
    },
    {
      name: 'an absolute path outside /opt/ml/code, quoted: no mechanical fix',
      code: dockerfile`
        FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312
        COPY run.sh /opt/program/run.sh
        ENV SAGEMAKER_PROGRAM "/opt/program/run.sh"
      `,
      errors: [{ messageId: 'absolutePath', severity: 'warning', line: 3, column: 23, endLine: 3, endColumn: 44 }],
    },
    {
      name: 'a typo: the copied script has another name, and the non-empty /opt/ml/code blocks the SDK upload',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install sagemaker-training
        COPY train_model.py utils.py /opt/ml/code/
        ENV SAGEMAKER_PROGRAM=train.py
      `,
      errors: [{
        messageId: 'notCopied', severity: 'warning', line: 4, column: 23, endLine: 4, endColumn: 31,
        data: { value: 'train.py', example: 'train_model.py' },
      }],
    },
    {
      name: 'the build context shows the directory copy lacks the script',
      code: dockerfile`
        FROM python:3.11-slim
        RUN pip install sagemaker-training
        COPY src/ /opt/ml/code/
        ENV SAGEMAKER_PROGRAM=train.py
      `,
      options: { buildContext: memoryContext({ 'src/main.py': '', 'train.py': '' }) },
      errors: [{ messageId: 'notCopied', severity: 'warning', line: 4, column: 23, endLine: 4, endColumn: 31 }],
    },
  ],
});
