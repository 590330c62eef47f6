/** The extension manifest agrees with the code: what it contributes exists and is wired up. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

function extensionSources(dir = join(root, 'src', 'extension')): string {
  return readdirSync(dir).map((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? extensionSources(full) : name.endsWith('.ts') ? readFileSync(full, 'utf8') : '';
  }).join('\n');
}

describe('editor: extension manifest', () => {
  it('activates on Dockerfiles only, with no onCommand events that VS Code already implies', () => {
    assert.ok(manifest.activationEvents.includes('onLanguage:dockerfile'));
    assert.deepEqual(manifest.activationEvents.filter((e: string) => e.startsWith('onCommand:') || e === '*'), []);
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
  });

  it('registers every contributed command in src/extension', () => {
    const sources = extensionSources();
    const missing = contributes.commands.map((c: { command: string }) => c.command).filter((id: string) => !sources.includes(`'${id}'`));
    assert.deepEqual(missing, []);
  });

  it('reads every contributed setting, and contributes every setting it reads', () => {
    const declared = Object.keys(contributes.configuration.properties).map((key) => key.replace(/^sagemakerContainers\./, '')).sort();
    const settings = readFileSync(join(root, 'src', 'extension', 'settings.ts'), 'utf8');
    const read = [...new Set([...settings.matchAll(/\.get(?:<[^>]+>)?\('(\w+)'/g)].map((m) => m[1]))].sort();
    assert.deepEqual(read, declared);
  });

  it('points at files that exist and are shipped', () => {
    const shipped = readFileSync(join(root, '.vscodeignore'), 'utf8');
    for (const entry of [manifest.main, manifest.browser]) {
      assert.ok(readFileSync(join(root, 'esbuild.mjs'), 'utf8').includes(`'${entry.replace(/^\.\//, '')}'`), `${entry} is not built by esbuild.mjs`);
      assert.ok(shipped.includes(`!${entry.replace(/^\.\//, '')}`), `${entry} is not shipped by .vscodeignore`);
    }
    const media = contributes.walkthroughs.flatMap((w: { steps: { media: Record<string, unknown> }[] }) => w.steps.map((s) => s.media.image ?? s.media.markdown ?? s.media.svg));
    for (const file of [...media, ...contributes.snippets.map((s: { path: string }) => s.path)]) {
      assert.ok(existsSync(join(root, file)), `${file} is missing`);
    }
  });
});
