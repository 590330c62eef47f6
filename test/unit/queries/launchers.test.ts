import assert from 'node:assert/strict';
import { DockerfileParser } from 'dockerfile-ast';
import { Model } from '../../../src/core/lint/model';
import { baseInfo } from '../../../src/core/lint/queries/baseImage';
import { findCommand, modesAssumed, pathDirs } from '../../../src/core/lint/queries/launchers';
import { memoryContext } from '../../helpers/ruleTester';

const modelOf = (text: string) => new Model(text, DockerfileParser.parse(text));
const status = (text: string, name: 'train' | 'serve', context?: Parameters<typeof memoryContext>[0]) =>
  findCommand(modelOf(text), name, context ? memoryContext(context) : undefined).status;

describe('queries/launchers', () => {
  it('PATH is the ENV PATH entries plus the default directories', () => {
    const dirs = pathDirs(modelOf('FROM ubuntu:22.04\nENV PATH="/opt/program:${PATH}"\nENV PATH=/opt/venv/bin:$PATH\n'));
    assert.deepStrictEqual(dirs.filter((d) => d.startsWith('/opt')), ['/opt/venv/bin', '/opt/program']);
    assert.ok(dirs.includes('/usr/local/bin'));
  });

  it('classifies the base image', () => {
    const facts = (text: string) => { const b = baseInfo(modelOf(text)); return [b.kind, b.plain]; };
    assert.deepStrictEqual(facts('FROM python:3.11\n'), ['known', true]);
    assert.deepStrictEqual(facts('FROM scratch\n'), ['scratch', true]);
    assert.deepStrictEqual(facts('FROM mycompany/base:1\n'), ['unknown', false]);
    assert.deepStrictEqual(facts('ARG BASE\nFROM $BASE\n'), ['unresolved', false]);
    assert.deepStrictEqual(facts('FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312\n'), ['sagemaker', false]);
  });

  it('finds train/serve: toolkit, SageMaker base, copied file, RUN link; unknown when hidden; absent otherwise', () => {
    assert.equal(status('FROM python:3.11\nRUN pip install sagemaker-training\n', 'train'), 'found');
    assert.equal(status('FROM python:3.11\nRUN pip install sagemaker-inference multi-model-server\n', 'serve'), 'absent');
    assert.equal(status('FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.6.0-gpu-py312\n', 'serve'), 'found');
    assert.equal(status('FROM 763104351884.dkr.ecr.us-west-2.amazonaws.com/pytorch-inference:2.6.0-gpu-py312\n', 'train'), 'absent');
    assert.equal(status('FROM python:3.11\nCOPY serve /usr/local/bin/\n', 'serve'), 'found');
    assert.equal(status('FROM python:3.11\nRUN ln -sf /opt/program/serve.py /usr/bin/serve\n', 'serve'), 'found');
    assert.equal(status('FROM python:3.11\nENV PATH=/opt/program:$PATH\nCOPY src /opt/program\n', 'train'), 'unknown');
    assert.equal(status('FROM python:3.11\nENV PATH=/opt/program:$PATH\nCOPY src /opt/program\n', 'train', { 'src/train': '' }), 'found');
    assert.equal(status('FROM python:3.11\nENV PATH=/opt/program:$PATH\nCOPY src /opt/program\n', 'train', { 'src/app.py': '' }), 'absent');
    assert.equal(status('FROM python:3.11\nCOPY pkg /tmp/pkg\nRUN pip install /tmp/pkg\n', 'train'), 'unknown');
    assert.equal(status('FROM python:3.11\nCOPY . /\n', 'train'), 'unknown');
    assert.equal(status('FROM python:3.11\nCOPY train /opt/program/train\n', 'train'), 'absent');
  });

  it('modes are assumed only when nothing in the file shows the job type', () => {
    const both = new Set(['train', 'serve'] as const);
    assert.equal(modesAssumed(modelOf('FROM python:3.11\nCMD ["python3", "app.py"]\n'), both), true);
    assert.equal(modesAssumed(modelOf('FROM python:3.11\nRUN pip install sagemaker-training\n'), both), false);
    assert.equal(modesAssumed(modelOf('FROM python:3.11\n'), new Set(['train'] as const)), false);
  });
});
