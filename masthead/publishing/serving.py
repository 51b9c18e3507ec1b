"""The embedded default serves published files itself, in front of Django.

An anonymous GET or HEAD for a URL that has a file gets the file (or its precompressed
variant) with the headers nginx would send, without touching Django, the database or a
template. Everything else (the admin, forms, search, a logged-in editor, a URL with no file)
goes on to Django. Production puts nginx in this place (deploy/nginx.conf).
"""

from __future__ import annotations

import mimetypes
from collections.abc import Callable, Iterable
from email.utils import formatdate, parsedate_to_datetime
from pathlib import Path
from typing import Any

from csp.utils import build_policy
from django.conf import settings

from masthead.core.editions import edition_for_path
from masthead.publishing.paths import NotPublishable, file_for_url

StartResponse = Callable[..., Any]
WSGIApp = Callable[[dict[str, Any], StartResponse], Iterable[bytes]]

# Short: a reader gets a newly published story within a minute even through a cache, and a
# cache may keep serving the old page for ten minutes while it fetches the new one.
PAGE_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=600"
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".json": "application/json",
}
ENCODINGS = (("br", ".br"), ("gzip", ".gz"))


def security_headers() -> list[tuple[str, str]]:
    """The headers Django's middleware adds to a reader page, for pages served as files."""
    headers = []
    if settings.SECURE_CONTENT_TYPE_NOSNIFF:
        headers.append(("X-Content-Type-Options", "nosniff"))
    if settings.SECURE_REFERRER_POLICY:
        headers.append(("Referrer-Policy", str(settings.SECURE_REFERRER_POLICY)))
    if settings.SECURE_CROSS_ORIGIN_OPENER_POLICY:
        headers.append(("Cross-Origin-Opener-Policy", settings.SECURE_CROSS_ORIGIN_OPENER_POLICY))
    headers.append(("X-Frame-Options", settings.X_FRAME_OPTIONS))
    headers.append(("Content-Security-Policy", build_policy()))
    return headers


def hsts_header() -> tuple[str, str] | None:
    if not settings.SECURE_HSTS_SECONDS:
        return None
    value = f"max-age={settings.SECURE_HSTS_SECONDS}"
    if settings.SECURE_HSTS_INCLUDE_SUBDOMAINS:
        value += "; includeSubDomains"
    if settings.SECURE_HSTS_PRELOAD:
        value += "; preload"
    return ("Strict-Transport-Security", value)


class PublishedFiles:
    """WSGI middleware: published files first, then the wrapped application."""

    def __init__(self, app: WSGIApp, root: Path | None = None) -> None:
        self.app = app
        self.root = Path(root or settings.PUBLISHED_ROOT)
        self.headers = security_headers()
        self.hsts = hsts_header()
        self.onion = settings.MASTHEAD_ONION_URL

    def __call__(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        found = self._find(environ)
        if found is None:
            return self.app(environ, self._with_onion(environ, start_response))
        path, url = found
        return self._serve(environ, start_response, path, url)

    def _find(self, environ: dict[str, Any]) -> tuple[Path, str] | None:
        if environ.get("REQUEST_METHOD") not in {"GET", "HEAD"}:
            return None
        if "sessionid=" in environ.get("HTTP_COOKIE", ""):
            return None  # a signed-in editor sees the live site, never a cached copy
        if settings.SECURE_SSL_REDIRECT and not self._is_secure(environ):
            return None  # Django answers with the redirect to HTTPS
        try:
            url = environ.get("PATH_INFO", "/").encode("latin-1").decode("utf-8")
            path = file_for_url(self.root, url)
        except (UnicodeError, NotPublishable):
            return None
        return (path, url) if path.is_file() else None

    def _is_secure(self, environ: dict[str, Any]) -> bool:
        header = getattr(settings, "SECURE_PROXY_SSL_HEADER", None)
        if header and environ.get(header[0]) == header[1]:
            return True
        return bool(environ.get("wsgi.url_scheme") == "https")

    def _with_onion(self, environ: dict[str, Any], start_response: StartResponse) -> StartResponse:
        if not self.onion:
            return start_response

        def start(status: str, headers: list[tuple[str, str]], *args: Any) -> Any:
            return start_response(status, [*headers, self._onion_header(environ)], *args)

        return start

    def _onion_header(self, environ: dict[str, Any]) -> tuple[str, str]:
        return ("Onion-Location", self.onion + environ.get("PATH_INFO", "/"))

    def _serve(
        self, environ: dict[str, Any], start_response: StartResponse, path: Path, url: str
    ) -> Iterable[bytes]:
        chosen, encoding = path, None
        accepted = _accepted_encodings(environ.get("HTTP_ACCEPT_ENCODING", ""))
        for name, suffix in ENCODINGS:
            variant = path.with_name(path.name + suffix)
            if name in accepted and variant.is_file():
                chosen, encoding = variant, name
                break
        try:
            stat = chosen.stat()
        except FileNotFoundError:  # removed between the look and the read
            return self.app(environ, start_response)
        etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}{"-" + encoding if encoding else ""}"'
        headers = [
            ("Content-Type", _content_type(path)),
            ("Cache-Control", PAGE_CACHE_CONTROL),
            ("ETag", etag),
            ("Last-Modified", formatdate(stat.st_mtime, usegmt=True)),
            ("Vary", "Accept-Encoding"),
            ("Content-Language", edition_for_path(url).language),
            *self.headers,
        ]
        if self.hsts and self._is_secure(environ):
            headers.append(self.hsts)
        if self.onion:
            headers.append(self._onion_header(environ))
        if _not_modified(environ, etag, stat.st_mtime):
            start_response("304 Not Modified", headers)
            return []
        if encoding:
            headers.append(("Content-Encoding", encoding))
        headers.append(("Content-Length", str(stat.st_size)))
        start_response("200 OK", headers)
        if environ["REQUEST_METHOD"] == "HEAD":
            return []
        file = chosen.open("rb")  # the server closes it after sending
        wrapper = environ.get("wsgi.file_wrapper")
        return wrapper(file, 64 * 1024) if wrapper else _read_and_close(file)


def _read_and_close(file: Any) -> Iterable[bytes]:
    with file:
        while chunk := file.read(64 * 1024):
            yield chunk


def _accepted_encodings(header: str) -> set[str]:
    accepted = set()
    for item in header.split(","):
        name, _, params = item.strip().partition(";")
        quality = params.strip().removeprefix("q=")
        if name and not (params and quality.replace(".", "").strip("0") == ""):
            accepted.add(name.strip().lower())
    return accepted


def _content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    return CONTENT_TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "text/html"


def _not_modified(environ: dict[str, Any], etag: str, mtime: float) -> bool:
    if_none_match = environ.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        return etag in {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    since = environ.get("HTTP_IF_MODIFIED_SINCE")
    if since:
        try:
            return int(mtime) <= parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False
    return False
