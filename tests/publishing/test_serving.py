"""The embedded default serves published files before Django, as nginx does in production."""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Any

import brotli
import pytest
from django.test import override_settings

from masthead.publishing import store
from masthead.publishing.serving import PublishedFiles
from tests import factories

BURMESE_URL = "/my/သတင်း/"


class Response:
    def __init__(self, app: Any, path: str, method: str = "GET", **headers: str) -> None:
        environ = {
            "REQUEST_METHOD": method,
            "PATH_INFO": path.encode("utf-8").decode("latin-1"),
            "QUERY_STRING": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8000",
            "HTTP_HOST": "127.0.0.1:8000",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(),
            "wsgi.errors": io.StringIO(),
            **{f"HTTP_{name.upper()}": value for name, value in headers.items()},
        }
        self.status = ""
        self.headers: dict[str, str] = {}

        def start_response(status: str, headers: list[tuple[str, str]], *args: Any) -> None:
            self.status = status
            self.headers = dict(headers)

        chunks = app(environ, start_response)
        self.body = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    store.write("/news/a-story/", b"<p>published story</p>" * 50, root=tmp_path)
    store.write(BURMESE_URL, "<p>သတင်း</p>".encode(), root=tmp_path)
    store.write("/news/feed/rss.xml", b"<rss/>", root=tmp_path)
    return tmp_path


def fallback(environ: dict[str, Any], start_response: Any) -> list[bytes]:
    start_response("418 I'm a teapot", [("Content-Type", "text/plain")])
    return [b"from the app"]


def test_a_published_page_is_served_with_its_headers(tree):
    response = Response(PublishedFiles(fallback, tree), "/news/a-story/")
    assert response.status == "200 OK"
    assert response.body == b"<p>published story</p>" * 50
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert response.headers["Cache-Control"].startswith("public, max-age=")
    assert response.headers["ETag"] and response.headers["Last-Modified"]
    assert response.headers["Vary"] == "Accept-Encoding"
    assert response.headers["Content-Language"] == "en"
    assert "Set-Cookie" not in response.headers


def test_compressed_variants_are_chosen_by_accept_encoding(tree):
    app = PublishedFiles(fallback, tree)
    plain = Response(app, "/news/a-story/").body
    gz = Response(app, "/news/a-story/", accept_encoding="gzip")
    assert gz.headers["Content-Encoding"] == "gzip"
    assert gzip.decompress(gz.body) == plain
    br = Response(app, "/news/a-story/", accept_encoding="gzip, deflate, br")
    assert br.headers["Content-Encoding"] == "br"
    assert brotli.decompress(br.body) == plain
    refused = Response(app, "/news/a-story/", accept_encoding="br;q=0, gzip;q=0")
    assert "Content-Encoding" not in refused.headers
    assert len({gz.headers["ETag"], br.headers["ETag"], refused.headers["ETag"]}) == 3


def test_conditional_requests_get_304(tree):
    app = PublishedFiles(fallback, tree)
    first = Response(app, "/news/a-story/")
    again = Response(app, "/news/a-story/", if_none_match=first.headers["ETag"])
    assert again.status == "304 Not Modified" and again.body == b""
    since = Response(app, "/news/a-story/", if_modified_since=first.headers["Last-Modified"])
    assert since.status == "304 Not Modified"


def test_head_has_headers_and_no_body(tree):
    response = Response(PublishedFiles(fallback, tree), "/news/a-story/", method="HEAD")
    assert response.status == "200 OK" and response.body == b""
    assert response.headers["Content-Length"] == str(len(b"<p>published story</p>" * 50))


def test_burmese_addresses_and_feeds(tree):
    app = PublishedFiles(fallback, tree)
    burmese = Response(app, "/my/%E1%80%9E%E1%80%90%E1%80%84%E1%80%BA%E1%80%B8/")
    assert burmese.status == "200 OK" and "သတင်း" in burmese.body.decode()
    assert burmese.headers["Content-Language"] == "my"
    feed = Response(app, "/news/feed/rss.xml")
    assert feed.headers["Content-Type"] == "application/xml; charset=utf-8"


@pytest.mark.parametrize(
    ("path", "method", "headers"),
    [
        ("/news/a-story/", "POST", {}),  # a form posted to a published page
        ("/news/a-story/", "GET", {"cookie": "sessionid=abc"}),  # a signed-in editor
        ("/no-file-here/", "GET", {}),
        ("/news/../../etc/passwd", "GET", {}),
        ("/news/a-story/%ff/", "GET", {}),  # not UTF-8
    ],
)
def test_everything_else_goes_to_the_app(tree, path, method, headers):
    response = Response(PublishedFiles(fallback, tree), path, method=method, **headers)
    assert response.body == b"from the app"


@override_settings(MASTHEAD_ONION_URL="http://examplenewsroomonionaddress.onion")
def test_onion_location_is_sent_when_an_onion_address_is_configured(tree):
    app = PublishedFiles(fallback, tree)
    for path in ("/news/a-story/", "/no-file-here/"):
        response = Response(app, path)
        assert response.headers["Onion-Location"] == (
            f"http://examplenewsroomonionaddress.onion{path}"
        )


@pytest.mark.django_db
def test_a_served_file_carries_the_security_headers_of_a_dynamic_page(client, tmp_path):
    story = factories.article(factories.section())
    dynamic = client.get(story.url)
    assert dynamic.status_code == 200
    store.write(story.url, dynamic.content, root=tmp_path)
    served = Response(PublishedFiles(fallback, tmp_path), story.url)
    assert served.body == dynamic.content
    for name in (
        "Content-Security-Policy",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Frame-Options",
        "Content-Language",
    ):
        assert served.headers.get(name) == dynamic.headers.get(name), name
