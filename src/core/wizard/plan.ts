/**
 * A recommendation turned into the facts the templates need: what the image does, what it is built
 * from, for which platform, and how it is deployed. Templates read only this, never the answers.
 */
import { isGpuInstance, isGravitonInstance } from '../catalog';
import type { DeploymentTarget, Mode } from '../lint/types';
import { familyName, type ResolvedImage } from './images';
import {
  defaultEntryScript, EXISTING_IMAGES, keepsOwnImage, OTHER_FRAMEWORK,
  type Endpoint, type Hosting, type Purpose,
} from './questions';
import type { PathId, Recommendation } from './recommend';

/** A plain base image the wizard builds on when there is no pre-built one. */
export interface BaseImage {
  image: string;
  /** true when the user chose to keep it, false when the wizard picked it */
  own: boolean;
  /** which package manager and which Python set-up the Dockerfile uses */
  os: 'debian' | 'ubuntu';
  /** a user that already holds UID 1000 (Ubuntu 24.04's `ubuntu`), which a Studio image must free */
  uid1000?: string;
}

/** One image to build: its Dockerfile, its tag in the repository, and the jobs that start it. */
export interface Build {
  dockerfile: string;
  tag: string;
  modes: Mode[];
  /** the pre-built image it extends (path 3) */
  from?: ResolvedImage;
}

export interface Plan {
  path: PathId;
  purpose: Purpose;
  trains: boolean;
  serves: boolean;
  hosting?: Hosting;
  endpoint?: Endpoint;
  /** the catalog family, or `other` */
  framework?: string;
  frameworkName: string;
  /** the training or processing script's file name */
  entryScript: string;
  region: string;
  instanceType?: string;
  gpu: boolean;
  platform: 'linux/amd64' | 'linux/arm64';
  /** pre-built images from the catalog */
  images: ResolvedImage[];
  /** the plain base image (paths 4 and 5) */
  base?: BaseImage;
  builds: Build[];
  /** the default ECR repository name */
  repository: string;
  target?: DeploymentTarget;
  /** TensorFlow Serving loads a SavedModel; everything else in the scaffold loads model.json */
  modelFormat: 'json' | 'savedmodel';
  /** the port the server listens on in the local test: pipelines tell it another one */
  bindPort?: number;
  /** the catalog version of the pre-built image */
  version?: string;
  /** path 2: requirements.txt sits in code/ and is installed at start-up */
  startupRequirements: boolean;
}

const PYTHON_BASE: BaseImage = { image: EXISTING_IMAGES.python.image, own: false, os: 'debian' };
const CUDA_BASE: BaseImage = { image: EXISTING_IMAGES.cuda.image, own: false, os: 'ubuntu' };

function baseImage(rec: Recommendation, gpu: boolean): BaseImage | undefined {
  const a = rec.answers;
  if (keepsOwnImage(a)) {
    const chosen = EXISTING_IMAGES[a.existingImage as string];
    return { image: chosen.image, own: true, os: chosen.os, ...chosen.image.startsWith('ubuntu:24') ? { uid1000: 'ubuntu' } : {} };
  }
  if (rec.path.id === 'adapt' || rec.path.id === 'scratch') return gpu ? CUDA_BASE : PYTHON_BASE;
  return undefined;
}

function targetOf(hosting: Hosting | undefined, endpoint: Endpoint | undefined): DeploymentTarget | undefined {
  switch (hosting) {
    case 'realtime': return endpoint === 'single' ? 'endpoint' : endpoint;
    case 'batch': case 'async': case 'serverless': return hosting;
    default: return undefined;
  }
}

function buildsOf(path: PathId, purpose: Purpose, images: ResolvedImage[]): Build[] {
  const modes: Record<Purpose, Mode[]> = {
    train: ['train'], serve: ['serve'], both: ['train', 'serve'], processing: ['processing'], studio: ['studio'],
  };
  if (path === 'adapt' || path === 'scratch') return [{ dockerfile: 'Dockerfile', tag: 'latest', modes: modes[purpose] }];
  if (path !== 'extend') return [];
  // One pre-built image serves both scopes for some frameworks (scikit-learn, XGBoost): one build.
  const distinct = images.filter((image, i) => images.findIndex((other) => other.uri === image.uri) === i);
  if (distinct.length === 1) return [{ dockerfile: 'Dockerfile', tag: 'latest', modes: modes[purpose], from: distinct[0] }];
  return distinct.map((image) => ({
    dockerfile: `Dockerfile.${image.role}`, tag: image.role, modes: image.role === 'training' ? ['train'] : ['serve'], from: image,
  }));
}

export function planOf(rec: Recommendation): Plan {
  const a = rec.answers;
  const purpose = a.purpose as Purpose;
  const hosting = a.hosting as Hosting | undefined;
  const endpoint = hosting === 'realtime' ? a.endpoint as Endpoint : undefined;
  const gpu = a.instanceType !== undefined && isGpuInstance(a.instanceType);
  const framework = a.approach === 'builtin' ? undefined : a.framework;
  const path = rec.path.id;
  return {
    path,
    purpose,
    trains: purpose === 'train' || purpose === 'both',
    serves: purpose === 'serve' || purpose === 'both',
    hosting,
    endpoint,
    framework,
    frameworkName: framework === undefined || framework === OTHER_FRAMEWORK ? 'your framework' : familyName(framework),
    entryScript: a.entryScript ?? defaultEntryScript(purpose),
    region: a.region as string,
    instanceType: a.instanceType,
    gpu,
    platform: a.instanceType !== undefined && isGravitonInstance(a.instanceType) ? 'linux/arm64' : 'linux/amd64',
    images: rec.images,
    base: baseImage(rec, gpu),
    builds: buildsOf(path, purpose, rec.images),
    repository: `sagemaker-${purpose === 'both' ? 'train-serve' : purpose}`,
    target: targetOf(hosting, endpoint),
    modelFormat: framework === 'tensorflow' && (path === 'prebuilt' || path === 'requirements' || path === 'extend') ? 'savedmodel' : 'json',
    bindPort: endpoint === 'pipeline' || endpoint === 'multi-container' ? 8081 : undefined,
    version: a.version,
    startupRequirements: path === 'requirements',
  };
}
