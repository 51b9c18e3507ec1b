"""Render a reader URL through the normal Django stack (URL routing, middleware, views,
templates), in process, as an anonymous reader at the site's base URL would see it."""

from __future__ import annotations

import io
import sys
import traceback
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.handlers.base import BaseHandler
from django.core.handlers.wsgi import WSGIRequest
from django.core.signals import got_request_exception

from masthead.core import memo

# A published file is exactly what a render answers, so the render must be of a request
# that carries nothing but its URL.
_failure: ContextVar[str | None] = ContextVar("render_failure", default=None)


@dataclass(frozen=True)
class Rendered:
    url: str
    status: int
    body: bytes
    content_type: str
    error: str | None = None

    @property
    def is_page(self) -> bool:
        return self.status == 200 and self.error is None

    @property
    def is_gone(self) -> bool:
        """The URL has no page any more: not found, or moved elsewhere."""
        return self.status in {301, 302, 307, 308, 404, 410}


class _Handler(BaseHandler):
    def __init__(self) -> None:
        super().__init__()
        self.load_middleware()


@cache
def _handler() -> _Handler:
    got_request_exception.connect(_remember_failure, dispatch_uid="masthead-render-failure")
    return _Handler()


def _remember_failure(sender: Any, request: Any = None, **kwargs: Any) -> None:
    if request is not None and request.META.get("masthead.render"):
        _failure.set("".join(traceback.format_exception(*sys.exc_info())))


def _environ(url: str) -> dict[str, Any]:
    base = urlsplit(settings.BASE_URL)
    host = base.netloc or "localhost"
    return {
        "REQUEST_METHOD": "GET",
        # A server hands the app the percent-decoded path, as latin-1-decoded bytes; Django
        # decodes it back as UTF-8. Wagtail spells Burmese addresses percent-encoded.
        "PATH_INFO": unquote(url).encode("utf-8").decode("latin-1"),
        "SCRIPT_NAME": "",
        "QUERY_STRING": "",
        "SERVER_NAME": base.hostname or "localhost",
        "SERVER_PORT": str(base.port or (443 if base.scheme == "https" else 80)),
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": host,
        "HTTP_X_FORWARDED_PROTO": base.scheme or "http",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": base.scheme or "http",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
        "masthead.render": True,
    }


def render(url: str) -> Rendered:
    """What the site answers for `url` right now. A view that raises gives status 500 and
    the traceback in `error`; a page that would set a cookie is an error too, because a
    published file must be the same for every reader."""
    token = _failure.set(None)
    try:
        with memo.request_scope():
            response = _handler().get_response(WSGIRequest(_environ(url)))
        error = _failure.get()
    finally:
        _failure.reset(token)
    body = b"" if response.streaming else response.content  # type: ignore[attr-defined]
    if error is None and response.status_code == 200 and response.cookies:
        error = f"{url} sets cookies ({', '.join(response.cookies)}); reader pages must not"
    if error is None and response.status_code >= 500:
        error = f"{url} answered {response.status_code}"
    return Rendered(
        url=url,
        status=response.status_code,
        body=body,
        content_type=response.get("Content-Type", ""),
        error=error,
    )
