import assert from 'node:assert/strict';
import { DockerfileParser, Env, Label } from 'dockerfile-ast';
import fc from 'fast-check';
import { copySteps, installedPackages, landingPath, modeGrantsExecute, chmods, requirementsFiles } from '../../../src/core/lint/commands';
import { Model } from '../../../src/core/lint/model';
import { dockerfile } from '../../helpers/ruleTester';

const model = (text: string, buildArgs: Record<string, string> = {}, stage?: string) =>
  new Model(text, DockerfileParser.parse(text), buildArgs, stage);

describe('stage model', () => {
  const multi = dockerfile`
    ARG REGION=us-east-1
    ARG TAG
    FROM 763104351884.dkr.ecr.\${REGION}.amazonaws.com/pytorch-training:\${TAG} AS base
    ENV A=1 B="two words"
    FROM python:3.11 AS builder
    RUN pip wheel -w /wheels numpy
    FROM base AS final
    ARG REGION
    ENV C=\${A}-\$REGION
  `;

  it('resolves global ARGs in FROM, with --build-arg values winning and unresolved names listed', () => {
    const m = model(multi);
    assert.equal(m.stages[0].resolvedImage, '763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:${TAG}');
    assert.deepStrictEqual(m.stages[0].unresolved, ['TAG']);
    const withArgs = model(multi, { REGION: 'eu-west-1', TAG: '2.8.0-gpu-py312' });
    assert.equal(withArgs.stages[0].resolvedImage, '763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-training:2.8.0-gpu-py312');
    assert.deepStrictEqual(withArgs.stages[0].unresolved, []);
  });

  it('links FROM <stage> lineage and inherits ENV through it; a bare ARG re-imports the global value', () => {
    const m = model(multi);
    assert.equal(m.finalStage?.name, 'final');
    assert.deepStrictEqual(m.lineage().map((s) => s.name), ['base', 'final']);
    assert.equal(m.finalStage?.env.get('B')?.value, 'two words');
    assert.equal(m.finalStage?.env.get('C')?.value, '1-us-east-1');
    assert.equal(m.baseStage()?.name, 'base');
  });

  it('selects a named stage, and says when it does not exist', () => {
    assert.equal(model(multi, {}, 'builder').finalStage?.name, 'builder');
    const missing = model(multi, {}, 'nope');
    assert.equal(missing.missingStage, 'nope');
    assert.equal(missing.finalStage?.name, 'final');
  });

  it('reads exec-form JSON from the text, keeping the spaces dockerfile-ast drops', () => {
    const m = model('FROM python:3.11\nENTRYPOINT ["python3", "-c", "print( 1 )"]\n');
    const ep = m.entrypoint();
    assert.equal(ep?.form, 'exec');
    assert.deepStrictEqual(ep?.words.map((w) => w.value), ['python3', '-c', 'print( 1 )']);
    assert.deepStrictEqual(ep?.words[2].range, { start: { line: 1, character: 29 }, end: { line: 1, character: 41 } });
  });

  it('tokenizes the script of ["sh", "-c", "…"] and shell-form RUN with continuations', () => {
    const m = model('FROM python:3.11\nRUN ["/bin/bash", "-c", "pip install  sagemaker-training && chmod +x /x"]\nRUN apt-get update && \\\n    apt-get install -y openjdk-17-jre-headless\n');
    const runs = m.imageRuns();
    assert.deepStrictEqual(runs[0].commands.map((c) => c.words.map((w) => w.value)), [['pip', 'install', 'sagemaker-training'], ['chmod', '+x', '/x']]);
    assert.deepStrictEqual(runs[1].commands[1].words[3].range, { start: { line: 3, character: 23 }, end: { line: 3, character: 46 } });
  });

  it('tokenizes heredoc scripts but not heredoc stdin of another program', () => {
    const m = model('FROM python:3.11\nRUN <<EOF\nset -e\npip install flask\nEOF\nRUN python3 <<EOF\nimport os\nEOF\n');
    assert.deepStrictEqual(m.imageRuns()[0].commands.map((c) => c.words[0].value), ['set', 'pip']);
    assert.deepStrictEqual(m.imageRuns()[1].commands.map((c) => c.words.map((w) => w.value)), [['python3']]);
    assert.equal(m.imageRuns()[1].heredocs.length, 1);
  });

  // The training and inference toolkits' test images and the SparkML serving container install
  // with `${PIP} install …` after `ARG PIP=pip3`.
  it('runs the program a RUN names through the stage\'s ARG or ENV, and leaves unknown names as written', () => {
    const m = model('ARG GLOBAL=pip3\nFROM ubuntu:20.04\nARG PIP=pip3\nENV PY=python3.8\nRUN ${PIP} install --no-cache-dir /sagemaker_training.tar.gz\nRUN $PY -m pip install flask && $NOPE x && ${GLOBAL} install y\n');
    assert.deepStrictEqual(m.imageRuns().map((r) => r.commands.map((c) => c.words[0].value)), [['pip3'], ['python3.8', '$NOPE', '${GLOBAL}']]);
    assert.deepStrictEqual(m.imageRuns()[0].commands[0].words[0].range, { start: { line: 4, character: 4 }, end: { line: 4, character: 10 } });
    assert.deepStrictEqual(installedPackages(m, m.imageRuns()).map((p) => p.name), ['flask']);
  });

  it('drops an inherited CMD when a later stage sets ENTRYPOINT, as Docker does', () => {
    const m = model('FROM python:3.11 AS a\nCMD ["serve"]\nFROM a\nENTRYPOINT ["python3", "/e.py"]\n');
    assert.equal(m.cmd(), undefined);
    assert.equal(model('FROM python:3.11 AS a\nCMD ["serve"]\nFROM a\n').cmd()?.words[0].value, 'serve');
  });

  it('reads labels over the lineage', () => {
    const m = model('FROM x AS a\nLABEL "com.amazonaws.sagemaker.capabilities.multi-models"=true\nFROM a\nLABEL b=2\n');
    assert.deepStrictEqual([...m.labels().entries()].map(([k, v]) => [k, v.value]), [['com.amazonaws.sagemaker.capabilities.multi-models', 'true'], ['b', '2']]);
  });
});

describe('command queries', () => {
  it('finds pip, python -m pip, uv, conda and apt installs with specifiers and extras', () => {
    const m = model(dockerfile`
      FROM python:3.11
      RUN pip3 install --no-cache-dir -i https://x/simple "sagemaker-training<5" Flask_Cors==4.0 -r requirements.txt
      RUN python3 -m pip install -U 'sagemaker-huggingface-inference-toolkit[mms]'
      RUN uv pip install --system multi-model-server && conda install -y -c conda-forge numpy=1.26
      RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless nginx
    `);
    const found = installedPackages(m, m.imageRuns()).map((p) => `${p.manager}:${p.name}${p.extras.length ? `[${p.extras}]` : ''}${p.specifier}`);
    assert.deepStrictEqual(found, [
      'pip:sagemaker-training<5', 'pip:flask-cors==4.0', 'pip:sagemaker-huggingface-inference-toolkit[mms]',
      'pip:multi-model-server', 'conda:numpy==1.26', 'apt:openjdk-17-jre-headless', 'apt:nginx',
    ]);
    assert.deepStrictEqual(requirementsFiles(m, m.imageRuns()).map((r) => r.path), ['requirements.txt']);
  });

  it('resolves COPY destinations against WORKDIR and finds where each source lands', () => {
    const m = model('FROM python:3.11\nWORKDIR /opt/program\nCOPY train serve ./\nCOPY --chmod=755 predictor.py .\nCOPY nginx.conf /etc/nginx/nginx.conf\n');
    const steps = copySteps(m);
    assert.deepStrictEqual(steps.map((s) => s.destination), ['/opt/program/', '/opt/program/', '/etc/nginx/nginx.conf']);
    assert.equal(landingPath(steps[0], 'train'), '/opt/program/train');
    assert.equal(steps[1].chmod, '755');
    assert.equal(landingPath(steps[2], 'nginx.conf'), '/etc/nginx/nginx.conf');
  });

  it('understands chmod modes', () => {
    const m = model('FROM x\nRUN chmod -R +x /opt/program && chmod 644 /a && chmod u+x,g+r /b\n');
    assert.deepStrictEqual(chmods(m.imageRuns()).map((c) => [c.mode, c.recursive, c.paths.map((p) => p.value)]), [['+x', true, ['/opt/program']], ['644', false, ['/a']], ['u+x,g+r', false, ['/b']]]);
    assert.deepStrictEqual(['755', '644', '0700', '+x', 'u+x', 'a=rwx', 'g-x', '600'].map(modeGrantsExecute), [true, false, true, true, true, true, false, false]);
  });
});

describe('FROM reading', () => {
  /** What dockerfile-ast's own accessors say, which the model's reading of plain FROM lines must equal. */
  function parserParts(text: string) {
    return DockerfileParser.parse(text).getFROMs().map((from) => {
      const flag = from.getPlatformFlag();
      return {
        image: from.getImage() ?? '', imageRange: from.getImageRange() ?? undefined, name: from.getBuildStage()?.toLowerCase(),
        platformFlag: flag ? { valueRange: flag.getValueRange() ?? undefined } : undefined,
      };
    });
  }
  const modelParts = (text: string) => model(text).stages.map((s) => ({ image: s.image, imageRange: s.imageRange, name: s.name, platformFlag: s.platformFlag }));

  it('reads image, stage name and --platform exactly as dockerfile-ast does', () => {
    const word = fc.constantFrom('--platform=linux/amd64', '--platform=$BUILDPLATFORM', '--platform', '--platform=', '--x=1', 'a--b',
      'python:3.11', '${BASE}', 'img@sha256:abc', 'AS', 'as', 'builder', '"quoted"', 'back\\slash', '\t', '  ', 'reg:5000/a/b:1');
    fc.assert(fc.property(fc.array(word, { maxLength: 6 }), fc.constantFrom('FROM ', 'from ', 'FROM\t', 'FROM \\\n  '), (words, keyword) => {
      const text = `${keyword}${words.join(' ')}\nRUN x\n`;
      assert.deepStrictEqual(modelParts(text), parserParts(text));
    }), { numRuns: 5000 });
  });
});

describe('ENV and LABEL reading', () => {
  const shape = (p: { getName(): string; getNameRange(): unknown; getValue(): string | null; getValueRange(): unknown; getRange(): unknown }) =>
    ({ name: p.getName(), nameRange: p.getNameRange(), value: p.getValue(), valueRange: p.getValueRange(), range: p.getRange() });

  it('reads key/value pairs exactly as dockerfile-ast does', () => {
    const word = fc.constantFrom('A=1', 'PATH=/opt/program:$PATH', 'B=', '=x', 'C', 'x=y=z', 'value', 'two words', '"quoted"', "k='v'",
      'a\\ b', 'com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true', '\t', '  ', '${X}', 'PATH="/opt/program:${PATH}"',
      '"com.amazonaws.sagemaker.capabilities.multi-models"=true', 'K="v w"', 'A="x', '"', '""', 'A=""', '"k"="v"', 'x"y"', "'s'");
    fc.assert(fc.property(fc.constantFrom('ENV', 'LABEL', 'env'), fc.array(word, { minLength: 1, maxLength: 5 }), fc.constantFrom(' ', '\t', ' \\\n  '), (keyword, words, gap) => {
      const text = `FROM x\n${keyword}${gap}${words.join(' ')}\nRUN y\n`;
      const m = model(text);
      const instruction = m.stages[0].instructions[0] as Env | Label;
      assert.deepStrictEqual(m.properties(instruction).map(shape), instruction.getProperties().map(shape), text);
    }), { numRuns: 5000 });
  });
});

describe('variable substitution', () => {
  /** The rule as a regular expression: what the model's scanner must agree with on any text. */
  function substituteByPattern(value: string, lookup: (name: string) => string | undefined) {
    const unresolved: string[] = [];
    const result = value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
      (whole, braced: string | undefined, op: string | undefined, operand: string | undefined, bare: string | undefined) => {
        const name = (braced ?? bare) as string;
        const found = lookup(name);
        const set = found !== undefined && (found !== '' || !op?.startsWith(':'));
        if (op?.endsWith('-')) return set ? (found as string) : (operand ?? '');
        if (op?.endsWith('+')) return set ? (operand ?? '') : '';
        if (found === undefined) { unresolved.push(name); return whole; }
        return found;
      });
    return { value: result, unresolved };
  }

  it('expands $X, ${X}, ${X:-d}, ${X-d}, ${X:+a} and ${X+a} and lists what it cannot resolve', () => {
    const m = model('FROM x\n');
    const values: Record<string, string> = { A: 'a', EMPTY: '', NESTED: '${A}' };
    const lookup = (name: string) => (Object.hasOwn(values, name) ? values[name] : undefined);
    assert.deepStrictEqual(m.substitute('${A}/$A:${EMPTY:-d}${EMPTY-d}${A:+x}${MISSING}', lookup), { value: 'a/a:dx${MISSING}', unresolved: ['MISSING'] });
    const piece = fc.constantFrom('$', '{', '}', ':', '-', '+', '?', 'A', 'EMPTY', 'NESTED', 'MISSING', '_', '9', ' ', '$A', '${', '${A', '${EMPTY:-', '${MISSING+');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }).map((p) => p.join('')), (text) => {
      assert.deepStrictEqual(m.substitute(text, lookup), substituteByPattern(text, lookup));
    }), { numRuns: 5000 });
  });
});
