import assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { Model } from '../../../src/core/lint/model';
import { filesUnder } from '../../../src/core/lint/queries/filesystem';
import { runEffects } from '../../../src/core/lint/queries/runEffects';
import { basePythonVersion, pipCommand, pythonLauncher } from '../../../src/core/lint/queries/python';
import { baseInfo } from '../../../src/core/lint/queries/baseImage';
import { distributionArchive, java, modelServerPresence, pythonInstalls, trainingToolkit } from '../../../src/core/lint/queries/toolkits';
import { memoryContext } from '../../helpers/ruleTester';

const modelOf = (text: string) => new Model(text, DockerfileParser.parse(text));
const names = (text: string, files?: Record<string, string>) =>
  pythonInstalls(modelOf(text), files && memoryContext(files)).packages.map((p) => p.file ? `${p.name}@${p.file}` : p.name);

describe('queries/toolkits', () => {
  it('reads packages from command lines, requirement files (nested), conda environment files and copied stages', () => {
    assert.deepStrictEqual(names('FROM python:3.11\nRUN pip install "a[x]==1" && python -m pip install -U b\n'), ['a', 'b']);
    assert.deepStrictEqual(names('FROM python:3.11\nWORKDIR /app\nCOPY . .\nRUN pip install -r req/base.txt\n', {
      'req/base.txt': 'numpy  # comment\n-r extra.txt\nsagemaker-training ; python_version >= "3.8"\n', 'req/extra.txt': 'scipy\n',
    }), ['numpy@req/base.txt', 'scipy@req/extra.txt', 'sagemaker-training@req/base.txt']);
    assert.deepStrictEqual(names('FROM continuumio/miniconda3\nCOPY environment.yml /tmp/\nRUN conda env create -f /tmp/environment.yml\n', {
      'environment.yml': 'name: x\ndependencies:\n  - python=3.10\n  - conda-forge::openjdk=17\n  - pip:\n    - multi-model-server==1.1.11\n',
    }), ['python@environment.yml', 'openjdk@environment.yml', 'multi-model-server@environment.yml']);
    assert.deepStrictEqual(names('FROM python:3.11 AS b\nRUN pip install --user x\nFROM python:3.11 AS unused\nRUN pip install y\nFROM python:3.11-slim\nCOPY --from=b /root/.local /root/.local\n'), ['x']);
  });

  it('marks installs it cannot read as opaque', () => {
    const opaque = (text: string) => pythonInstalls(modelOf(text), undefined).opaque.length;
    assert.equal(opaque('FROM python:3.11\nRUN pip install numpy --index-url https://example.com/simple\n'), 0);
    assert.equal(opaque('FROM python:3.11\nCOPY r.txt .\nRUN pip install -r r.txt\n'), 1);
    assert.equal(opaque('FROM python:3.11\nRUN pip install . && pip install -e ./pkg && pip install git+https://github.com/x/y\n'), 3);
    assert.equal(opaque('FROM python:3.11\nRUN poetry install && ./install.sh\n'), 2);
    assert.equal(opaque('FROM python:3.11\nCOPY --from=mycompany/deps /usr/local/lib/python3.11/site-packages /usr/local/lib/python3.11/site-packages\n'), 1);
  });

  it('answers yes/no/maybe for the training toolkit', () => {
    const presence = (text: string) => trainingToolkit(modelOf(text), undefined).presence;
    assert.equal(presence('FROM python:3.11\nRUN pip install sagemaker-training\n'), 'yes');
    assert.equal(presence('FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312\n'), 'yes');
    assert.equal(presence('FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-gpu-py312\n'), 'no');
    assert.equal(presence('FROM python:3.11\nRUN pip install sagemaker\n'), 'no');
    assert.equal(presence('FROM pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime\n'), 'no');
    assert.equal(presence('FROM mycompany/base:1\n'), 'maybe');
    assert.equal(presence('ARG B\nFROM $B\n'), 'maybe');
    assert.equal(presence('FROM python:3.11\nRUN pip install /tmp/pkg\n'), 'maybe');
    // The toolkits' own test images install a (renamed) copy of their source archive.
    assert.equal(presence('FROM ubuntu:20.04\nARG PIP=pip3\nCOPY dummy/sagemaker_training.tar.gz /sagemaker_training.tar.gz\nRUN ${PIP} install --no-cache-dir /sagemaker_training.tar.gz\n'), 'yes');
    assert.equal(presence('FROM python:3.11\nCOPY dist/ /tmp/dist/\nRUN pip install /tmp/dist/sagemaker_training-4.7.4-py3-none-any.whl\n'), 'yes');
  });

  it('reads the distribution a local archive holds from its file name', () => {
    const archive = (path: string) => { const a = distributionArchive(path); return a && `${a.name}${a.specifier}`; };
    assert.equal(archive('/sagemaker_training.tar.gz'), 'sagemaker-training');
    assert.equal(archive('dist/sagemaker_training-*.tar.gz'), 'sagemaker-training');
    assert.equal(archive('/sagemaker_sklearn_container-2.0-py3-none-any.whl'), 'sagemaker-sklearn-container==2.0');
    assert.equal(archive('multi-model-server-1.1.8.tar.gz'), 'multi-model-server==1.1.8');
    assert.equal(archive('https://example.com/torch-2.6.0%2Bcpu-cp312-cp312-linux_x86_64.whl'), 'torch==2.6.0+cpu');
    for (const path of ['/tmp/wheels/flash_attn*.whl', '${TE_WHL}', '/opt/code', 'git+https://github.com/x/y.git']) {
      assert.equal(archive(path), undefined, path);
    }
  });

  it('classifies the base beyond plain and SageMaker images', () => {
    assert.equal(baseInfo(modelOf('FROM pytorch/pytorch:2.3.0-cuda12.1-cudnn8-runtime\n')).kind, 'known');
    assert.equal(baseInfo(modelOf('FROM scratch\n')).kind, 'scratch');
    assert.equal(baseInfo(modelOf('ARG ACCOUNT\nFROM ${ACCOUNT}.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312\n')).kind, 'sagemaker');
  });

  it('finds a model server and Java', () => {
    const server = (text: string) => modelServerPresence(modelOf(text), undefined).presence;
    assert.equal(server('FROM python:3.11\nRUN pip install sagemaker-inference\n'), 'no');
    assert.equal(server('FROM python:3.11\nRUN pip install "sagemaker-huggingface-inference-toolkit[mms]"\n'), 'yes');
    assert.equal(server('FROM python:3.11\nRUN pip install sagemaker-pytorch-inference\n'), 'yes');
    const javaOf = (text: string) => java(modelOf(text), undefined);
    assert.equal(javaOf('FROM ubuntu:22.04\nRUN apt-get install -y openjdk-17-jre-headless\n'), 'yes');
    assert.equal(javaOf('FROM amazonlinux:2\nRUN yum install -y java-1.8.0-openjdk-headless\n'), 'yes');
    assert.equal(javaOf('FROM python:3.11\nENV JAVA_HOME=/opt/jdk\n'), 'yes');
    assert.equal(javaOf('FROM python:3.11\nRUN curl -L https://example.com/jdk.tar.gz | tar xz -C /opt\n'), 'maybe');
    assert.equal(javaOf('FROM python:3.11\nRUN pip install numpy\n'), 'no');
  });
});

describe('queries/runEffects and filesUnder', () => {
  const writes = (text: string) => runEffects(modelOf(text)).writes.map((w) => w.path);

  it('sees the paths known commands write, relative to WORKDIR and cd', () => {
    assert.deepStrictEqual(writes('FROM ubuntu\nWORKDIR /w\nRUN cp a b /dst/ && mv x y && touch t && ln -s /target link\n'), ['/dst', '/w/y', '/w/t', '/w/link']);
    assert.deepStrictEqual(writes('FROM ubuntu\nRUN cd /m && wget https://h/f.bin?x=1 && curl -fsSLo out.bin https://h/o && curl -o /o2 https://h\n'), ['/m/f.bin', '/o2']);
    assert.deepStrictEqual(writes('FROM ubuntu\nRUN tar xzf a.tgz -C /x && tar -czf /tmp/a.tgz /y && unzip a.zip -d /z && git clone https://h/r.git\n'), ['/x', '/z', '/r']);
    assert.deepStrictEqual(writes('FROM ubuntu\nENV D=/data\nRUN mkdir -p /a && chmod 777 /a && cp f $D/\n'), ['/data']);
  });

  it('reads redirections outside quotes and outside heredocs fed to programs', () => {
    assert.deepStrictEqual(writes('FROM ubuntu\nRUN echo hi > /a 2>&1 && echo "x > /b" >> /c 2>/dev/null\n'), ['/a', '/c']);
    assert.deepStrictEqual(writes('FROM ubuntu\nRUN python3 <<EOF\nif a > b: pass\nEOF\n'), []);
    assert.deepStrictEqual(writes('FROM ubuntu\nRUN <<EOF\necho {} > /cfg.json\nEOF\n'), ['/cfg.json']);
  });

  it('lists what lands under a directory, and says when it cannot', () => {
    const under = (text: string, files?: Record<string, string>) => {
      const c = filesUnder(modelOf(text), '/opt/ml/code', files && memoryContext(files));
      return { files: c.files.map((f) => f.path), incomplete: c.incomplete, populated: c.populated };
    };
    assert.deepStrictEqual(under('FROM python\nCOPY a.py b.py /opt/ml/code/\n'), { files: ['/opt/ml/code/a.py', '/opt/ml/code/b.py'], incomplete: false, populated: true });
    // Without a listing, `src` may be a file named /opt/ml/code or a directory of unknown files.
    assert.deepStrictEqual(under('FROM python\nCOPY src /opt/ml/code\n'), { files: ['/opt/ml/code'], incomplete: true, populated: true });
    assert.deepStrictEqual(under('FROM python\nCOPY src /opt/ml/code\n', { 'src/t.py': '' }), { files: ['/opt/ml/code/t.py'], incomplete: false, populated: true });
    assert.deepStrictEqual(under('FROM python\nWORKDIR /opt/ml/code\nRUN python gen.py\n'), { files: [], incomplete: true, populated: false });
    assert.deepStrictEqual(under('FROM python\nRUN pip install -r /opt/ml/code/requirements.txt\n'), { files: [], incomplete: false, populated: false });
  });
});

describe('queries/python', () => {
  const version = (text: string) => {
    const v = basePythonVersion(modelOf(text));
    return v && `${v.major}.${v.minor} ${v.origin}`;
  };

  it('knows the Python of the base image when the file shows it', () => {
    assert.equal(version('FROM python:3.7-slim-buster\n'), '3.7 python:3.7-slim-buster');
    assert.equal(version('FROM python:3\n'), undefined);
    assert.equal(version('FROM ubuntu:18.04\nRUN apt-get install -y python3-pip\n'), '3.6 ubuntu:18.04\'s python3');
    assert.equal(version('FROM ubuntu:18.04\n'), undefined);
    assert.equal(version('FROM ubuntu:18.04\nRUN apt-get install -y python3.8 python3-pip\n'), undefined);
    assert.equal(version('FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-training:2.3.0-cpu-py37-ubuntu18.04\n'), '3.7 tensorflow-training:2.3.0-cpu-py37-ubuntu18.04');
  });

  it('says how the file runs pip, and what starts Python', () => {
    assert.equal(pipCommand(modelOf('FROM ubuntu\nRUN python3 -m pip install x\n')), 'python3 -m pip');
    assert.equal(pipCommand(modelOf('FROM ubuntu\nRUN apt-get install -y python3\n')), undefined);
    const what = (text: string) => pythonLauncher(modelOf(text), undefined)?.what;
    assert.equal(what('FROM python\nENTRYPOINT ["/usr/bin/env", "python3", "/app.py"]\n'), 'ENTRYPOINT python3');
    assert.equal(what('FROM python\nENTRYPOINT ["python3", "-u", "/app.py"]\n'), undefined);
    assert.equal(what('FROM python\nENTRYPOINT ["/entry.sh"]\n'), undefined);
    assert.equal(what('FROM python\nRUN pip install sagemaker-inference\n'), undefined);
    assert.equal(what('FROM python\nCMD gunicorn app:app\n'), 'CMD gunicorn');
  });
});
