"""The peer of the load test: Kniewijs's own settings (middleware, sessions, security headers, logging) with
a urlconf of one tiny view, served by the same `kniewijs serve` (gunicorn) as the app. run.py puts this
folder on PYTHONPATH and sets DJANGO_SETTINGS_MODULE=bare_settings."""

from kniewijs.settings import *  # noqa: F403 - everything as in production, the urlconf aside

ROOT_URLCONF = "bare_urls"
