#!/usr/bin/env node
// Generates src/core/catalog/data.ts from the SageMaker Python SDK's image_uri_config JSON files
// (copied into ../shared/sagemaker-image-uris). The extension ships the generated module and never
// reads the JSON at run time.
//
//   node scripts/gen-catalog.mjs [sourceDir] [outFile]
//
// The output keeps the SDK's structure (see src/core/catalog/schema.ts) so the URI code can follow
// image_uris.py step by step; it only interns the region → account maps and repository names, which
// the SDK repeats in every version entry. Unknown JSON keys stop the generator: a new SDK field must
// be looked at, not silently dropped.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = resolve(process.argv[2] ?? join(repoRoot, '..', 'shared', 'sagemaker-image-uris'));
const outFile = resolve(process.argv[3] ?? join(repoRoot, 'src', 'core', 'catalog', 'data.ts'));

// Not an image catalog (region → instance type → GPU count); nothing in the catalog API needs it.
const SKIPPED = new Set(['instance_gpu_info.json']);
const SCOPES = ['training', 'inference', 'inference_graviton', 'eia'];
const ENTRY_KEYS = new Set(['repository', 'registries', 'py_versions', 'processors', 'container_version', 'tag_prefix']);

const files = readdirSync(sourceDir).filter((f) => f.endsWith('.json') && !SKIPPED.has(f)).sort();
if (files.length === 0) throw new Error(`no catalog JSON in ${sourceDir}`);

// Sorted by family name (not file name, where `huggingface-llm.json` < `huggingface.json`).
const sources = files.map((f) => ({ name: f.slice(0, -'.json'.length), text: readFileSync(join(sourceDir, f), 'utf8') }))
  .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
const parsed = sources.map((s) => ({ name: s.name, json: JSON.parse(s.text) }));

// Regions, accounts and repositories are sorted so that adding one SDK version changes few lines.
const regions = new Set();
const accounts = new Set();
const repositories = new Set();
visitEntries(parsed, (e) => {
  repositories.add(e.repository);
  for (const [region, account] of Object.entries(e.registries)) {
    regions.add(region);
    accounts.add(account);
  }
});
const regionList = [...regions].sort();
const accountList = [...accounts].sort();
const repositoryList = [...repositories].sort();
const accountIndex = new Map(accountList.map((a, i) => [a, i]));
const repositoryIndex = new Map(repositoryList.map((r, i) => [r, i]));

const registryRows = [];
const registryIndex = new Map();
function internRegistries(map) {
  const row = regionList.map((r) => (r in map ? accountIndex.get(map[r]) + 1 : 0));
  const key = row.join(',');
  if (!registryIndex.has(key)) {
    registryIndex.set(key, registryRows.length);
    registryRows.push(row);
  }
  return registryIndex.get(key);
}

const families = parsed.map(({ name, json }) => [name, convertFamily(name, json)]);
const output = render();
writeFileSync(outFile, output);
process.stdout.write(`wrote ${relative(process.cwd(), outFile)}: ${Buffer.byteLength(output)} bytes from ${files.length} files\n`);

function fail(where, message) {
  throw new Error(`${where}: ${message}`);
}

function isEntry(x) {
  return x !== null && typeof x === 'object' && 'repository' in x;
}

/** Calls `fn` for every SDK version entry, however deeply it is nested. */
function visitEntries(list, fn) {
  const walk = (x) => {
    if (x === null || typeof x !== 'object') return;
    if (isEntry(x)) fn(x);
    else for (const v of Object.values(x)) walk(v);
  };
  for (const { json } of list) walk(json);
}

function convertFamily(name, json) {
  const keys = Object.keys(json);
  if ('versions' in json) {
    const extra = keys.filter((k) => !['versions', 'version_aliases', 'processors', 'scope'].includes(k));
    if (extra.length) fail(name, `unexpected keys ${extra.join(', ')}`);
    const family = { u: convertBlock(name, json) };
    if (json.scope) family.s = json.scope.map((s) => checkScope(name, s));
    return family;
  }
  const b = {};
  for (const scope of keys) b[checkScope(name, scope)] = convertBlock(`${name}/${scope}`, json[scope]);
  return { b };
}

function checkScope(where, scope) {
  if (!SCOPES.includes(scope)) fail(where, `unknown scope ${scope}`);
  return scope;
}

function convertBlock(where, block) {
  const out = {};
  if (block.processors) out.p = block.processors;
  if (block.version_aliases) out.a = block.version_aliases;
  out.v = {};
  for (const [version, value] of Object.entries(block.versions)) {
    out.v[version] = convertVersion(`${where}@${version}`, value);
  }
  checkAliases(where, out.a, out.v);
  return out;
}

// The catalog code follows aliases without checking; a dangling one must stop the generator instead.
function checkAliases(where, aliases, targets) {
  for (const [alias, target] of Object.entries(aliases ?? {})) {
    if (!Object.hasOwn(targets, target)) fail(where, `alias ${alias} points at missing ${target}`);
  }
}

function convertVersion(where, value) {
  if (isEntry(value)) return convertEntry(where, value);
  const keys = Object.keys(value);
  // Legacy entries keyed by Python version (TF 1.13.1, MXNet 1.4.1).
  if (keys.length > 0 && keys.every((k) => /^py\d+$/.test(k))) {
    const y = {};
    for (const k of keys) y[k] = convertEntry(`${where}/${k}`, value[k]);
    return { y };
  }
  // Hugging Face: optional version_aliases plus one entry per base framework.
  const f = {};
  for (const k of keys) {
    if (k === 'version_aliases') continue;
    if (!/^(pytorch|tensorflow)\d/.test(k) || !isEntry(value[k])) fail(where, `unexpected key ${k}`);
    f[k] = convertEntry(`${where}/${k}`, value[k]);
  }
  checkAliases(where, value.version_aliases, f);
  return value.version_aliases ? { a: value.version_aliases, f } : { f };
}

function convertEntry(where, e) {
  const extra = Object.keys(e).filter((k) => !ENTRY_KEYS.has(k));
  if (extra.length) fail(where, `unexpected keys ${extra.join(', ')}`);
  const out = { r: repositoryIndex.get(e.repository), g: internRegistries(e.registries) };
  if (e.py_versions?.length) out.py = e.py_versions;
  if (e.processors) out.p = e.processors;
  if (e.container_version) out.cv = e.container_version;
  if (e.tag_prefix) out.t = e.tag_prefix;
  return out;
}

/** A compact JS literal: JSON with identifier keys unquoted and strings in single quotes. */
function lit(value) {
  if (Array.isArray(value)) return `[${value.map(lit).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    return `{ ${Object.entries(value).map(([k, v]) => `${key(k)}: ${lit(v)}`).join(', ')} }`;
  }
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  return JSON.stringify(value);
}

function key(k) {
  return /^[A-Za-z_$][\w$]*$/.test(k) ? k : lit(k);
}

/** Wraps a long list of literals at about 110 columns. */
function wrapped(items, indent) {
  const lines = [];
  let line = '';
  for (const item of items.map(lit)) {
    if (line && line.length + item.length + 2 > 110 - indent.length) {
      lines.push(`${indent}${line}`);
      line = '';
    }
    line += `${item}, `;
  }
  if (line) lines.push(`${indent}${line}`);
  return lines.map((l) => l.trimEnd()).join('\n');
}

function renderBlock(block, indent) {
  const head = [];
  if (block.p) head.push(`p: ${lit(block.p)}`);
  if (block.a) head.push(`a: ${lit(block.a)}`);
  const versions = Object.entries(block.v).map(([v, e]) => `${indent}  ${lit(v)}: ${lit(e)},`);
  return `{ ${head.map((h) => `${h}, `).join('')}v: {\n${versions.join('\n')}\n${indent}} }`;
}

function renderFamily(family) {
  if (family.b) {
    const scopes = Object.entries(family.b).map(([s, block]) => `      ${s}: ${renderBlock(block, '      ')},`);
    return `{ b: {\n${scopes.join('\n')}\n    } }`;
  }
  const s = family.s ? `s: ${lit(family.s)}, ` : '';
  return `{ ${s}u: ${renderBlock(family.u, '    ')} }`;
}

function render() {
  const hash = createHash('sha256');
  for (const s of sources) hash.update(`${s.name}\0${s.text}\0`);
  const from = relative(repoRoot, sourceDir).split('\\').join('/');
  return [
    `// GENERATED by scripts/gen-catalog.mjs from ${from}/*.json`,
    `// (${sources.length} files, sha256 ${hash.digest('hex')}).`,
    '// Do not edit by hand: update the JSON and run `npm run gen:catalog`.',
    `// Left out: ${[...SKIPPED].join(', ')} (not an image catalog).`,
    "import type { RawCatalog } from './schema';",
    '',
    'export const CATALOG: RawCatalog = {',
    `  regions: [\n${wrapped(regionList, '    ')}\n  ],`,
    `  accounts: [\n${wrapped(accountList, '    ')}\n  ],`,
    `  registries: [\n${registryRows.map((row) => `    ${lit(row)},`).join('\n')}\n  ],`,
    `  repositories: [\n${wrapped(repositoryList, '    ')}\n  ],`,
    '  families: {',
    ...families.map(([name, family]) => `    ${lit(name)}: ${renderFamily(family)},`),
    '  },',
    '};',
    '',
  ].join('\n');
}
