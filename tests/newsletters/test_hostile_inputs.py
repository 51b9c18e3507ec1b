"""Whatever a client sends, the newsletter pages answer with a page that says what is wrong:
never a 500, never a cookie, never a stored row or a queued mail for bad input."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.test import Client
from django_tasks_db.models import DBTaskResult

from masthead.newsletters import links
from masthead.newsletters.models import Subscriber
from masthead.newsletters.services import request_subscription
from tests.newsletters.helpers import sets_no_cookie

pytestmark = pytest.mark.django_db

INVALID = "Enter a valid email address."
REQUIRED = "This field is required."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "not-an-email"}, INVALID),
        ({"email": "reader@"}, INVALID),
        ({"email": "x" * 10_000}, "at most 254 characters"),
        ({"email": ("a" * 9_990) + "@example.org"}, "at most 254 characters"),
        ({"email": "reader\x00@example.org"}, "Null characters are not allowed."),
        ({"email": "rea\x07der@example.org"}, INVALID),
        ({"email": "reader@example.org\r\nBcc: victim@example.org"}, INVALID),
        ({"email": "reader@exam\u202eple.org"}, INVALID),
        ({"email": "မြန်မာ@example.org"}, INVALID),
        ({}, REQUIRED),
        ({"email": ""}, REQUIRED),
        ({"email": "   "}, REQUIRED),
        ({"website": "x" * 10_000}, REQUIRED),
    ],
    ids=[
        "malformed",
        "no domain",
        "10000 characters",
        "10000-character address",
        "null character",
        "bell character",
        "header injection",
        "bidi override",
        "burmese local part",
        "no fields",
        "empty",
        "spaces",
        "only the honeypot",
    ],
)
def test_bad_input_gets_a_clear_error_and_stores_nothing(data, message):
    response = Client().post("/newsletter/", data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert sets_no_cookie(response)
    assert not Subscriber.objects.exists()
    assert not DBTaskResult.objects.filter(task_path__startswith="masthead.newsletters").exists()


def test_a_body_that_is_not_utf8_gets_a_clear_error():
    response = Client().post(
        "/newsletter/",
        b"email=\xff\xfe%ZZ@example.org&website=",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert INVALID in response.content.decode()
    assert not Subscriber.objects.exists()


def test_the_burmese_edition_explains_errors_in_burmese():
    response = Client().post("/my/newsletter/", {"email": "not-an-email"})
    assert response.status_code == 400
    assert "မှန်ကန်သော အီးမေးလ်လိပ်စာ ထည့်ပါ။" in response.content.decode()


def test_the_honeypot_stops_bots_and_says_so():
    response = Client().post(
        "/newsletter/", {"email": "reader@example.org", "website": "http://spam.example"}
    )
    assert response.status_code == 400
    assert "looks automated" in response.content.decode()
    assert sets_no_cookie(response)
    assert not Subscriber.objects.exists()


def test_a_flood_from_one_connection_is_rate_limited():
    client = Client()
    responses = [client.post("/newsletter/", {"email": f"reader{n}@example.org"}) for n in range(7)]
    assert [r.status_code for r in responses] == [200] * 5 + [429, 429]
    assert int(responses[-1]["Retry-After"]) > 0
    assert "Too many sign-ups" in responses[-1].content.decode()
    assert all(sets_no_cookie(r) for r in responses)
    assert Subscriber.objects.count() == 5
    # Another connection is not held back.
    other = Client(REMOTE_ADDR="192.0.2.7").post("/newsletter/", {"email": "r@example.org"})
    assert other.status_code == 200


@pytest.mark.parametrize("method", ["put", "patch", "delete", "options"])
@pytest.mark.parametrize("path", ["/newsletter/", "/my/newsletter/confirm/x/"])
def test_other_methods_get_a_page_that_says_so(method, path):
    response = getattr(Client(), method)(path)
    assert response.status_code == 405
    assert set(response["Allow"].split(", ")) == {"GET", "HEAD", "POST"}
    assert sets_no_cookie(response)
    if method != "options":
        assert "use its form" in response.content.decode() or "ဖောင်" in (response.content.decode())


@pytest.mark.parametrize(
    "signed",
    ["nonsense", "x" * 10_000, "a:b:c", "%00", "ZmFrZQ:1tQ:AAAA"],
    ids=["nonsense", "10000 characters", "colons", "null", "forged"],
)
@pytest.mark.parametrize("kind", ["confirm", "unsubscribe"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_broken_link_gets_a_clear_page(kind, signed, method):
    request_subscription(email="reader@example.org", edition="en")
    response = getattr(Client(), method)(f"/newsletter/{kind}/{signed}/")
    assert response.status_code == 400
    assert "copy the whole link" in response.content.decode()
    assert sets_no_cookie(response)
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_an_unsubscribe_link_cannot_confirm_and_a_confirm_link_cannot_unsubscribe():
    subscriber = request_subscription(email="reader@example.org", edition="en")
    confirm_path = links.confirm_url(subscriber).split("/newsletter/confirm/")[1]
    leave_path = links.unsubscribe_url(subscriber).split("/newsletter/unsubscribe/")[1]
    assert Client().post(f"/newsletter/confirm/{leave_path}").status_code == 400
    assert Client().post(f"/newsletter/unsubscribe/{confirm_path}").status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


class _WeekOldSigner(signing.TimestampSigner):
    def timestamp(self) -> str:
        return signing.b62_encode(int(time.time()) - 8 * 24 * 3600)


def test_an_expired_confirm_link_says_so_and_offers_a_new_sign_up():
    subscriber = request_subscription(email="reader@example.org", edition="my")
    old = _WeekOldSigner(salt=links._CONFIRM_SALT).sign(subscriber.token)
    response = Client().post(f"/my/newsletter/confirm/{old}/")
    assert response.status_code == 410
    html = response.content.decode()
    assert "လင့်ခ်အသစ်" in html and 'href="/my/newsletter/"' in html
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING
