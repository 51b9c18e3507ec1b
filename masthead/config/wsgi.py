"""WSGI entry point: `gunicorn masthead.config.wsgi` (what `masthead serve` runs). Published
files are served before Django sees the request (masthead/publishing/serving.py)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")
django_application = get_wsgi_application()

from masthead.publishing.serving import PublishedFiles  # noqa: E402 - needs Django set up

application = PublishedFiles(django_application)
