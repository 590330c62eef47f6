import { basePythonVersion, commandPythonVersion } from '../queries/python';
import { pythonInstalls } from '../queries/toolkits';
import { baseInfo } from '../queries/baseImage';
import { defineRule } from '../types';

/** The 5.x releases to test a specifier against: the first, a current one, and a later one. */
const FIVE = [[5, 0, 0], [5, 1, 1], [5, 99, 0]];

export const pythonTooOldForToolkit = defineRule({
  meta: {
    id: 'python-too-old-for-toolkit',
    severity: 'warning',
    basis: 'code',
    modes: ['train'],
    summary: 'sagemaker-training 5.x needs Python 3.8 or later: on an older Python, pin sagemaker-training<5.',
    source: ['TT:CHANGELOG.md', 'TT:setup.py'],
    messages: {
      oldPython: 'sagemaker-training 5.x needs Python 3.8 or later (it requires protobuf 5.28), but {origin} runs Python {version}, and this install allows 5.x: it fails with an older pip, or quietly resolves to an old release. Pin "sagemaker-training<5", or use a newer Python.',
    },
  },
  check(ctx) {
    const { model, buildContext } = ctx;
    const onSageMakerBase = baseInfo(model).kind === 'sagemaker';
    for (const pkg of pythonInstalls(model, buildContext).packages) {
      if (pkg.name !== 'sagemaker-training' || !allowsFive(pkg.specifier)) continue;
      // A SageMaker image already has the toolkit: an unpinned install keeps it unless it upgrades.
      if (onSageMakerBase && !pkg.upgrade && pkg.specifier === '') continue;
      const named = commandPythonVersion(pkg.command);
      const python = named ? { ...named, origin: pkg.command.words[0].value } : basePythonVersion(model);
      if (!python || python.major > 3 || (python.major === 3 && python.minor >= 8)) continue;
      const run = pkg.file === undefined ? model.imageRuns().find((r) => r.instruction === pkg.instruction) : undefined;
      const name = pkg.word.value.replace(/[[<>=!~;].*$/, '');
      ctx.report({
        messageId: 'oldPython',
        range: pkg.word.range,
        data: { origin: python.origin, version: `${python.major}.${python.minor}` },
        suggestions: run && !model.jsonArray(run.instruction) && pkg.specifier === '' && pkg.extras.length === 0
          ? [{ title: `Pin "${name}<5"`, edits: [{ range: pkg.word.range, newText: `"${name}<5"` }] }]
          : undefined,
      });
    }
  },
});

/** True when a pip version specifier (`''`, `>=4`, `==5.*`, `<5`, `~=4.8`) admits some 5.x release. */
function allowsFive(specifier: string): boolean {
  const clauses = specifier.split(',').map((c) => c.trim()).filter(Boolean);
  return FIVE.some((candidate) => clauses.every((clause) => satisfies(candidate, clause)));
}

function satisfies(version: number[], clause: string): boolean {
  const m = /^(===|==|!=|~=|<=|>=|<|>)\s*(.+)$/.exec(clause);
  if (!m) return true;
  const [, op, raw] = m;
  if (raw.endsWith('.*')) {
    const prefix = raw.slice(0, -2).split('.').map(Number);
    const matches = prefix.every((p, i) => version[i] === p);
    return op === '!=' ? !matches : matches;
  }
  const target = raw.split('.').map((p) => Number.parseInt(p, 10)).map((n) => (Number.isNaN(n) ? 0 : n));
  const cmp = compare(version, target);
  switch (op) {
    case '==': case '===': return cmp === 0;
    case '!=': return cmp !== 0;
    case '<': return cmp < 0;
    case '<=': return cmp <= 0;
    case '>': return cmp > 0;
    case '>=': return cmp >= 0;
    case '~=': {
      // ~=4.8 means >=4.8, ==4.*; ~=4.8.1 means >=4.8.1, ==4.8.*
      const fixed = target.slice(0, Math.max(1, target.length - 1));
      return cmp >= 0 && fixed.every((p, i) => version[i] === p);
    }
    default: return true;
  }
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
