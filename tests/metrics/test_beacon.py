"""The beacon endpoint: always a quick 204, no cookie, and only readers are counted."""

from __future__ import annotations

import io
from typing import Any
from wsgiref.util import setup_testing_defaults

import pytest
from django.test import Client

from masthead.config.wsgi import application
from masthead.metrics.folding import fold_views
from masthead.metrics.models import StoryViews
from tests import factories

# Real transactions: the beacon closes its database connection after each request, as Django
# does, which a test wrapped in one transaction would not survive.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36"
FACEBOOK_APP = (
    "Mozilla/5.0 (Linux; Android 12; SM-A125F) AppleWebKit/537.36 Chrome/119 Mobile Safari/537.36"
    " [FBAN/EMA;FBLC/my_MM;FBAV/380.0.0.12.108;]"
)
NOT_READERS = [
    "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
    "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
    "TelegramBot (like TwitterBot)",
    "WhatsApp/2.23.20.0 A",
    "Twitterbot/1.0",
    "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
    "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/120.0 Safari/537.36",
    "curl/8.5.0",
    "python-requests/2.32",
    "",
]


def call(path: str, method: str = "POST", **headers: str) -> tuple[str, dict[str, str], bytes]:
    """One request through the whole WSGI application `masthead serve` runs."""
    # As from nginx on the same machine, which passes the reader's address along.
    environ: dict[str, Any] = {
        "REQUEST_METHOD": method,
        "PATH_INFO": path,
        "REMOTE_ADDR": "127.0.0.1",
    }
    environ.update({f"HTTP_{k.upper()}": v for k, v in headers.items()})
    environ["wsgi.input"] = io.BytesIO(b"")
    environ["CONTENT_LENGTH"] = "0"
    setup_testing_defaults(environ)
    answer: dict[str, Any] = {}

    def start_response(status: str, response_headers: list[tuple[str, str]]) -> None:
        answer["status"], answer["headers"] = status, dict(response_headers)

    body = b"".join(application(environ, start_response))
    return answer["status"], answer["headers"], body


def counted(story_id: int) -> int:
    fold_views()
    row = StoryViews.objects.filter(story_id=story_id).first()
    return row.total if row else 0


def test_an_empty_post_counts_a_view_and_answers_204_without_a_cookie():
    story = factories.article(factories.section())
    status, headers, body = call(f"/api/views/{story.pk}/", user_agent=PHONE)
    assert status.startswith("204")
    assert body == b""
    assert "Set-Cookie" not in headers
    assert headers["Cache-Control"] == "no-store"
    assert counted(story.pk) == 1


def test_the_same_reader_again_is_not_counted_again():
    story = factories.article(factories.section())
    for _ in range(3):
        call(f"/api/views/{story.pk}/", user_agent=PHONE, x_forwarded_for="198.51.100.4")
    call(f"/api/views/{story.pk}/", user_agent=PHONE, x_forwarded_for="198.51.100.5")
    assert counted(story.pk) == 2


@pytest.mark.parametrize("agent", NOT_READERS)
def test_bots_and_link_previews_are_answered_but_not_counted(agent: str):
    story = factories.article(factories.section())
    status, _, _ = call(f"/api/views/{story.pk}/", user_agent=agent)
    assert status.startswith("204")
    assert counted(story.pk) == 0


def test_in_app_browsers_are_readers():
    story = factories.article(factories.section())
    call(f"/api/views/{story.pk}/", user_agent=FACEBOOK_APP)
    assert counted(story.pk) == 1


@pytest.mark.parametrize(
    "header", [{"sec_purpose": "prefetch"}, {"purpose": "prefetch"}, {"x_moz": "prefetch"}]
)
def test_prefetches_are_not_counted(header: dict[str, str]):
    story = factories.article(factories.section())
    status, _, _ = call(f"/api/views/{story.pk}/", user_agent=PHONE, **header)
    assert status.startswith("204")
    assert counted(story.pk) == 0


def test_other_methods_are_refused_and_count_nothing():
    story = factories.article(factories.section())
    status, headers, _ = call(f"/api/views/{story.pk}/", method="GET", user_agent=PHONE)
    assert status.startswith("405")
    assert headers["Allow"] == "POST"
    assert counted(story.pk) == 0


@pytest.mark.parametrize("path", ["/api/views/abc/", "/api/views/0/", "/api/views/1/2/"])
def test_malformed_beacon_addresses_are_not_found(path: str):
    status, _, _ = call(path, user_agent=PHONE)
    assert status.startswith("404")


def test_a_huge_story_number_is_answered_and_dropped():
    status, _, _ = call("/api/views/999999999999999999/", user_agent=PHONE)
    assert status.startswith("204")
    assert fold_views().dropped == 1


def test_the_beacon_inside_django_behaves_the_same():
    story = factories.article(factories.section())
    client = Client(HTTP_USER_AGENT=PHONE)
    response = client.post(f"/api/views/{story.pk}/")
    assert response.status_code == 204
    assert not response.cookies
    assert client.get(f"/api/views/{story.pk}/").status_code == 405
    assert counted(story.pk) == 1


def test_articles_carry_their_beacon():
    story = factories.article(factories.section())
    html = Client().get(story.url).content.decode()
    assert f'data-view-beacon="/api/views/{story.pk}/"' in html
