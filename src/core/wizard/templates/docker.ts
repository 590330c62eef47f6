/**
 * The Dockerfiles of paths 3–5. Each starts with a `# smlint mode=` pragma naming the jobs that start
 * the image, so the linter applies the rules for those jobs and no others.
 */
import { familyName, type ResolvedImage } from '../images';
import type { BaseImage, Build, Plan } from '../plan';

/** Blocks separated by blank lines; empty blocks are dropped. */
function blocks(...parts: (string | false | undefined)[]): string {
  return `${parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('\n\n')}\n`;
}

function header(build: Build, from: string, what: string): string {
  return `# The SageMaker jobs that start this image, for smlint:
# smlint mode=${build.modes.join(',')}
# ${what}
FROM ${from}`;
}

/**
 * A plain base image is published for several architectures, and a build on an Apple silicon Mac
 * would pick arm64; the platform is pinned through an ARG (build_and_push.sh passes the same value)
 * because Docker warns about a constant FROM --platform.
 */
function plainHeader(plan: Plan, build: Build, base: BaseImage, what: string): string {
  return `# The SageMaker jobs that start this image, for smlint:
# smlint mode=${build.modes.join(',')}
# ${what}
# SageMaker runs it on ${plan.platform === 'linux/arm64' ? 'Graviton (arm64)' : 'x86_64 (amd64)'} instances; the pin keeps a plain "docker build" on
# another architecture from producing an image that fails with "exec format error".
ARG PLATFORM=${plan.platform}
FROM --platform=\${PLATFORM} ${base.image}`;
}

/** requirements.txt installed when the image is built, after `why`; `extra` packages join the same pip install. */
function buildTimeRequirements(
  why = '# Installed at build time: the container needs no network when it starts.',
  extra: readonly string[] = [],
): string {
  return `${why}
COPY requirements.txt /tmp/requirements.txt
RUN pip install --no-cache-dir -r /tmp/requirements.txt${extra.map((p) => ` ${p}`).join('')}`;
}

function labels(plan: Plan): string | undefined {
  const lines: string[] = [];
  if (plan.endpoint === 'multi-model') {
    lines.push('# SageMaker accepts the image for a multi-model endpoint only with this label.',
      'LABEL com.amazonaws.sagemaker.capabilities.multi-models=true');
  }
  if (plan.bindPort !== undefined) {
    lines.push('# Pipelines and multi-container endpoints tell the server its port in SAGEMAKER_BIND_TO_PORT.',
      'LABEL com.amazonaws.sagemaker.capabilities.accept-bind-to-port=true');
  }
  return lines.length ? lines.join('\n') : undefined;
}

function trainingCode(plan: Plan): string {
  return `# The training toolkit runs SAGEMAKER_PROGRAM from /opt/ml/code, the job's working directory; code
# baked in here is used instead of code uploaded by the SDK.
COPY code/${plan.entryScript} /opt/ml/code/${plan.entryScript}
ENV SAGEMAKER_PROGRAM=${plan.entryScript}`;
}

function processingEntrypoint(plan: Plan): string {
  return `# Processing starts the image with no argument, so the ENTRYPOINT runs the script; the exec form
# lets StopProcessingJob's SIGTERM reach it.
COPY code/${plan.entryScript} /opt/program/${plan.entryScript}
ENTRYPOINT ["python3", "/opt/program/${plan.entryScript}"]`;
}

const PYTHON_ENV = `# Logs reach CloudWatch as they are written, and no bytecode files are written at run time.
ENV PYTHONUNBUFFERED=1 PYTHONDONTWRITEBYTECODE=1`;

/** Path 3: FROM the pre-built image, packages at build time, code baked where the image looks for it. */
export function extendDockerfile(plan: Plan, build: Build, from: ResolvedImage): string {
  const name = plan.purpose === 'studio' ? 'SageMaker Distribution' : familyName(plan.framework as string);
  const what = `Extends the pre-built ${name} ${from.role === 'processing' ? 'training' : from.role} image.`;
  const trains = build.modes.includes('train');
  const serves = build.modes.includes('serve');
  return blocks(
    header(build, from.uri, what),
    serves && labels(plan),
    plan.purpose === 'studio'
      ? buildTimeRequirements(`# Studio runs the space as sagemaker-user (UID 1000, GID 100), the base image's user, who owns
# the conda environment that pip installs into.`)
      : buildTimeRequirements(),
    trains && trainingCode(plan),
    plan.purpose === 'processing' && processingEntrypoint(plan),
  );
}

function pythonSetup(base: BaseImage, packages: string[]): string | undefined {
  if (base.os === 'debian') {
    return packages.length ? `RUN apt-get update \\
    && apt-get install -y --no-install-recommends ${packages.join(' ')} \\
    && rm -rf /var/lib/apt/lists/*` : undefined;
  }
  return `# Ubuntu's Python refuses pip installs outside a virtual environment (PEP 668), so packages go into
# one that is first on PATH.
RUN apt-get update \\
    && apt-get install -y --no-install-recommends ${['python3', 'python3-venv', ...packages].join(' ')} \\
    && rm -rf /var/lib/apt/lists/*
RUN python3 -m venv /opt/venv
ENV PATH="/opt/venv/bin:\${PATH}"`;
}

/** Path 4: the user's base image with the toolkits the purpose needs. */
export function adaptDockerfile(plan: Plan, build: Build, base: BaseImage): string {
  const what = base.own ? `Your base image (${base.image}) with what SageMaker needs added.` : `A plain base image with what SageMaker needs added.`;
  if (plan.purpose === 'processing') {
    return blocks(plainHeader(plan, build, base, what), pythonSetup(base, []), buildTimeRequirements(), PYTHON_ENV, processingEntrypoint(plan));
  }
  if (plan.purpose === 'studio') {
    return blocks(
      plainHeader(plan, build, base, what),
      pythonSetup(base, []),
      `# JupyterLab is what a Studio JupyterLab space runs; ipykernel gives it a Python kernel.
RUN pip install --no-cache-dir jupyterlab ipykernel`,
      buildTimeRequirements(),
      `# Studio runs the space as UID 1000 and GID 100, with its storage mounted on /home/sagemaker-user.
${base.uid1000 ? `RUN userdel --remove ${base.uid1000} \\
    && useradd --create-home --uid 1000 --gid 100 --shell /bin/bash sagemaker-user` : 'RUN useradd --create-home --uid 1000 --gid 100 --shell /bin/bash sagemaker-user'}
USER 1000
WORKDIR /home/sagemaker-user`,
    );
  }
  const apt = [
    ...plan.trains ? (base.os === 'debian' ? ['gcc', 'libc6-dev'] : ['gcc', 'python3-dev']) : [],
    ...plan.serves ? ['openjdk-17-jre-headless'] : [],
  ];
  const toolkits = [
    ...plan.trains ? ['sagemaker-training'] : [],
    ...plan.serves ? ['multi-model-server', 'sagemaker-inference', '"setuptools<81"'] : [],
  ];
  const why = [
    plan.trains && '# sagemaker-training provides the train command; pip compiles its small C extension (hence gcc).',
    plan.serves && '# multi-model-server and sagemaker-inference serve the model; MMS is a Java program, and the\n# toolkit still imports pkg_resources, which setuptools 81 removed.',
  ].filter(Boolean).join('\n');
  return blocks(
    plainHeader(plan, build, base, what),
    plan.serves && labels(plan),
    `${why}\n${pythonSetup(base, apt)}\nRUN pip install --no-cache-dir ${toolkits.join(' ')}`,
    buildTimeRequirements(),
    PYTHON_ENV,
    plan.trains && trainingCode(plan),
    plan.serves && `# The inference toolkit has no serve command: entrypoint.py starts the model server when
# SageMaker passes "serve". inference.py is found on PYTHONPATH unless model.tar.gz brings its own.
COPY code/inference.py code/entrypoint.py /opt/program/
ENV PYTHONPATH=/opt/program
EXPOSE 8080
# entrypoint.py handles the argument SageMaker appends, so smlint's reminder about it is moot here.
# smlint ignore=entrypoint-receives-mode-arg
ENTRYPOINT ["python3", "/opt/program/entrypoint.py"]`,
  );
}

/** Path 5: the scikit_bring_your_own layout, with train and serve as executables on PATH. */
export function scratchDockerfile(plan: Plan, build: Build, base: BaseImage): string {
  if (plan.purpose === 'processing') {
    return blocks(plainHeader(plan, build, base, `Built from scratch on ${base.image}.`), pythonSetup(base, []), buildTimeRequirements(), PYTHON_ENV, processingEntrypoint(plan));
  }
  const programs = [...plan.trains ? ['train'] : [], ...plan.serves ? ['serve'] : []];
  const files = [...programs, ...plan.serves ? ['predictor.py', 'wsgi.py', 'nginx.conf'] : []];
  const what = `Built from scratch on ${base.image}: SageMaker's "${programs.join('" and "')}" ${programs.length > 1 ? 'are executables' : 'is an executable'} in /opt/program.`;
  return blocks(
    plainHeader(plan, build, base, what),
    plan.serves && labels(plan),
    plan.serves ? `# nginx fronts gunicorn, as in AWS's scikit_bring_your_own sample.\n${pythonSetup(base, ['nginx'])}` : pythonSetup(base, []),
    buildTimeRequirements(undefined, plan.serves ? ['flask', 'gunicorn'] : []),
    `${PYTHON_ENV}
# SageMaker runs "${programs.join('" or "')}" as the container's command, so ${programs.length > 1 ? 'they are' : 'it is'} on PATH.
ENV PATH="/opt/program:\${PATH}"`,
    `COPY ${files.map((f) => `program/${f}`).join(' ')} /opt/program/
# Files written by an editor or checked out on Windows may lack the execute bit.
RUN chmod +x ${programs.map((p) => `/opt/program/${p}`).join(' ')}
WORKDIR /opt/program`,
    plan.serves && 'EXPOSE 8080',
  );
}
