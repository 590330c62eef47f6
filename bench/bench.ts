/**
 * `npm run bench`: per-file medians of dockerfile-ast's parse (the floor), our lint with every
 * rule on, and dockerfile-utils' validate() (the validator inside the Docker extension), with the
 * ratio of each to the floor. Goal: lint ≤ 1.5× parse. One process, warm-up first.
 *
 * The script runs bundled by esbuild, as dist/cli.js and dist/extension.js ship our code: the
 * per-file transpile of the test loader turns every call between modules into a property getter,
 * which is not what users run. dockerfile-ast and dockerfile-utils stay external, loaded from
 * node_modules as published, so the floor and the peer are the stock packages.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { lint } from '../src/core/lint/engine';
import { allRules } from '../src/core/lint/rules';

const root = join(__dirname, '..', '..');
const GOAL = 1.5;

function realisticFiles(): [string, string][] {
  const files: [string, string][] = [];
  for (const dir of ['test/fixtures/aws-samples', 'test/fixtures/real-world', 'examples']) {
    let names: string[] = [];
    try { names = readdirSync(join(root, dir)); } catch { continue; }
    for (const name of names) {
      const path = join(root, dir, name, 'Dockerfile');
      try { if (statSync(path).isFile()) files.push([`${dir}/${name}`, readFileSync(path, 'utf8')]); } catch { /* not a sample folder */ }
    }
  }
  return files;
}

/** A long but realistic file: many stages of installs, copies and env, as generated images have. */
function generated(lines: number): string {
  const block = [
    'FROM 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312 AS stage{n}',
    'ARG REGION=us-east-1',
    'ENV PYTHONUNBUFFERED=1 PATH="/opt/program:${PATH}"',
    'RUN apt-get update && apt-get install -y --no-install-recommends nginx openjdk-17-jre-headless \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'RUN pip install --no-cache-dir "numpy<2" pandas scikit-learn sagemaker-training flask gunicorn',
    'COPY train serve /opt/program/',
    'RUN chmod +x /opt/program/train /opt/program/serve',
    'WORKDIR /opt/program',
    'LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true',
  ];
  const out: string[] = [];
  for (let n = 0; out.length < lines; n++) out.push(...block.map((l) => l.replace('{n}', String(n))));
  return out.slice(0, lines).join('\n') + '\nENTRYPOINT ["python3", "/opt/program/entry.py"]\n';
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The median time of one call of each function. Calls are taken in short runs of one function at
 * a time, rotating (parse, lint, validate, parse, …), so that each run is warm, as a loop of calls
 * is, and the machine's drift reaches all three alike. (The best run, as timeit reports, would
 * flatter lint: a minimum over runs is lower for the function whose runs vary more.)
 */
function timeInRotation(fns: (() => void)[], iterations: number, runs = 8): number[] {
  const runLength = Math.max(1, Math.floor(iterations / runs));
  const samples: number[][] = fns.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (let f = 0; f < fns.length; f++) {
      for (let i = 0; i < runLength; i++) {
        const start = process.hrtime.bigint();
        fns[f]();
        samples[f].push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
  }
  return samples.map(median);
}

const cases: [string, string][] = [...realisticFiles(), ['generated 500 lines', generated(500)], ['generated 10,000 lines', generated(10_000)]];
console.log(`${allRules.length} rules, ${cases.length} files\n`);
console.log('file'.padEnd(44) + 'parse ms'.padStart(10) + 'lint ms'.padStart(10) + 'lint×'.padStart(8) + 'validate ms'.padStart(13) + 'validate×'.padStart(11));

// V8 optimizes for the shapes it has seen: warming up on every file first measures the steady
// state an editor relints in, not the first file's share of JIT compilation.
for (let round = 0; round < 300; round++) {
  for (const [, text] of cases) if (text.length < 100_000) { DockerfileParser.parse(text); lint(text); validate(text); }
}
const lintRatios: number[] = [];
const validateRatios: number[] = [];
for (const [name, text] of cases) {
  const iterations = text.length > 100_000 ? 15 : text.length > 10_000 ? 60 : 400;
  const [parse, ours, peer] = timeInRotation([() => DockerfileParser.parse(text), () => lint(text), () => validate(text)], iterations);
  lintRatios.push(ours / parse);
  validateRatios.push(peer / parse);
  console.log(name.padEnd(44) + parse.toFixed(3).padStart(10) + ours.toFixed(3).padStart(10) + (ours / parse).toFixed(2).padStart(8)
    + peer.toFixed(3).padStart(13) + (peer / parse).toFixed(2).padStart(11));
}
const lintMedian = median(lintRatios);
console.log(`\nmedian ratio to parse: lint ${lintMedian.toFixed(2)}× (goal ≤ ${GOAL}×), dockerfile-utils validate ${median(validateRatios).toFixed(2)}×`);
if (lintMedian > GOAL) process.exitCode = 1;
