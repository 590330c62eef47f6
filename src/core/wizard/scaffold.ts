/**
 * `scaffold(recommendation)`: the files of a generated container, as `{ path, contents }` with
 * '/'-separated paths relative to the target folder. Nothing is written here; the extension writes
 * them after asking about each file that exists.
 */
import { isLlm } from './questions';
import { planOf, type Plan } from './plan';
import type { Recommendation } from './recommend';
import { adaptDockerfile, extendDockerfile, scratchDockerfile } from './templates/docker';
import {
  dockerignore, nginxConf, requirementsTxt, SAMPLE_HYPERPARAMETERS, SAMPLE_INPUT_DATA_CONFIG, SAMPLE_MODEL, SAMPLE_PAYLOAD,
  SAMPLE_RESOURCE_CONFIG, SAMPLE_TRAINING_DATA, smlintConfig,
} from './templates/files';
import {
  entrypointScript, inferenceScript, processScript, scratchPredictor, scratchServe, scratchTrain, scratchWsgi,
  tensorflowServingScript, trainScript,
} from './templates/python';
import { readme, type FileNote } from './templates/readme';
import { buildAndPush, LLM_SERVERS, llmServeLocal, processLocal, serveLocal, studioLocal, trainLocal } from './templates/shell';

export interface FileSpec {
  path: string;
  contents: string;
}

interface Draft extends FileSpec, FileNote {}

function dockerfiles(plan: Plan): Draft[] {
  return plan.builds.flatMap((build): Draft[] => {
    const about = `Builds the ${build.modes.join(' and ')} image (\`${plan.repository}:${build.tag}\`).`;
    if (build.from) return [{ path: build.dockerfile, contents: extendDockerfile(plan, build, build.from), about }];
    if (!plan.base) return [];
    const contents = plan.path === 'scratch' ? scratchDockerfile(plan, build, plan.base) : adaptDockerfile(plan, build, plan.base);
    return [{ path: build.dockerfile, contents, about }];
  });
}

function trainingFiles(plan: Plan): Draft[] {
  const entry = plan.path === 'scratch'
    ? { path: 'program/train', contents: scratchTrain(), about: 'The `train` executable SageMaker runs for a training job.' }
    : { path: `code/${plan.entryScript}`, contents: trainScript(plan), about: 'Your training script; the training toolkit runs it with the hyperparameters as arguments.' };
  return [
    entry,
    { path: 'local_test/train_local.sh', contents: trainLocal(plan), about: 'Runs a training job locally, the way SageMaker starts one.' },
    { path: 'local_test/test_dir/input/config/hyperparameters.json', contents: SAMPLE_HYPERPARAMETERS, about: 'Sample hyperparameters (SageMaker passes every value as a string).' },
    { path: 'local_test/test_dir/input/config/resourceconfig.json', contents: SAMPLE_RESOURCE_CONFIG, about: 'The host list SageMaker writes for a one-instance job.' },
    { path: 'local_test/test_dir/input/config/inputdataconfig.json', contents: SAMPLE_INPUT_DATA_CONFIG, about: 'The channel description SageMaker writes.' },
    { path: 'local_test/test_dir/input/data/training/data.csv', contents: SAMPLE_TRAINING_DATA, about: 'Sample data for the "training" channel.' },
  ];
}

function servingFiles(plan: Plan): Draft[] {
  if (isLlm(plan.framework)) {
    return [
      { path: 'local_test/serve_local.sh', contents: llmServeLocal(plan), about: 'Starts the serving container locally and sends a request.' },
      { path: 'local_test/payload.json', contents: `${LLM_SERVERS[plan.framework as string].payload}\n`, about: 'A sample request.' },
    ];
  }
  const code: Draft[] = plan.path === 'scratch' ? [
    { path: 'program/serve', contents: scratchServe(), about: 'The `serve` executable: starts nginx and gunicorn.' },
    { path: 'program/predictor.py', contents: scratchPredictor(), about: 'The Flask app answering /ping and /invocations.' },
    { path: 'program/wsgi.py', contents: scratchWsgi(), about: 'The module gunicorn loads.' },
    { path: 'program/nginx.conf', contents: nginxConf(), about: 'nginx configuration: port 8080, only /ping and /invocations.' },
  ] : plan.modelFormat === 'savedmodel' ? [
    { path: 'code/inference.py', contents: tensorflowServingScript(), about: 'Request and response handlers around TensorFlow Serving; goes in model.tar.gz under code/.' },
  ] : [
    {
      path: 'code/inference.py', contents: inferenceScript(),
      about: plan.path === 'adapt' ? 'Your model_fn, input_fn, predict_fn and output_fn, baked into the image.' : 'Your model_fn, input_fn, predict_fn and output_fn; goes in model.tar.gz under code/.',
    },
    ...plan.path === 'adapt' ? [{ path: 'code/entrypoint.py', contents: entrypointScript(plan), about: 'The ENTRYPOINT: starts the model server on `serve`.' }] : [],
  ];
  return [
    ...code,
    { path: 'local_test/serve_local.sh', contents: serveLocal(plan), about: 'Hosts the model locally, the way SageMaker does, and sends a request.' },
    { path: 'local_test/payload.csv', contents: SAMPLE_PAYLOAD, about: 'A sample request body (text/csv).' },
    ...plan.modelFormat === 'json' ? [{ path: 'local_test/test_dir/model/model.json', contents: SAMPLE_MODEL, about: 'A sample model, until training writes one.' }] : [],
  ];
}

function processingFiles(plan: Plan): Draft[] {
  return [
    { path: `code/${plan.entryScript}`, contents: processScript(), about: 'Your processing script.' },
    { path: 'local_test/process_local.sh', contents: processLocal(plan), about: 'Runs a processing job locally, the way SageMaker starts one.' },
    { path: 'local_test/test_dir/processing/input/data.csv', contents: SAMPLE_TRAINING_DATA, about: 'Sample input.' },
  ];
}

/**
 * The files for a complete recommendation; empty while answers are missing, and for built-in
 * algorithms, which need no files. Dockerfiles come first, then the README.
 */
export function scaffold(rec: Recommendation): FileSpec[] {
  if (!rec.complete || rec.path.id === 'builtin') return [];
  const plan = planOf(rec);
  const building = plan.builds.length > 0;
  const docker = dockerfiles(plan);
  const rest: Draft[] = [
    ...building ? [
      { path: '.dockerignore', contents: dockerignore(), about: 'Keeps the local tests and scripts out of the build context.' },
      { path: '.smlint.yaml', contents: smlintConfig(plan), about: 'Tells smlint how the image is deployed, so the editor and CI lint it exactly.' },
      { path: 'build_and_push.sh', contents: buildAndPush(plan), about: 'Builds the image and pushes it to Amazon ECR, creating the repository if needed.' },
    ] : [],
    ...building || plan.startupRequirements ? [{
      path: plan.startupRequirements ? 'code/requirements.txt' : 'requirements.txt', contents: requirementsTxt(plan),
      about: plan.startupRequirements ? 'Packages installed when the job or server starts.' : 'Packages installed when the image is built.',
    }] : [],
    ...plan.trains ? trainingFiles(plan) : [],
    ...plan.serves ? servingFiles(plan) : [],
    ...plan.purpose === 'processing' ? processingFiles(plan) : [],
    ...plan.purpose === 'studio' && building ? [{ path: 'local_test/run_local.sh', contents: studioLocal(plan), about: 'Starts JupyterLab locally, as a Studio space does.' }] : [],
  ];
  const notes: FileNote[] = [...docker, { path: 'README.md', about: 'This file.' }, ...rest].map(({ path, about }) => ({ path, about }));
  return [
    ...docker.map(({ path, contents }) => ({ path, contents })),
    { path: 'README.md', contents: readme(plan, rec, notes) },
    ...rest.map(({ path, contents }) => ({ path, contents })),
  ];
}

/** The file to open after writing: the first Dockerfile, or the README when there is none. */
export function primaryFile(files: readonly FileSpec[]): string | undefined {
  return (files.find((f) => f.path.startsWith('Dockerfile')) ?? files.find((f) => f.path === 'README.md'))?.path;
}
