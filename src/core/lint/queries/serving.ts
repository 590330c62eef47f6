/**
 * Whether the file shows an HTTP serving image at all, beyond the mode guess (which defaults to
 * train + serve when the file says nothing).
 */
import { copySteps, imagePackages, landingPath } from '../commands';
import { INFERENCE_TOOLKIT, LABEL_PREFIX, MODEL_SERVERS, SERVE_TOOLKITS } from '../knowledge';
import { type Model, memoKey } from '../model';
import type { BuildContext } from '../types';
import { serverCommands } from './ports';
import { pythonInstalls } from './toolkits';
import { baseInfo } from './baseImage';

const SERVING_EVIDENCE_MEMO = memoKey();

/** Python web frameworks and servers, and system web servers, that put an HTTP server in the image. */
const WEB_PACKAGES = new Set([
  'flask', 'gunicorn', 'uvicorn', 'fastapi', 'hypercorn', 'waitress', 'starlette', 'aiohttp', 'tornado', 'sanic',
  'bottle', 'django', 'falcon', 'cherrypy', 'litestar', 'quart', 'nginx', 'vllm', 'text-generation-inference', 'bentoml',
]);

/** The web framework or server the image installs itself (flask, gunicorn, nginx, …), if any. */
export function webServerPackage(model: Model, context: BuildContext | undefined): string | undefined {
  const system = imagePackages(model).filter((p) => p.manager !== 'pip' && p.manager !== 'conda');
  return [...pythonInstalls(model, context).packages, ...system].find((p) => WEB_PACKAGES.has(p.name))?.name;
}

/**
 * One piece of evidence that the file builds an HTTP serving image (installs a model server, a
 * toolkit or a web framework, copies `serve`, starts a server, sets SAGEMAKER_SERVING_MODULE,
 * declares a capability label), or undefined. Mode detection may also come from a guess; rules
 * that would otherwise speak about every image ask this first.
 */
export function servingEvidence(model: Model, context: BuildContext | undefined): string | undefined {
  return model.memo(SERVING_EVIDENCE_MEMO, () => {
    const pkg = pythonInstalls(model, context).packages.find(servesHttp)
      ?? imagePackages(model).find((p) => p.manager !== 'pip' && p.manager !== 'conda' && servesHttp(p));
    if (pkg) return `installs ${pkg.name}`;
    const serve = copySteps(model).find((step) => !step.from && step.sources.some((s) => landingPath(step, s.value).endsWith('/serve')));
    if (serve) return 'copies a serve program';
    const server = serverCommands(model).find((s) => s.known && s.keyword === 'ENTRYPOINT');
    if (server) return `starts ${server.server}`;
    if (model.finalStage?.env.has('SAGEMAKER_SERVING_MODULE')) return 'sets SAGEMAKER_SERVING_MODULE';
    if ([...model.labels().keys()].some((k) => k.startsWith(LABEL_PREFIX))) return 'declares a SageMaker capability label';
    const base = baseInfo(model);
    if (base.kind === 'sagemaker' && base.image?.sagemaker?.scopes.includes('inference')) return `is built on ${base.image.repository}`;
    return undefined;
  }, context);
}

function servesHttp(pkg: { name: string }): boolean {
  return SERVE_TOOLKITS.includes(pkg.name) || pkg.name === INFERENCE_TOOLKIT || MODEL_SERVERS.includes(pkg.name) || WEB_PACKAGES.has(pkg.name);
}
