import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CATALOG } from '../../../src/core/catalog/data';
import type { RawBlock, RawEntry, RawFamily, RawVersion } from '../../../src/core/catalog/schema';

const repoRoot = resolve(__dirname, '../../..');
const source = resolve(repoRoot, '../shared/sagemaker-image-uris');
const committed = join(repoRoot, 'src/core/catalog/data.ts');

type Json = Record<string, unknown>;
const mapValues = <T, U>(o: Record<string, T>, f: (v: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));

// Turns the compact catalog back into the SDK's JSON shape.
function decodeEntry(e: RawEntry): Json {
  const row = CATALOG.registries[e.g];
  const registries = Object.fromEntries(CATALOG.regions.flatMap((r, i) => (row[i] ? [[r, CATALOG.accounts[row[i] - 1]]] : [])));
  return {
    repository: CATALOG.repositories[e.r], registries,
    ...(e.py && { py_versions: e.py }), ...(e.p && { processors: e.p }), ...(e.cv && { container_version: e.cv }), ...(e.t && { tag_prefix: e.t }),
  };
}
function decodeVersion(v: RawVersion): Json {
  if ('f' in v) return { ...(v.a && { version_aliases: v.a }), ...mapValues(v.f, decodeEntry) };
  if ('y' in v) return mapValues(v.y, decodeEntry);
  return decodeEntry(v);
}
function decodeBlock(b: RawBlock): Json {
  return { ...(b.p && { processors: b.p }), ...(b.a && { version_aliases: b.a }), versions: mapValues(b.v, decodeVersion) };
}
function decodeFamily(f: RawFamily): Json {
  return f.u ? { ...(f.s && { scope: f.s }), ...decodeBlock(f.u) } : mapValues(f.b ?? {}, (b) => decodeBlock(b as RawBlock));
}
/** The generator drops empty `py_versions`, which the SDK treats like a missing one. */
function withoutEmptyPy(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(withoutEmptyPy);
  if (x === null || typeof x !== 'object') return x;
  return Object.fromEntries(Object.entries(x)
    .filter(([k, v]) => !(k === 'py_versions' && Array.isArray(v) && v.length === 0))
    .map(([k, v]) => [k, withoutEmptyPy(v)]));
}

describe('catalog: generated data', () => {
  it('stays well under the 150 KB budget', () => {
    assert.ok(statSync(committed).size < 60_000, `data.ts is ${statSync(committed).size} bytes`);
  });

  describe('against the shared SDK JSON', function () {
    before(function () {
      if (!existsSync(source)) this.skip();
    });

    it('holds exactly what the JSON holds', () => {
      const files = readdirSync(source).filter((f) => f.endsWith('.json') && f !== 'instance_gpu_info.json').sort();
      assert.deepEqual(Object.keys(CATALOG.families).sort(), files.map((f) => f.slice(0, -5)).sort());
      for (const f of files) {
        const json = JSON.parse(readFileSync(join(source, f), 'utf8'));
        assert.deepEqual(decodeFamily(CATALOG.families[f.slice(0, -5)]), withoutEmptyPy(json), f);
      }
    });

    it('is what the generator writes now, byte for byte, every time', () => {
      const dir = mkdtempSync(join(tmpdir(), 'gen-catalog-'));
      try {
        const run = (out: string) => execFileSync(process.execPath, [join(repoRoot, 'scripts/gen-catalog.mjs'), source, out], { stdio: 'pipe' });
        run(join(dir, 'a.ts'));
        run(join(dir, 'b.ts'));
        const a = readFileSync(join(dir, 'a.ts'), 'utf8');
        assert.equal(a, readFileSync(join(dir, 'b.ts'), 'utf8'));
        assert.equal(a, readFileSync(committed, 'utf8'), 'data.ts is stale: run `npm run gen:catalog`');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
