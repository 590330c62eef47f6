"""The Flask app behind nginx: /ping for health checks, /invocations for CSV predictions."""
import io
import os
import pickle

import flask
import pandas as pd

model_path = '/opt/ml/model'
_model = None


def model():
    global _model
    if _model is None:
        with open(os.path.join(model_path, 'decision-tree-model.pkl'), 'rb') as f:
            _model = pickle.load(f)
    return _model


app = flask.Flask(__name__)


@app.route('/ping', methods=['GET'])
def ping():
    try:
        model()
        return flask.Response(response='\n', status=200, mimetype='application/json')
    except Exception:
        return flask.Response(response='\n', status=404, mimetype='application/json')


@app.route('/invocations', methods=['POST'])
def invocations():
    if flask.request.content_type != 'text/csv':
        return flask.Response(response='This predictor only supports CSV data', status=415, mimetype='text/plain')
    data = pd.read_csv(io.StringIO(flask.request.data.decode('utf-8')), header=None)
    out = io.StringIO()
    pd.DataFrame({'results': model().predict(data)}).to_csv(out, header=False, index=False)
    return flask.Response(response=out.getvalue(), status=200, mimetype='text/csv')
