"""WSGI entry point: `gunicorn masthead.config.wsgi` (what `masthead serve` runs)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")
application = get_wsgi_application()
