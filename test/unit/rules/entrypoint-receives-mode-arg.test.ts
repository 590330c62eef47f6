import { entrypointReceivesModeArg } from '../../../src/core/lint/rules/entrypoint-receives-mode-arg';
import { dockerfile, fixture, ruleTester } from '../../helpers/ruleTester';

ruleTester.run(entrypointReceivesModeArg, {
  valid: [
    { name: 'scikit_bring_your_own: no ENTRYPOINT, train/serve are the programs', code: fixture('aws-samples/scikit-bring-your-own/Dockerfile') },
    { name: 'processing: no word is appended', code: 'FROM python:3.11-slim\nENTRYPOINT ["python3", "/opt/program/process.py"]\n', options: { modes: ['processing'] } },
    { name: 'a bare interpreter is entrypoint-bare-interpreter\'s case', code: 'FROM python:3.11-slim\nENTRYPOINT ["python3"]\n', options: { modes: ['train'] } },
    { name: 'shell form never receives the word (entrypoint-shell-form)', code: 'FROM python:3.11-slim\nENTRYPOINT python3 /opt/program/train.py\n' },
  ],
  invalid: [
    {
      name: 'basic training container: main.py receives "train" and ignores it',
      code: fixture('aws-samples/basic-training-container/Dockerfile'),
      errors: [{ messageId: 'receivesWord', severity: 'info', line: 20, column: 1, endLine: 20, endColumn: 34, data: { words: '"train"' } }],
    },
    {
      name: 'multi_model_bring_your_own: dockerd-entrypoint.py dispatches on argv[1] == "serve"',
      code: fixture('aws-samples/multi-model-byo/Dockerfile'),
      errors: [{ messageId: 'receivesWord', severity: 'info', line: 32, column: 1, endLine: 32, endColumn: 62, data: { words: '"serve"' } }],
    },
    {
      name: 'modes assumed: either word, reported once, on the inherited ENTRYPOINT of a multi-stage build',
      code: dockerfile`
        ARG PY=3.11
        FROM python:\${PY}-slim AS base
        ENTRYPOINT ["python3", "/opt/program/entry.py"]
        FROM base
        COPY entry.py /opt/program/entry.py
      `,
      errors: [{ messageId: 'receivesWord', severity: 'info', line: 3, column: 1, endLine: 3, endColumn: 48, data: { words: '"train" or "serve"' } }],
    },
  ],
});
