import predictor as myapp

# gunicorn loads `wsgi:app`.
app = myapp.app
