/**
 * One walk through the wizard for each of the five build paths that write files, shared by the
 * in-host test (which answers through the session) and the browser test (which answers by
 * keyboard). A step without a value takes the first option offered, such as the newest version.
 */
import type { PathId, QuestionId } from '../../src/core/wizard';

export interface Journey {
  path: Exclude<PathId, 'builtin'>;
  steps: [QuestionId, string?][];
  /** the file the wizard opens after writing */
  opens: string;
}

export const JOURNEYS: readonly Journey[] = [
  {
    path: 'prebuilt', opens: 'README.md',
    steps: [['purpose', 'train'], ['approach', 'own'], ['framework', 'sklearn'], ['dependencies', 'none'], ['instanceType', 'ml.m5.xlarge'], ['version'], ['region', 'us-east-1']],
  },
  {
    path: 'requirements', opens: 'README.md',
    steps: [['purpose', 'processing'], ['framework', 'pytorch'], ['dependencies', 'pip'], ['networkIsolation', 'no'], ['instanceType', 'ml.m5.xlarge'], ['version'], ['region', 'eu-west-1']],
  },
  {
    path: 'extend', opens: 'Dockerfile.training',
    steps: [['purpose', 'both'], ['hosting', 'realtime'], ['endpoint', 'single'], ['approach', 'own'], ['framework', 'pytorch'], ['dependencies', 'build'], ['existingImage', 'none'], ['instanceType', 'ml.g5.xlarge'], ['version'], ['region', 'cn-north-1']],
  },
  {
    path: 'adapt', opens: 'Dockerfile',
    steps: [['purpose', 'serve'], ['hosting', 'realtime'], ['endpoint', 'multi-model'], ['approach', 'own'], ['framework', 'other'], ['existingImage', 'python'], ['region', 'us-west-2']],
  },
  {
    path: 'scratch', opens: 'Dockerfile',
    steps: [['purpose', 'train'], ['approach', 'own'], ['framework', 'other'], ['existingImage', 'none'], ['instanceType', 'ml.g5.xlarge'], ['region', 'us-east-1']],
  },
];
