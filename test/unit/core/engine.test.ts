import assert from 'node:assert/strict';
import fc from 'fast-check';
import { applyEdits } from '../../../src/core/lint/edits';
import { ENGINE_IDS, formatMessage, lint } from '../../../src/core/lint/engine';
import { defineRule, Finding } from '../../../src/core/lint/types';
import { dockerfile } from '../../helpers/ruleTester';

const shellForm = 'FROM python:3.11\nENTRYPOINT python train.py\n';
const ids = (findings: Finding[]) => findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}`);

describe('engine', () => {
  describe('pragmas', () => {
    it('`# smlint ignore=` silences the next instruction only', () => {
      const text = 'FROM python:3.11 AS a\n# smlint ignore=entrypoint-shell-form\nENTRYPOINT python a.py\nFROM a\n';
      assert.deepStrictEqual(ids(lint(text).findings).filter((i) => i.startsWith('entrypoint-shell-form')), []);
      const notNext = 'FROM python:3.11\n# smlint ignore=entrypoint-shell-form\nRUN true\nENTRYPOINT python a.py\n';
      assert.ok(ids(lint(notNext).findings).includes('entrypoint-shell-form@4'));
    });

    it('`# smlint global ignore=` silences the whole file', () => {
      assert.deepStrictEqual(ids(lint(`# smlint global ignore=entrypoint-shell-form\n${shellForm}`).findings).filter((i) => i.startsWith('entry')), []);
    });

    it('reports unknown ids, unknown modes and dangling pragmas as info', () => {
      const findings = lint('FROM x\n# smlint ignore=no-such-rule\nRUN true\n# smlint mode=trian\n# smlint ignore=entrypoint-shell-form\n').findings
        .filter((f) => f.ruleId === ENGINE_IDS.pragma);
      assert.deepStrictEqual(findings.map((f) => [f.messageId, f.severity, f.range.start.line, f.range.start.character, f.range.end.character]), [
        ['unknownRule', 'info', 1, 16, 28], ['unknownMode', 'info', 3, 14, 19], ['dangling', 'info', 4, 16, 37],
      ]);
    });

    it('deployment pragmas state facts for the rules and win over configuration', () => {
      const seen: unknown[] = [];
      const probe = defineRule({
        meta: { id: 'test-probe', severity: 'info', basis: 'doc', modes: ['serve'], summary: 'test', source: ['DG:x'], messages: { m: 'm' } },
        check(ctx) { seen.push(ctx.deployment); },
      });
      const text = '# smlint target=pipeline\n# smlint instance-type=ml.c7g.xlarge\n# smlint target=nope\nFROM x\n';
      const result = lint(text, { ruleSet: [probe], modes: ['serve'], deployment: { target: 'endpoint', region: 'us-east-1' } });
      assert.deepStrictEqual(seen, [{ target: 'pipeline', instanceType: 'ml.c7g.xlarge', region: 'us-east-1' }]);
      assert.deepStrictEqual(result.findings.map((f) => [f.messageId, f.range.start.line, f.range.start.character]), [['unknownTarget', 2, 16]]);
    });

    it('`# smlint mode=` overrides detection and configuration', () => {
      const result = lint('# smlint mode=processing\nFROM python:3.11\nRUN pip install sagemaker-training\n', { modes: ['serve'] });
      assert.deepStrictEqual([result.modes.origin, result.modes.modes], ['pragma', ['processing']]);
    });
  });

  describe('modes', () => {
    it('detects modes with a reason and a range for each', () => {
      const result = lint(dockerfile`
        FROM python:3.11
        RUN pip install --no-cache-dir sagemaker-training multi-model-server
        COPY serve /opt/program/serve
      `);
      assert.equal(result.modes.origin, 'detected');
      assert.deepStrictEqual(result.modes.reasons.map((r) => `${r.mode}: ${r.reason}`), [
        'train: installs sagemaker-training', 'serve: installs multi-model-server', 'serve: copies a file named serve to /opt/program/serve',
      ]);
      assert.deepStrictEqual(result.modes.reasons[0].range, { start: { line: 1, character: 31 }, end: { line: 1, character: 49 } });
    });

    it('detects from a SageMaker base image, a bare interpreter ENTRYPOINT and Studio paths', () => {
      assert.deepStrictEqual(lint('FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-gpu-py312\n').modes.modes, ['serve']);
      assert.deepStrictEqual(lint('FROM python:3.11\nENTRYPOINT ["python3"]\n').modes.modes, ['processing']);
      assert.deepStrictEqual(lint('FROM public.ecr.aws/sagemaker/sagemaker-distribution:2.6-cpu\nWORKDIR /home/sagemaker-user\n').modes.modes, ['studio']);
    });

    it('falls back to train + serve and says so', () => {
      const { modes } = lint('FROM python:3.11\nRUN echo hi\n');
      assert.deepStrictEqual([modes.origin, modes.modes], ['default', ['train', 'serve']]);
      assert.match(modes.reasons[0].reason, /nothing in the file/);
    });

    it('skips rules whose modes are not active', () => {
      assert.deepStrictEqual(ids(lint(shellForm, { modes: ['studio'] }).findings).filter((i) => i.startsWith('entry')), []);
    });
  });

  describe('severity layers', () => {
    const heuristic = defineRule({
      meta: { id: 'test-heuristic', severity: 'error', basis: 'heuristic', modes: ['train'], summary: 'test', source: ['DG:x'], messages: { m: 'value {v}' } },
      check(ctx) { ctx.report({ messageId: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } }, data: { v: 7 } }); },
    });

    it('caps heuristic rules at warning and fills placeholders', () => {
      const [finding] = lint('FROM x\n', { ruleSet: [heuristic], modes: ['train'] }).findings;
      assert.deepStrictEqual([finding.severity, finding.message, finding.docsUrl.endsWith('/docs/rules/test-heuristic.md')], ['warning', 'value 7', true]);
    });

    it('applies severity overrides and `off`', () => {
      assert.equal(lint(shellForm, { rules: { 'entrypoint-shell-form': 'error' } }).findings.find((f) => f.ruleId === 'entrypoint-shell-form')?.severity, 'error');
      assert.equal(lint(shellForm, { rules: { 'entrypoint-shell-form': 'off' } }).findings.find((f) => f.ruleId === 'entrypoint-shell-form'), undefined);
    });

    it('turns an exception in a rule into an info finding instead of a crash', () => {
      const broken = defineRule({ ...heuristic, meta: { ...heuristic.meta, id: 'test-broken' }, check() { throw new Error('boom'); } });
      const [finding] = lint('FROM x\n', { ruleSet: [broken], modes: ['train'] }).findings;
      assert.deepStrictEqual([finding.ruleId, finding.severity, finding.message], [ENGINE_IDS.internal, 'info', 'Rule test-broken failed on this file: boom']);
    });
  });

  describe('robustness', () => {
    const inputs: [string, string][] = [
      ['empty file', ''],
      ['binary junk', '\u0000\u0001\uFFFD\u007F PK\u0003\u0004 \uD800'],
      ['a BOM', '\uFEFFFROM python:3.11\nENTRYPOINT python a.py\n'],
      ['CRLF line endings', 'FROM python:3.11\r\nENTRYPOINT python a.py\r\n'],
      ['the backtick escape directive', '# escape=`\nFROM python:3.11\nRUN pip install `\n  flask\n'],
      ['heredocs', 'FROM python:3.11\nRUN <<EOF\npip install x\nEOF\nCOPY <<EOF /opt/program/train\n#!/bin/sh\nEOF\n'],
      ['no FROM', 'RUN echo hi\nENTRYPOINT python a.py\n'],
      ['unterminated JSON and quotes', 'FROM x\nENTRYPOINT ["python3", "a\nRUN echo "unterminated\nCOPY\n'],
      ['a 20,000-line file', 'FROM python:3.11\n' + 'RUN pip install --no-cache-dir numpy && echo "x" \\\n    && chmod +x /opt/program/train\n'.repeat(10_000)],
    ];
    for (const [name, text] of inputs) {
      it(`does not throw on ${name}, and every range lies inside the text`, () => {
        const result = lint(text);
        assertRangesInside(text, result.findings);
        assert.deepStrictEqual(result.findings.filter((f) => f.ruleId === ENGINE_IDS.internal).map((f) => f.message), []);
      });
    }

    it('keeps positions after a BOM where the editor shows them', () => {
      const finding = lint('\uFEFFFROM python:3.11\nENTRYPOINT python a.py\n').findings.find((f) => f.ruleId === 'entrypoint-shell-form');
      assert.deepStrictEqual(finding?.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 22 } });
    });
  });
});

function assertRangesInside(text: string, findings: Finding[]) {
  const lines = text.split(/\r\n|\r|\n/);
  for (const f of findings) {
    for (const p of [f.range.start, f.range.end]) {
      assert.ok(p.line >= 0 && p.line < Math.max(lines.length, 1), `line ${p.line} outside the text (${f.ruleId})`);
      assert.ok(p.character >= 0 && p.character <= (lines[p.line] ?? '').length, `character ${p.character} outside line ${p.line} (${f.ruleId})`);
    }
  }
}

/** Realistic pieces to mutate: the property test below recombines, truncates and corrupts them. */
const PIECES = [
  'FROM python:3.11-slim', 'FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312 AS base', 'FROM base',
  'ARG REGION=us-east-1', 'FROM ${BASE}', 'RUN pip install --no-cache-dir sagemaker-training "numpy<2" && \\\n    chmod +x /opt/program/train',
  'RUN apt-get update && apt-get install -y openjdk-17-jre-headless nginx', 'ENV PATH="/opt/program:${PATH}" PYTHONUNBUFFERED=TRUE',
  'ENV SAGEMAKER_PROGRAM train.py', 'COPY train serve /opt/program/', 'COPY --chmod=755 entry.sh /usr/local/bin/', 'WORKDIR /opt/program',
  'ENTRYPOINT ["python3", "/opt/program/entry.py"]', 'ENTRYPOINT python3 serve.py', 'CMD ["serve"]', 'USER 1000:100',
  'LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true', 'EXPOSE 8080', 'VOLUME /opt/ml/model', 'RUN <<EOF\npip install x\nEOF',
  '# smlint ignore=entrypoint-shell-form', '# smlint mode=train,serve', '# escape=`',
];

describe('engine properties (fast-check)', () => {
  const file = fc.tuple(
    fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }),
    fc.constantFrom('\n', '\r\n'),
    fc.array(fc.tuple(fc.nat(), fc.constantFrom('', '"', '[', '\\', '`', '$', '{', '\n', ' ', '\uFEFF', '\u0000', '<<')), { maxLength: 4 }),
  ).map(([pieces, eol, corruptions]) => {
    let text = pieces.join('\n').replace(/\n/g, eol) + eol;
    for (const [at, insert] of corruptions) {
      const i = at % (text.length + 1);
      text = text.slice(0, i) + insert + text.slice(i);
    }
    return text;
  });

  it('never throws, keeps ranges inside the text, and its fixes are idempotent', () => {
    fc.assert(fc.property(file, fc.constantFrom<undefined | ('train' | 'serve' | 'processing' | 'studio')[]>(undefined, ['train'], ['serve'], ['processing'], ['studio']), (text, modes) => {
      const result = lint(text, { modes });
      assertRangesInside(text, result.findings);
      assert.deepStrictEqual(result.findings.filter((f) => f.ruleId === ENGINE_IDS.internal).map((f) => f.message), []);
      const fixes = result.findings.flatMap((f) => f.fix?.edits ?? []);
      if (fixes.length) {
        const fixed = applyEdits(text, fixes);
        const fixedRules = new Set(result.findings.filter((f) => f.fix).map((f) => f.ruleId));
        const again = lint(fixed, { modes }).findings.filter((f) => fixedRules.has(f.ruleId) && f.fix);
        assert.deepStrictEqual(again.map((f) => f.ruleId), [], 'a fixed file reports the fixed rule again');
      }
    }), { numRuns: 300 });
  });

  it('fills message placeholders, and leaves visible what it cannot fill', () => {
    assert.equal(formatMessage('{a} and {b}, {a}', { a: 'x', b: 2 }), 'x and 2, x');
    assert.equal(formatMessage('{a} and {missing}', { a: 'x' }), 'x and {missing}');
    assert.equal(formatMessage('{not a key} {{a}} {a', { a: 'x' }), '{not a key} {x} {a');
    assert.equal(formatMessage('{a}', undefined), '{a}');
  });
});
