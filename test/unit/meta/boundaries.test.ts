/**
 * The dependency directions of architecture.md §3.2, checked by machine (hexeditor's lesson: a
 * boundary nobody checks will leak). The esbuild browser build of src/core/index.ts is the second
 * guard; this one names the offending file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(__dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourceFiles(full) : name.endsWith('.ts') ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

const RULES: { folder: string; allowed: (spec: string, file: string) => boolean; why: string }[] = [
  {
    folder: 'src/core',
    allowed: (spec, file) => spec === 'dockerfile-ast' || spec === 'yaml' || (spec.startsWith('.') && relative(join(root, 'src/core'), join(file, '..', spec)).split('/')[0] !== '..'),
    why: 'src/core imports only dockerfile-ast, yaml and itself (no vscode, node:*, or other src folders)',
  },
  {
    folder: 'src/protocol',
    allowed: (spec) => spec.startsWith('.'),
    why: 'src/protocol holds shared types only',
  },
  {
    folder: 'src/cli',
    allowed: (spec) => spec !== 'vscode' && !spec.includes('/extension') && !spec.includes('/webview'),
    why: 'src/cli never imports vscode, the extension or the webview',
  },
  {
    folder: 'src/webview',
    allowed: (spec) => spec.startsWith('.') && !spec.includes('/core/') && !spec.includes('/extension') || spec.includes('/protocol/'),
    why: 'src/webview talks to the host only through src/protocol',
  },
];

describe('import boundaries', () => {
  for (const rule of RULES) {
    it(rule.why, () => {
      let files: string[] = [];
      try { files = sourceFiles(join(root, rule.folder)); } catch { return; }
      const offences = files.flatMap((file) => importsOf(file).filter((spec) => !rule.allowed(spec, file)).map((spec) => `${relative(root, file)} imports ${spec}`));
      assert.deepStrictEqual(offences, []);
    });
  }

  it('the scanner sees imports (so the checks above can fail)', () => {
    const file = join(root, 'src/core/lint/engine.ts');
    assert.ok(importsOf(file).includes('dockerfile-ast'));
  });
});
