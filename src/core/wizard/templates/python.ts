/**
 * The Python files of a scaffold. The sample model is deliberately trivial (the scaled mean of the
 * first CSV column) so every script runs with the standard library alone in any base image, and
 * the local tests can exercise the whole train → serve cycle; users replace the marked parts.
 */
import type { Plan } from '../plan';

/** Script run by the training toolkit (paths 1–4): hyperparameters arrive as `--name value`. */
export function trainScript(plan: Plan): string {
  const savedModel = plan.modelFormat === 'savedmodel';
  return `"""Training entry point.

The SageMaker training toolkit runs this script from /opt/ml/code with every hyperparameter as a
"--name value" argument and the job's directories in SM_* environment variables. Replace the
sample model (the scaled mean of the first CSV column) with your training code.
"""
import argparse
import csv
import json
import os
${savedModel ? '\nimport tensorflow as tf\n' : ''}

def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    # Framework estimators add arguments of their own (for example --model_dir); ignore them.
    args, _ = parser.parse_known_args()
    return args


def read_values(directory):
    values = []
    for name in sorted(os.listdir(directory)):
        with open(os.path.join(directory, name), newline="", encoding="utf-8") as f:
            values.extend(float(row[0]) for row in csv.reader(f) if row)
    return values

${savedModel ? `
class MeanModel(tf.Module):
    def __init__(self, mean):
        super().__init__()
        self.mean = tf.Variable(mean, dtype=tf.float32)

    @tf.function(input_signature=[tf.TensorSpec([None, None], tf.float32)])
    def serve(self, instances):
        return {"predictions": tf.fill([tf.shape(instances)[0]], self.mean)}


def save(mean, model_dir):
    # TensorFlow Serving loads the highest numbered version folder of a SavedModel.
    model = MeanModel(mean)
    tf.saved_model.save(model, os.path.join(model_dir, "1"), signatures={"serving_default": model.serve})
` : `
def save(mean, model_dir):
    with open(os.path.join(model_dir, "model.json"), "w", encoding="utf-8") as f:
        json.dump({"mean": mean}, f)
`}

def main():
    args = parse_args()
    # The toolkit sets these; the defaults are the same paths, for running the script by hand.
    model_dir = os.environ.get("SM_MODEL_DIR", "/opt/ml/model")
    training_dir = os.environ.get("SM_CHANNEL_TRAINING", "/opt/ml/input/data/training")
    values = read_values(training_dir)
    mean = args.scale * sum(values) / len(values)
    save(mean, model_dir)
    print(json.dumps({"rows": len(values), "mean": mean}))


if __name__ == "__main__":
    main()
`;
}

/** User functions for the inference toolkits (sagemaker-inference, PyTorch, sklearn, XGBoost, HF, MXNet, Chainer). */
export function inferenceScript(): string {
  return `"""Inference functions.

The SageMaker inference toolkit calls model_fn once with the directory model.tar.gz was unpacked
into, then input_fn, predict_fn and output_fn for every request. Replace the sample model with
yours.
"""
import json
import os


def model_fn(model_dir):
    with open(os.path.join(model_dir, "model.json"), encoding="utf-8") as f:
        return json.load(f)


def input_fn(input_data, content_type):
    if isinstance(input_data, (bytes, bytearray)):
        input_data = input_data.decode("utf-8")
    if content_type == "text/csv":
        return [[float(v) for v in line.split(",")] for line in input_data.splitlines() if line.strip()]
    if content_type == "application/json":
        return json.loads(input_data)["instances"]
    raise ValueError(f"Unsupported content type: {content_type}")


def predict_fn(data, model):
    return [model["mean"] for _ in data]


def output_fn(prediction, accept):
    # The toolkits take (body, content type); JSON is the only type this sample writes.
    return json.dumps({"predictions": prediction}), "application/json"
`;
}

/** Pre- and post-processing around TensorFlow Serving, the server of the TensorFlow inference images. */
export function tensorflowServingScript(): string {
  return `"""Pre- and post-processing for the TensorFlow Serving inference image.

The container calls input_handler before it forwards a request to TensorFlow Serving's REST API,
and output_handler on TensorFlow Serving's answer. The model itself is the SavedModel in
model.tar.gz.
"""
import json


def input_handler(data, context):
    body = data.read().decode("utf-8")
    if context.request_content_type == "text/csv":
        instances = [[float(v) for v in line.split(",")] for line in body.splitlines() if line.strip()]
        return json.dumps({"instances": instances})
    if context.request_content_type == "application/json":
        return body
    raise ValueError(f"Unsupported content type: {context.request_content_type}")


def output_handler(response, context):
    if response.status_code != 200:
        raise ValueError(response.content.decode("utf-8"))
    return response.content, "application/json"
`;
}

/** The processing script: SageMaker copies inputs in before it starts and uploads outputs after. */
export function processScript(): string {
  return `"""Processing entry point.

SageMaker copies each ProcessingInput to its LocalPath under /opt/ml/processing before the script
starts and uploads each ProcessingOutput's LocalPath when it exits with 0. Replace the sample step
(summarising the first CSV column) with your processing code.
"""
import argparse
import csv
import json
import os


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input-dir", default="/opt/ml/processing/input/data")
    parser.add_argument("--output-dir", default="/opt/ml/processing/output")
    args, _ = parser.parse_known_args()

    values = []
    for name in sorted(os.listdir(args.input_dir)):
        with open(os.path.join(args.input_dir, name), newline="", encoding="utf-8") as f:
            values.extend(float(row[0]) for row in csv.reader(f) if row)
    os.makedirs(args.output_dir, exist_ok=True)
    summary = {"rows": len(values), "mean": sum(values) / len(values)}
    with open(os.path.join(args.output_dir, "summary.json"), "w", encoding="utf-8") as f:
        json.dump(summary, f)
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
`;
}

/**
 * ENTRYPOINT of an adapted hosting image: the inference toolkit registers no "serve" command, so
 * the entrypoint must handle SageMaker's "serve" argument itself (contract §2.5).
 */
export function entrypointScript(plan: Plan): string {
  const program = plan.trains ? `
# SAGEMAKER_PROGRAM names the training script for the training toolkit and the inference module for
# the inference toolkit. The image sets it for training; serving uses inference.py unless the model
# was deployed with a module of its own.
TRAINING_PROGRAM = "${plan.entryScript}"
` : '';
  const serve = plan.trains ? `    if os.environ.get("SAGEMAKER_PROGRAM", TRAINING_PROGRAM) == TRAINING_PROGRAM:
        os.environ["SAGEMAKER_PROGRAM"] = "inference.py"
    model_server.start_model_server()` : '    model_server.start_model_server()';
  return `"""The image's ENTRYPOINT.

SageMaker starts the container with "serve" for hosting${plan.trains ? ' and "train" for training' : ''}. Any other
command runs as given, so "docker run IMAGE bash" still works.
"""
import os
import sys

from sagemaker_inference import model_server
${program}

def serve():
${serve}


def main():
    command = sys.argv[1:]
    if command == ["serve"]:
        serve()
    elif command:
        os.execvp(command[0], command)
    else:
        sys.exit("usage: entrypoint.py serve | COMMAND [ARG...]")


if __name__ == "__main__":
    main()
`;
}

/** From-scratch \`train\`: SageMaker runs it as the container's command (scikit_bring_your_own layout). */
export function scratchTrain(): string {
  return `#!/usr/bin/env python3
"""The image's train command.

SageMaker starts a training job as "docker run IMAGE train", so this file runs from PATH. It reads
the hyperparameters (every value a string) and the "training" channel, and writes the model to
/opt/ml/model, which SageMaker uploads as model.tar.gz. On failure it writes the reason to
/opt/ml/output/failure, which the job reports as its FailureReason.
"""
import csv
import json
import os
import sys
import traceback

PREFIX = "/opt/ml"
HYPERPARAMETERS = os.path.join(PREFIX, "input", "config", "hyperparameters.json")
TRAINING_CHANNEL = os.path.join(PREFIX, "input", "data", "training")
MODEL_DIR = os.path.join(PREFIX, "model")
FAILURE = os.path.join(PREFIX, "output", "failure")


def train():
    hyperparameters = {}
    if os.path.exists(HYPERPARAMETERS):
        with open(HYPERPARAMETERS, encoding="utf-8") as f:
            hyperparameters = json.load(f)
    scale = float(hyperparameters.get("scale", "1.0"))
    values = []
    for name in sorted(os.listdir(TRAINING_CHANNEL)):
        with open(os.path.join(TRAINING_CHANNEL, name), newline="", encoding="utf-8") as f:
            values.extend(float(row[0]) for row in csv.reader(f) if row)
    mean = scale * sum(values) / len(values)
    with open(os.path.join(MODEL_DIR, "model.json"), "w", encoding="utf-8") as f:
        json.dump({"mean": mean}, f)
    print(json.dumps({"rows": len(values), "mean": mean}))


def main():
    try:
        train()
    except Exception:
        trace = traceback.format_exc()
        with open(FAILURE, "w", encoding="utf-8") as f:
            f.write(trace)
        print(trace, file=sys.stderr)
        # Any exit code other than 0 marks the job Failed.
        sys.exit(255)


if __name__ == "__main__":
    main()
`;
}

/** From-scratch \`serve\`: nginx in front of gunicorn, as in scikit_bring_your_own. */
export function scratchServe(): string {
  return `#!/usr/bin/env python3
"""The image's serve command.

SageMaker starts hosting as "docker run IMAGE serve". This starts nginx on port 8080 (or on
SAGEMAKER_BIND_TO_PORT, which SageMaker sets in pipelines and multi-container endpoints) in front
of gunicorn running the Flask app in predictor.py. The container stops when either process exits,
and SIGTERM (sent 30 seconds before SIGKILL when an endpoint scales in) stops both.
"""
import multiprocessing
import os
import signal
import subprocess
import sys

PORT = os.environ.get("SAGEMAKER_BIND_TO_PORT", "8080")
WORKERS = int(os.environ.get("MODEL_SERVER_WORKERS", multiprocessing.cpu_count()))
TIMEOUT = int(os.environ.get("MODEL_SERVER_TIMEOUT", "60"))


def main():
    with open("/opt/program/nginx.conf", encoding="utf-8") as f:
        config = f.read().replace("listen 8080", f"listen {PORT}")
    with open("/tmp/nginx.conf", "w", encoding="utf-8") as f:
        f.write(config)

    nginx = subprocess.Popen(["nginx", "-c", "/tmp/nginx.conf"])
    gunicorn = subprocess.Popen([
        "gunicorn", "--timeout", str(TIMEOUT), "-k", "sync", "-b", "unix:/tmp/gunicorn.sock",
        "-w", str(WORKERS), "--chdir", "/opt/program", "wsgi:app",
    ])
    children = [nginx, gunicorn]

    def stop(signum=None, frame=None):
        for child in children:
            if child.poll() is None:
                child.terminate()
        for child in children:
            child.wait()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    pids = {child.pid for child in children}
    while True:
        pid, _ = os.wait()
        if pid in pids:
            break
    print("Inference server exiting", file=sys.stderr)
    stop()


if __name__ == "__main__":
    main()
`;
}

export function scratchPredictor(): string {
  return `"""The Flask app behind nginx: /ping reports whether the model loads, /invocations predicts.

SageMaker unpacks model.tar.gz into /opt/ml/model before the container starts. Replace the sample
model (a JSON file holding a mean) with yours.
"""
import json
import os

import flask

MODEL_PATH = os.path.join("/opt/ml/model", "model.json")


class ScoringService:
    model = None

    @classmethod
    def get_model(cls):
        if cls.model is None and os.path.exists(MODEL_PATH):
            with open(MODEL_PATH, encoding="utf-8") as f:
                cls.model = json.load(f)
        return cls.model

    @classmethod
    def predict(cls, rows):
        return [cls.get_model()["mean"] for _ in rows]


app = flask.Flask(__name__)


@app.route("/ping", methods=["GET"])
def ping():
    # SageMaker sends traffic only after /ping answers 200; each ping times out after 2 seconds.
    status = 200 if ScoringService.get_model() is not None else 404
    return flask.Response(response="\\n", status=status, mimetype="application/json")


@app.route("/invocations", methods=["POST"])
def invocations():
    if flask.request.mimetype != "text/csv":
        return flask.Response(response="This predictor only supports text/csv", status=415, mimetype="text/plain")
    body = flask.request.data.decode("utf-8")
    rows = [[float(v) for v in line.split(",")] for line in body.splitlines() if line.strip()]
    result = json.dumps({"predictions": ScoringService.predict(rows)})
    return flask.Response(response=result, status=200, mimetype="application/json")
`;
}

export function scratchWsgi(): string {
  return `"""The module gunicorn loads: "wsgi:app"."""
from predictor import app

__all__ = ["app"]
`;
}
