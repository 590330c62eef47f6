/**
 * The snippets of snippets/dockerfile.json as the text they insert with every placeholder at its
 * default, and the Dockerfile each one is checked in. Shared by the unit test and the in-host test.
 */
import type { DeploymentTarget, Mode } from '../../src/core';
// Imported rather than read, so the in-host suite carries it in its bundle.
import contributed from '../../snippets/dockerfile.json';

export interface Snippet {
  name: string;
  prefix: string;
  description: string;
  body: string;
}

export function readSnippets(): Snippet[] {
  const raw: Record<string, { prefix: string; description: string; body: string | string[] }> = contributed;
  return Object.entries(raw).map(([name, s]) => ({ name, prefix: s.prefix, description: s.description, body: Array.isArray(s.body) ? s.body.join('\n') : s.body }));
}

/**
 * The text a snippet inserts when every placeholder keeps its default: `${1:x}` → x (nested too),
 * `${1|a,b|}` → a, `$1`/`$0` → nothing, `\$` → $. Variables such as `$TM_FILENAME` are not used by
 * our snippets, so meeting one is an error rather than a guess.
 */
export function expandSnippet(body: string): string {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '\\' && i + 1 < body.length && '$}\\'.includes(body[i + 1])) {
      out += body[++i];
    } else if (c === '$' && /\d/.test(body[i + 1] ?? '')) {
      while (/\d/.test(body[i + 1] ?? '')) i++;
    } else if (c === '$' && body[i + 1] === '{') {
      const close = matchingBrace(body, i + 1);
      const inner = body.slice(i + 2, close);
      const placeholder = /^\d+:([\s\S]*)$/.exec(inner);
      const choice = /^\d+\|([^,|]*)/.exec(inner);
      if (placeholder) out += expandSnippet(placeholder[1]);
      else if (choice) out += choice[1];
      else if (!/^\d+$/.test(inner)) throw new Error(`snippet variable \${${inner}} is not supported`);
      i = close;
    } else if (c === '$' && /[A-Za-z_]/.test(body[i + 1] ?? '')) {
      throw new Error(`snippet variable at "${body.slice(i, i + 20)}" is not supported`);
    } else {
      out += c;
    }
  }
  return out;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '\\') { i++; continue; }
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  throw new Error(`unbalanced braces in snippet: ${text}`);
}

export interface SnippetCase {
  /** the modes the snippet is for; the file is linted in exactly these */
  modes: Mode[];
  target?: DeploymentTarget;
  /**
   * The Dockerfile a fragment is checked in, with `{}` where the snippet goes; whole-file
   * snippets have none.
   */
  host?: string;
}

const TRAIN_HOST = 'FROM --platform=linux/amd64 python:3.12-slim\nRUN pip install --no-cache-dir sagemaker-training\n{}\nCOPY train.py /opt/ml/code/train.py\nENV SAGEMAKER_PROGRAM=train.py\n';
const SERVE_HOST = 'FROM --platform=linux/amd64 763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.6.0-cpu-py312\n{}\n';

/** Keyed by prefix. The unit test fails when a snippet has no case, so a new snippet gets one. */
export const SNIPPET_CASES: Readonly<Record<string, SnippetCase>> = {
  'sm-extend-training-dlc': { modes: ['train'] },
  'sm-extend-inference-dlc': { modes: ['serve'] },
  'sm-adapt-training-toolkit': { modes: ['train'] },
  'sm-adapt-inference-toolkit': { modes: ['serve'] },
  'sm-byo-train-serve': { modes: ['train', 'serve'] },
  'sm-label-multi-models': { modes: ['serve'], target: 'multi-model', host: SERVE_HOST },
  'sm-label-bind-to-port': { modes: ['serve'], target: 'pipeline', host: SERVE_HOST },
  'sm-processing': { modes: ['processing'] },
  'sm-studio': { modes: ['studio'] },
  'sm-python-env': { modes: ['train'], host: TRAIN_HOST },
  'sm-platform-amd64': { modes: ['train'], host: '{}\nRUN pip install --no-cache-dir sagemaker-training\nCOPY train.py /opt/ml/code/train.py\nENV SAGEMAKER_PROGRAM=train.py\n' },
};

/** The whole Dockerfile a snippet case is linted as. */
export function snippetDocument(snippet: Snippet): string {
  const [before, after] = (SNIPPET_CASES[snippet.prefix]?.host ?? '{}').split('{}');
  return before + expandSnippet(snippet.body) + after;
}
