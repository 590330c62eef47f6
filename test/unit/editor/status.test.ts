import assert from 'node:assert/strict';
import { lint } from '../../../src/core';
import { modesText, modesTooltip } from '../../../src/core/editor/status';

describe('editor: status bar', () => {
  it('names the modes and lists the evidence with 1-based lines', () => {
    const { modes } = lint('FROM python:3.12\nRUN pip install sagemaker-training\nENV SAGEMAKER_SERVING_MODULE=x:main\n');
    assert.equal(modesText(modes), 'SageMaker: train + serve');
    const tooltip = modesTooltip(modes);
    assert.match(tooltip, /^\*\*Container modes: train, serve\*\*\n\nModes detected from the Dockerfile\./);
    assert.match(tooltip, /- \*\*train\*\*: installs sagemaker-training \(line 2\)/);
    assert.match(tooltip, /- \*\*serve\*\*: sets SAGEMAKER_SERVING_MODULE \(line 3\)/);
  });

  it('says where the modes come from when they are not detected', () => {
    assert.match(modesTooltip(lint('# smlint mode=processing\nFROM python:3.12\n').modes), /Modes set by the `# smlint mode=` pragma\./);
    assert.match(modesTooltip(lint('FROM python:3.12\n', { modes: ['studio'] }).modes), /Modes set in the settings or `\.smlint\.yaml`\./);
    assert.match(modesTooltip(lint('FROM scratch\n').modes), /nothing in the Dockerfile shows the job type/);
  });
});
