/**
 * Hand-written knowledge about the catalog that the SDK JSON does not carry: display names and
 * kinds, DLC repositories the SDK data does not list yet, and the SDK's hard-coded tag rules.
 */
import type { ImageKind, Scope } from './types';

interface FamilyMeta {
  displayName: string;
  kind: ImageKind;
  /**
   * Bare `<version>` tags count as known: the DLC catalog lists them for the algorithm-registry
   * framework images (`sagemaker-scikit-learn:1.4-2-py312`) although the SDK builds `…-cpu-py3`.
   */
  bareTags?: true;
}

/** Metadata per family id (SDK file name). A unit test keeps it in step with `data.ts`. */
export const FAMILY_META: Readonly<Record<string, FamilyMeta>> = {
  'pytorch': { displayName: 'PyTorch', kind: 'framework' },
  'tensorflow': { displayName: 'TensorFlow', kind: 'framework' },
  'mxnet': { displayName: 'MXNet', kind: 'framework' },
  'chainer': { displayName: 'Chainer', kind: 'framework' },
  'huggingface': { displayName: 'Hugging Face Transformers', kind: 'framework' },
  'sklearn': { displayName: 'scikit-learn', kind: 'framework', bareTags: true },
  'xgboost': { displayName: 'XGBoost', kind: 'framework', bareTags: true },
  'huggingface-llm': { displayName: 'Hugging Face TGI', kind: 'llm-serving' },
  'huggingface-tei': { displayName: 'Hugging Face TEI (GPU)', kind: 'llm-serving' },
  'huggingface-tei-cpu': { displayName: 'Hugging Face TEI (CPU)', kind: 'llm-serving' },
  'huggingface-vllm': { displayName: 'Hugging Face vLLM', kind: 'llm-serving' },
  'huggingface-sglang': { displayName: 'Hugging Face SGLang', kind: 'llm-serving' },
  // djl-lmi comes first among the DJL files: it names `djl-inference` when the tag cannot decide.
  'djl-lmi': { displayName: 'DJL Large Model Inference (LMI)', kind: 'llm-serving' },
  'djl-tensorrtllm': { displayName: 'DJL TensorRT-LLM', kind: 'llm-serving' },
  'djl-deepspeed': { displayName: 'DJL DeepSpeed', kind: 'llm-serving' },
  'djl-fastertransformer': { displayName: 'DJL FasterTransformer', kind: 'llm-serving' },
  'djl-neuronx': { displayName: 'DJL NeuronX', kind: 'llm-serving' },
  'sagemaker-tritonserver': { displayName: 'NVIDIA Triton Inference Server', kind: 'model-server' },
  'blazingtext': { displayName: 'BlazingText', kind: 'builtin-algorithm' },
  'factorization-machines': { displayName: 'Factorization Machines', kind: 'builtin-algorithm' },
  'forecasting-deepar': { displayName: 'DeepAR Forecasting', kind: 'builtin-algorithm' },
  'image-classification': { displayName: 'Image Classification', kind: 'builtin-algorithm' },
  'ipinsights': { displayName: 'IP Insights', kind: 'builtin-algorithm' },
  'kmeans': { displayName: 'K-Means', kind: 'builtin-algorithm' },
  'knn': { displayName: 'k-NN', kind: 'builtin-algorithm' },
  'lda': { displayName: 'LDA', kind: 'builtin-algorithm' },
  'linear-learner': { displayName: 'Linear Learner', kind: 'builtin-algorithm' },
  'ntm': { displayName: 'Neural Topic Model', kind: 'builtin-algorithm' },
  'object-detection': { displayName: 'Object Detection', kind: 'builtin-algorithm' },
  'object2vec': { displayName: 'Object2Vec', kind: 'builtin-algorithm' },
  'pca': { displayName: 'PCA', kind: 'builtin-algorithm' },
  'randomcutforest': { displayName: 'Random Cut Forest', kind: 'builtin-algorithm' },
  'semantic-segmentation': { displayName: 'Semantic Segmentation', kind: 'builtin-algorithm' },
  'seq2seq': { displayName: 'Sequence-to-Sequence', kind: 'builtin-algorithm' },
  'vw': { displayName: 'Vowpal Wabbit (SageMaker RL)', kind: 'reinforcement-learning' },
  'sagemaker-distribution': { displayName: 'SageMaker Distribution', kind: 'studio' },
  'sagemaker-base-python': { displayName: 'SageMaker Base Python', kind: 'studio' },
};

/**
 * Repositories whose image differs from the rest of its family. `xgboost.json` keeps the old
 * XGBoost built-in algorithm (`xgboost:1`) next to the framework image `sagemaker-xgboost`.
 */
export const REPOSITORY_OVERRIDES: Readonly<Record<string, { displayName: string; kind: ImageKind }>> = {
  xgboost: { displayName: 'XGBoost built-in algorithm (v1)', kind: 'builtin-algorithm' },
};

interface ExtraRepository {
  family: string;
  scope?: 'training' | 'inference';
  arm64?: true;
  /** a catalog repository in the same registry accounts, for the account check */
  accountsOf: string;
}

/**
 * DLC repositories that the DLC catalog publishes but the SDK data does not list yet
 * (sagemaker-contract.md §3.1, §3.8). They are recognised so that their tags read as `unknown`
 * rather than the image as foreign.
 */
export const EXTRA_REPOSITORIES: Readonly<Record<string, ExtraRepository>> = {
  // The combined training + inference repository from PyTorch 2.11 (`2.12.1-cu130-amzn2023-sagemaker`).
  'pytorch': { family: 'pytorch', accountsOf: 'pytorch-training' },
  'pytorch-training-arm64': { family: 'pytorch', scope: 'training', arm64: true, accountsOf: 'pytorch-training' },
  'pytorch-inference-arm64': { family: 'pytorch', scope: 'inference', arm64: true, accountsOf: 'pytorch-inference' },
  'tensorflow-inference-arm64': {
    family: 'tensorflow', scope: 'inference', arm64: true, accountsOf: 'tensorflow-inference',
  },
};

/** ECR Public paths that are not `deep-learning-containers/<repository>`, → catalog repository. */
export const PUBLIC_REPOSITORIES: Readonly<Record<string, string>> = {
  'sagemaker/sagemaker-distribution': 'sagemaker-distribution-prod',
};

/** The ECR Public namespace that mirrors the DLC repositories under their private names. */
export const PUBLIC_DLC_NAMESPACE = 'deep-learning-containers/';

/** The SDK's fixed arm64 tags for xgboost and sklearn on Graviton (`_get_image_tag`). */
export const GRAVITON_FIXED_TAGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  xgboost: { '1.5-1': '1.5-1-arm64', '1.3-1': '1.3-1-arm64' },
  sklearn: { '1.0-1': '1.0-1-arm64-cpu-py3' },
};

/** The frameworks the SDK sends to `inference_graviton` on a Graviton instance. */
export const GRAVITON_FRAMEWORKS: readonly string[] = ['tensorflow', 'pytorch', 'xgboost', 'sklearn'];

/** Triton's GPU tags carry no processor (`26.05-py3`); only CPU tags do (`26.05-py3-cpu`). */
export const TRITON_FAMILY = 'sagemaker-tritonserver';

/** The SDK builds Hugging Face tags in code, not from a `tag_prefix`. */
export const HUGGING_FACE_FAMILY = 'huggingface';

/** Read through `get_base_python_image_uri`, not `retrieve`: the repository gets a `-<py>` suffix. */
export const BASE_PYTHON_FAMILY = 'sagemaker-base-python';

/** The scopes an image can be used for, with the SDK's special scopes folded in. */
export function usageOf(scope: Scope): 'training' | 'inference' {
  return scope === 'training' ? 'training' : 'inference';
}
