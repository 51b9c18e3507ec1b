"""WSGI entry point: `gunicorn masthead.config.wsgi` (what `masthead serve` runs). View beacons
(masthead/metrics/beacon.py) and published files (masthead/publishing/serving.py) are answered
before Django sees the request."""

import os

from django.core.wsgi import get_wsgi_application

from masthead.core.collector import settle_for_rendering

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")
django_application = get_wsgi_application()

from masthead.metrics.beacon import ViewBeacon  # noqa: E402 - needs Django set up
from masthead.publishing.serving import PublishedFiles  # noqa: E402

application = ViewBeacon(PublishedFiles(django_application))
settle_for_rendering()  # a worker renders pages for as long as it lives
