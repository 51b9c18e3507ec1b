"""The view beacon: `POST /api/views/<story id>/` with an empty body counts one view.

Reader pages carry `data-view-beacon` on their <article>; masthead/static/js/views.js sends
the POST when the page is shown. The answer is always 204 and quick: a bot, a prefetch, a
repeat view or dead storage changes what is counted, never the answer. No cookie is read or
set, and the address and user agent only feed the visitor hash (masthead/metrics/visitors.py).

`ViewBeacon` answers in front of Django (as `PublishedFiles` does for pages), so a spike of
readers costs a hash and one Redis call each; `beacon_view` is the same endpoint inside
Django, for the development server and for requests that reach Django some other way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from django.conf import settings
from django.db import close_old_connections
from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from masthead.core.clients import address_in
from masthead.metrics.bots import is_reader
from masthead.metrics.counting import record_view

_SQLITE = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
BEACON_PREFIX = "/api/views/"
_BEACON_PATH = re.compile(r"^/api/views/([1-9][0-9]{0,17})/$")
_MAX_BODY = 1024
NO_CONTENT_HEADERS = [("Cache-Control", "no-store"), ("Content-Length", "0")]

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]


def beacon_url(story_id: int) -> str:
    return f"{BEACON_PREFIX}{story_id}/"


def count_beacon(environ: Mapping[str, Any], story_id: int) -> None:
    if is_reader(environ):
        record_view(
            story_id=story_id,
            address=address_in(environ),
            user_agent=environ.get("HTTP_USER_AGENT", ""),
        )


class ViewBeacon:
    """WSGI wrapper answering beacons before anything else runs."""

    def __init__(self, app: WSGIApp) -> None:
        self.app = app

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        if not path.startswith(BEACON_PREFIX):
            return self.app(environ, start_response)
        found = _BEACON_PATH.match(path)
        if found is None:
            start_response("404 Not Found", NO_CONTENT_HEADERS)
            return [b""]
        if environ.get("REQUEST_METHOD") != "POST":
            start_response("405 Method Not Allowed", [("Allow", "POST"), *NO_CONTENT_HEADERS])
            return [b""]
        _drain(environ)
        try:
            count_beacon(environ, int(found.group(1)))
        finally:
            if not _SQLITE:
                # What Django does after each request. A SQLite connection is a file
                # handle: each serving thread keeps its own rather than reopen it (and
                # rerun its PRAGMAs) for every view.
                close_old_connections()
        start_response("204 No Content", NO_CONTENT_HEADERS)
        return [b""]


def _drain(environ: Mapping[str, Any]) -> None:
    """Read (a little of) the body, so a keep-alive connection stays in step."""
    try:
        length = min(int(environ.get("CONTENT_LENGTH") or 0), _MAX_BODY)
    except ValueError:
        length = 0
    if length > 0:
        environ["wsgi.input"].read(length)


@csrf_exempt
def beacon_view(request: HttpRequest, story_id: int) -> HttpResponse:
    if request.method != "POST":
        response = HttpResponse(status=405)
        response["Allow"] = "POST"
    else:
        count_beacon(request.META, story_id)
        response = HttpResponse(status=204)
    response["Cache-Control"] = "no-store"
    return response
