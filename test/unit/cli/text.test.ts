import assert from 'node:assert/strict';
import pc from 'picocolors';
import { describeModes, formatText, summary } from '../../../src/cli/format/text';
import type { FileReport } from '../../../src/cli/report';

describe('text output', () => {
  it('says where the modes came from, with at most three reasons', () => {
    const reasons = ['installs sagemaker-training', 'sets SAGEMAKER_PROGRAM', 'copies code into /opt/ml/code', 'installs sagemaker-training', 'copies a file named train to /opt/program/train']
      .map((reason) => ({ mode: 'train' as const, reason }));
    assert.equal(describeModes({ modes: ['train'], origin: 'detected', reasons }),
      'modes: train (detected: installs sagemaker-training; sets SAGEMAKER_PROGRAM; copies code into /opt/ml/code; …)');
    assert.equal(describeModes({ modes: ['serve'], origin: 'options', reasons: [] }), 'modes: serve (set by config or --mode)');
    assert.match(describeModes({ modes: ['studio'], origin: 'pragma', reasons: [] }), /smlint mode=/);
    assert.match(describeModes({ modes: ['train', 'serve'], origin: 'default', reasons: [] }), /^modes: train, serve \(default: /);
  });

  it('counts with singular and plural nouns', () => {
    assert.equal(summary({ error: 1, warning: 2, info: 0 }, 1), '1 error, 2 warnings, 0 info in 1 file');
    assert.equal(summary({ error: 0, warning: 1, info: 3 }, 2), '0 errors, 1 warning, 3 info in 2 files');
  });

  it('prints a header and the modes even for a file without findings', () => {
    const report: FileReport = { path: '/x/Dockerfile', displayPath: 'Dockerfile', result: { modes: { modes: ['serve'], origin: 'options', reasons: [] }, findings: [] } };
    assert.equal(formatText([report], pc.createColors(false)), 'Dockerfile\n  modes: serve (set by config or --mode)\n\n0 errors, 0 warnings, 0 info in 1 file\n');
  });
});
