/**
 * What smlint knows about SageMaker's Python packages and images, in one place, each with the
 * source tag from sagemaker-contract.md that backs it.
 */

/** Packages that register a `train` console script or provide it to a DLC [TT:setup.py, PTT:setup.py]. */
export const TRAINING_TOOLKITS = [
  'sagemaker-training', 'sagemaker-pytorch-training', 'sagemaker-tensorflow-training', 'sagemaker-mxnet-training',
  'sagemaker-containers',
];

/** Packages that register a `serve` console script [PTI:setup.py, HFI:setup.py]. `sagemaker-inference` does not. */
export const SERVE_TOOLKITS = ['sagemaker-pytorch-inference', 'sagemaker-huggingface-inference-toolkit'];

/** The generic inference toolkit and the model servers it and its siblings start [IT:README.md]. */
export const INFERENCE_TOOLKIT = 'sagemaker-inference';
export const MODEL_SERVERS = ['multi-model-server', 'torchserve', 'sagemaker-pytorch-inference', 'tritonserver'];

export const LABEL_PREFIX = 'com.amazonaws.sagemaker.capabilities.';
export const BIND_TO_PORT_LABEL = `${LABEL_PREFIX}accept-bind-to-port`;
export const MULTI_MODEL_LABEL = `${LABEL_PREFIX}multi-models`;

/** The interpreters that, as a bare ENTRYPOINT, turn SageMaker's `train`/`serve` into a script name. */
export const INTERPRETERS = /^(python(\d+(\.\d+)*)?|bash|sh|node|Rscript|ruby|perl|java)$/;

/**
 * AWS images that SageMaker runs as processing jobs, by repository: Spark processing (the SDK's
 * `spark` image family, whose launcher is `smspark-submit`), Model Monitor's analyzer and Clarify
 * [DG:build-your-own-processing-container, DG:model-monitor-byoc-containers]. The catalog, built
 * from the framework images, does not list them.
 */
export const PROCESSING_IMAGES = ['sagemaker-spark-processing', 'sagemaker-model-monitor-analyzer', 'sagemaker-clarify-processing'];
