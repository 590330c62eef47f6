/**
 * The shell scripts of a scaffold: build_and_push.sh and the local tests that run the image the way
 * SageMaker does. Everything that depends on the answers is a `name='value'` line at the top, where
 * users look for it; the rest of each script depends only on the shape of the scaffold.
 */
import type { ResolvedImage } from '../images';
import type { Plan } from '../plan';

/** One `name='value'` setting; values never contain a quote (URIs, regions, names). */
type Setting = readonly [name: string, value: string];

function script(about: string[], settings: Setting[], body: string[]): string {
  return [
    '#!/usr/bin/env bash',
    ...about.map((line) => `# ${line}`),
    'set -euo pipefail',
    '',
    ...settings.map(([name, value]) => `${name}='${value}'`),
    '',
    ...body,
    '',
  ].join('\n');
}

/** Private ECR registries (AWS-owned pre-built images) need a login before a pull. */
function loginBlock(): string[] {
  return [
    '# The pre-built image is in an AWS-owned ECR registry: pulling it needs a login.',
    'base_region=$(cut -d. -f4 <<<"$base_registry")',
    'aws ecr get-login-password --region "$base_region" | docker login --username AWS --password-stdin "$base_registry"',
  ];
}

function registrySettings(image: ResolvedImage | undefined): Setting[] {
  return image?.privateEcr ? [['base_registry', image.registry]] : [];
}

/** The local tag of a built image, or the pre-built image itself for paths 1 and 2. */
function localImage(plan: Plan, role: ResolvedImage['role']): { image: string; pulled?: ResolvedImage } {
  if (plan.builds.length === 0) {
    const pulled = plan.images.find((i) => i.role === role);
    return { image: pulled?.uri ?? '', pulled };
  }
  const build = plan.builds.find((b) => b.tag === 'latest' || b.tag === role) ?? plan.builds[0];
  return { image: `${plan.repository}:${build.tag}` };
}

export function buildAndPush(plan: Plan): string {
  const base = plan.builds.find((b) => b.from?.privateEcr)?.from;
  // Dockerfiles on a plain base pin their platform with ARG PLATFORM (see templates/docker.ts).
  const pinned = plan.base ? ' --build-arg PLATFORM="$platform"' : '';
  const builds = plan.builds.flatMap((b) => [
    `docker build --platform "$platform"${pinned}${b.dockerfile === 'Dockerfile' ? '' : ` -f ${b.dockerfile}`} -t "$repository:${b.tag}" .`,
    `docker tag "$repository:${b.tag}" "$registry/$repository:${b.tag}"`,
    `docker push "$registry/$repository:${b.tag}"`,
    `echo "Pushed $registry/$repository:${b.tag}"`,
  ]);
  return script([
    'Builds the image for the platform SageMaker runs it on and pushes it to Amazon ECR in the account',
    'of your AWS credentials, creating the repository if it does not exist.',
    'Usage: ./build_and_push.sh [repository-name]',
  ], [
    ['repository', plan.repository],
    ['region', plan.region],
    ['platform', plan.platform],
    ...registrySettings(base),
  ], [
    'repository="${1:-$repository}"',
    'cd "$(dirname "$0")"',
    '',
    '# ECR hosts in the China regions end in amazonaws.com.cn.',
    'case "$region" in',
    '  cn-*) domain=\'amazonaws.com.cn\' ;;',
    '  *) domain=\'amazonaws.com\' ;;',
    'esac',
    'account=$(aws sts get-caller-identity --query Account --output text --region "$region")',
    'registry="$account.dkr.ecr.$region.$domain"',
    '',
    ...base ? [...loginBlock(), ''] : [],
    'if ! aws ecr describe-repositories --repository-names "$repository" --region "$region" >/dev/null 2>&1; then',
    '  aws ecr create-repository --repository-name "$repository" --region "$region" >/dev/null',
    'fi',
    'aws ecr get-login-password --region "$region" | docker login --username AWS --password-stdin "$registry"',
    '',
    '# An image built for another architecture fails on SageMaker with "exec format error", which is',
    '# what a Mac with Apple silicon builds unless told otherwise.',
    ...builds,
  ]);
}

const GPU_LINES = [
  '# SageMaker provides the GPUs and their driver; locally that takes the NVIDIA Container Toolkit.',
  'args+=(--gpus all)',
];

function runPreamble(pulled: ResolvedImage | undefined): string[] {
  return [
    'image="${1:-$image}"',
    'cd "$(dirname "$0")"',
    ...pulled?.privateEcr ? ['', ...loginBlock()] : [],
  ];
}

export function trainLocal(plan: Plan): string {
  const { image, pulled } = localImage(plan, 'training');
  return script([
    'Runs the image the way SageMaker runs a training job: "docker run IMAGE train", with /opt/ml/input,',
    '/opt/ml/model and /opt/ml/output made from the sample files in test_dir.',
    'Usage: local_test/train_local.sh [image]',
  ], [
    ['image', image],
    ['platform', plan.platform],
    ...registrySettings(pulled),
    ...pulled ? [['program', plan.entryScript] as const] : [],
  ], [
    ...runPreamble(pulled),
    '',
    'rm -rf test_dir/model test_dir/output',
    'mkdir -p test_dir/model test_dir/output',
    '# resourceconfig.json names this host algo-1, and the training toolkit waits until that name resolves.',
    'args=(--rm --platform "$platform" --hostname algo-1',
    '  -v "$PWD/test_dir/input:/opt/ml/input"',
    '  -v "$PWD/test_dir/model:/opt/ml/model"',
    '  -v "$PWD/test_dir/output:/opt/ml/output")',
    ...plan.gpu ? GPU_LINES : [],
    ...pulled ? [
      '# The framework image runs the script the SDK uploads to /opt/ml/code.',
      'args+=(-v "$PWD/../code:/opt/ml/code" -e "SAGEMAKER_PROGRAM=$program")',
    ] : [],
    'docker run "${args[@]}" "$image" train',
    'echo "The model is in local_test/test_dir/model:"',
    'ls -l test_dir/model',
  ]);
}

/**
 * Starts the server in the background, removes it on exit, and waits for GET /ping to answer 200,
 * printing the container's logs if it never does. `comment` says why the wait takes that long.
 */
function startAndWait(comment: string, tries: number, pauseSeconds: number): string[] {
  return [
    'container=$(docker run "${args[@]}" "$image" serve)',
    'trap \'docker rm -f "$container" >/dev/null\' EXIT',
    '',
    comment,
    `for _ in $(seq 1 ${tries}); do`,
    '  if curl -fsS "http://localhost:$port/ping" >/dev/null 2>&1; then break; fi',
    `  sleep ${pauseSeconds}`,
    'done',
    'if ! curl -fsS "http://localhost:$port/ping" >/dev/null; then',
    '  docker logs "$container"',
    '  exit 1',
    'fi',
  ];
}

/** How a hosting image is exercised: one model, or a multi-model endpoint's load-then-invoke. */
export function serveLocal(plan: Plan): string {
  const { image, pulled } = localImage(plan, 'inference');
  const modelCode = plan.path === 'prebuilt' || plan.path === 'requirements' || plan.path === 'extend';
  const multiModel = plan.endpoint === 'multi-model';
  const containerPort = plan.bindPort ?? 8080;
  const modelMount = multiModel ? '/opt/ml/models/sample/model' : '/opt/ml/model';
  return script([
    'Runs the image the way SageMaker hosts it: "docker run IMAGE serve" with the model unpacked in',
    `${modelMount}; then checks GET /ping and sends payload.csv to ${multiModel ? 'the loaded model' : 'POST /invocations'}, as SageMaker does.`,
    'Usage: local_test/serve_local.sh [image]',
  ], [
    ['image', image],
    ['platform', plan.platform],
    ['port', '8080'],
    ...registrySettings(pulled),
  ], [
    ...runPreamble(pulled),
    '',
    ...modelCode ? [
      '# model.tar.gz carries the inference code in code/, and SageMaker unpacks it with the model.',
      'mkdir -p test_dir/model/code',
      `cp ../code/inference.py ${plan.startupRequirements ? '../code/requirements.txt ' : ''}test_dir/model/code/`,
    ] : [],
    ...plan.modelFormat === 'savedmodel' ? [
      'if [ ! -e test_dir/model/1/saved_model.pb ]; then',
      '  echo "TensorFlow Serving needs a SavedModel in local_test/test_dir/model/1: run train_local.sh or copy yours there." >&2',
      '  exit 1',
      'fi',
    ] : [],
    `args=(-d --rm --platform "$platform" -p "$port:${containerPort}" -v "$PWD/test_dir/model:${modelMount}:ro")`,
    ...plan.bindPort !== undefined ? [
      '# In a pipeline or multi-container endpoint SageMaker picks the port; the test checks the server honours it.',
      `args+=(-e SAGEMAKER_BIND_TO_PORT=${containerPort})`,
    ] : [],
    ...plan.hosting === 'batch' ? ['# Batch transform sets SAGEMAKER_BATCH in every container it starts.', 'args+=(-e SAGEMAKER_BATCH=true)'] : [],
    ...multiModel ? ['# SageMaker sets this on multi-model endpoints; models are then loaded from /opt/ml/models.', 'args+=(-e SAGEMAKER_MULTI_MODEL=true)'] : [],
    ...plan.gpu ? GPU_LINES : [],
    ...startAndWait('# SageMaker sends requests only once GET /ping answers 200.', 60, 2),
    ...multiModel ? [
      '# A multi-model endpoint loads a model when it is first invoked: POST /models, then invoke it.',
      'curl -fsS -X POST -H \'Content-Type: application/json\' -d \'{"model_name": "sample", "url": "/opt/ml/models/sample/model"}\' "http://localhost:$port/models"',
      'curl -fsS -X POST -H \'Content-Type: text/csv\' -H \'Accept: application/json\' --data-binary @payload.csv "http://localhost:$port/models/sample/invoke"',
    ] : [
      'curl -fsS -X POST -H \'Content-Type: text/csv\' -H \'Accept: application/json\' --data-binary @payload.csv "http://localhost:$port/invocations"',
    ],
    'echo',
  ]);
}

/** The settings each LLM container reads, and a request it answers. */
export const LLM_SERVERS: Readonly<Record<string, { env: string; model: string; payload: string }>> = {
  'huggingface-llm': { env: 'HF_MODEL_ID', model: 'Qwen/Qwen2.5-0.5B-Instruct', payload: '{"inputs": "What is Amazon SageMaker?", "parameters": {"max_new_tokens": 64}}' },
  'huggingface-vllm': { env: 'SM_VLLM_MODEL', model: 'Qwen/Qwen2.5-0.5B-Instruct', payload: '{"messages": [{"role": "user", "content": "What is Amazon SageMaker?"}], "max_tokens": 64}' },
  'huggingface-sglang': { env: 'SM_SGLANG_MODEL_PATH', model: 'Qwen/Qwen2.5-0.5B-Instruct', payload: '{"messages": [{"role": "user", "content": "What is Amazon SageMaker?"}], "max_tokens": 64}' },
  'djl-lmi': { env: 'HF_MODEL_ID', model: 'Qwen/Qwen2.5-0.5B-Instruct', payload: '{"inputs": "What is Amazon SageMaker?", "parameters": {"max_new_tokens": 64}}' },
  'huggingface-tei': { env: 'HF_MODEL_ID', model: 'BAAI/bge-small-en-v1.5', payload: '{"inputs": "What is Amazon SageMaker?"}' },
  'huggingface-tei-cpu': { env: 'HF_MODEL_ID', model: 'BAAI/bge-small-en-v1.5', payload: '{"inputs": "What is Amazon SageMaker?"}' },
};

export function llmServeLocal(plan: Plan): string {
  const pulled = plan.images[0];
  const server = LLM_SERVERS[plan.framework as string];
  return script([
    'Runs the serving container the way SageMaker hosts it: "docker run IMAGE serve", configured by',
    'environment variables; then checks GET /ping and sends payload.json to POST /invocations.',
    'Usage: local_test/serve_local.sh [image]',
  ], [
    ['image', pulled.uri],
    ['platform', plan.platform],
    ['port', '8080'],
    ['model_id', server.model],
    ...registrySettings(pulled),
  ], [
    ...runPreamble(pulled),
    '',
    `args=(-d --rm --platform "$platform" -p "$port:8080" -e "${server.env}=$model_id")`,
    '# Gated models on the Hugging Face Hub need a token.',
    'if [ -n "${HF_TOKEN:-}" ]; then args+=(-e HF_TOKEN); fi',
    ...plan.gpu ? GPU_LINES : [],
    ...startAndWait('# The container downloads and loads the model before GET /ping answers 200; that takes minutes.', 120, 5),
    'curl -fsS -X POST -H \'Content-Type: application/json\' --data-binary @payload.json "http://localhost:$port/invocations"',
    'echo',
  ]);
}

export function processLocal(plan: Plan): string {
  const { image, pulled } = localImage(plan, 'processing');
  const run = !pulled ? ['docker run "${args[@]}" "$image"']
    : plan.startupRequirements ? [
      '# The SDK\'s FrameworkProcessor installs requirements.txt, then runs the script with python3.',
      'args+=(-v "$PWD/../code:/opt/ml/processing/input/code:ro" --entrypoint bash)',
      'docker run "${args[@]}" "$image" -c "cd /opt/ml/processing/input/code && pip install -r requirements.txt && python3 $script"',
    ] : [
      '# The SDK\'s processors upload the script to /opt/ml/processing/input/code and run it with python3.',
      'args+=(-v "$PWD/../code:/opt/ml/processing/input/code:ro" --entrypoint python3)',
      'docker run "${args[@]}" "$image" "/opt/ml/processing/input/code/$script"',
    ];
  return script([
    'Runs the image the way SageMaker runs a processing job: "docker run IMAGE" with no argument, the',
    'input in /opt/ml/processing/input/data and the output collected from /opt/ml/processing/output.',
    'Usage: local_test/process_local.sh [image]',
  ], [
    ['image', image],
    ['platform', plan.platform],
    ...registrySettings(pulled),
    ...pulled ? [['script', plan.entryScript] as const] : [],
  ], [
    ...runPreamble(pulled),
    '',
    'rm -rf test_dir/processing/output',
    'mkdir -p test_dir/processing/output',
    'args=(--rm --platform "$platform"',
    '  -v "$PWD/test_dir/processing/input:/opt/ml/processing/input/data:ro"',
    '  -v "$PWD/test_dir/processing/output:/opt/ml/processing/output")',
    ...plan.gpu ? GPU_LINES : [],
    ...run,
    'echo "The output is in local_test/test_dir/processing/output:"',
    'ls -l test_dir/processing/output',
  ]);
}

export function studioLocal(plan: Plan): string {
  return script([
    'Starts JupyterLab the way a Studio JupyterLab space does (as UID 1000 and GID 100, on port 8888',
    'under /jupyterlab/default) and checks that it answers.',
    'Usage: local_test/run_local.sh [image]',
  ], [
    ['image', `${plan.repository}:latest`],
    ['platform', plan.platform],
  ], [
    ...runPreamble(undefined),
    '',
    'args=(-d --rm --platform "$platform" -p 8888:8888 --user 1000:100 --entrypoint jupyter-lab)',
    ...plan.gpu ? GPU_LINES : [],
    'container=$(docker run "${args[@]}" "$image" --ip=0.0.0.0 --port=8888 --ServerApp.token= --ServerApp.base_url=/jupyterlab/default)',
    'trap \'docker rm -f "$container" >/dev/null\' EXIT',
    '',
    'for _ in $(seq 1 30); do',
    '  if curl -fsS http://localhost:8888/jupyterlab/default/api/status; then echo; exit 0; fi',
    '  sleep 2',
    'done',
    'docker logs "$container"',
    'exit 1',
  ]);
}
