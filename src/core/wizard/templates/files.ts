/** Small data and configuration files of a scaffold. */
import type { Plan } from '../plan';

/** nginx in front of gunicorn (scikit_bring_your_own, contract §2.6), with the body limit raised. */
export function nginxConf(): string {
  return `# nginx for SageMaker hosting: only /ping and /invocations reach the app; everything else is 404.
# serve rewrites "listen 8080" when SageMaker sets SAGEMAKER_BIND_TO_PORT.
worker_processes 1;
daemon off;
pid /tmp/nginx.pid;
error_log /dev/stderr;

events {
  worker_connections 1024;
}

http {
  access_log /dev/stdout combined;
  # Real-time requests may be 6 MB and batch transform records up to 100 MB.
  client_max_body_size 100m;

  upstream gunicorn {
    server unix:/tmp/gunicorn.sock;
  }

  server {
    listen 8080 deferred;
    keepalive_timeout 5;

    location ~ ^/(ping|invocations)$ {
      proxy_set_header Host $http_host;
      proxy_redirect off;
      proxy_pass http://gunicorn;
      # Batch transform and asynchronous requests may run for up to an hour.
      proxy_read_timeout 3600s;
    }

    location / {
      return 404 "{}";
    }
  }
}
`;
}

export function requirementsTxt(plan: Plan): string {
  const when = plan.startupRequirements
    ? 'SageMaker installs them with pip when the job or server starts.'
    : 'The Dockerfile installs them when the image is built.';
  return `# The packages your code needs, one per line in pip's requirements format. ${when}
# For example:
# pandas==2.2.3
`;
}

/** Deployment facts for smlint, so the linter checks the image for how it really runs. */
export function smlintConfig(plan: Plan): string {
  return [
    '# How this image is deployed: smlint (SageMaker Containers) uses it to check labels, ports and architecture exactly.',
    ...plan.target ? [`target: ${plan.target}`] : [],
    ...plan.instanceType ? [`instanceType: ${plan.instanceType}`] : [],
    `region: ${plan.region}`,
    '',
  ].join('\n');
}

export function dockerignore(): string {
  return `# Only what the Dockerfile copies needs to reach the build.
local_test
README.md
build_and_push.sh
`;
}

export const SAMPLE_TRAINING_DATA = '1.0\n2.0\n3.0\n4.0\n';
export const SAMPLE_PAYLOAD = '1.0\n2.5\n';
export const SAMPLE_MODEL = '{"mean": 2.5}\n';
export const SAMPLE_HYPERPARAMETERS = '{"scale": "1.0"}\n';
export const SAMPLE_RESOURCE_CONFIG = '{"current_host": "algo-1", "hosts": ["algo-1"], "network_interface_name": "eth0"}\n';
export const SAMPLE_INPUT_DATA_CONFIG = '{"training": {"TrainingInputMode": "File", "S3DistributionType": "FullyReplicated", "RecordWrapperType": "None"}}\n';
