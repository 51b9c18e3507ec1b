"""The sign-up page of each edition, the header's link to it, and what signing up stores."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from masthead.newsletters.models import Subscriber
from masthead.newsletters.services import request_subscription
from tests.newsletters.helpers import sets_no_cookie

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("path", "pitch", "language"),
    [
        ("/newsletter/", "Daily updates in your inbox", "en"),
        ("/my/newsletter/", "နေ့စဉ် သတင်းများ သင့်အီးမေးလ်ထဲသို့", "my"),
    ],
)
def test_each_edition_has_a_sign_up_page_that_works_without_script_or_cookie(path, pitch, language):
    response = Client().get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert sets_no_cookie(response)
    assert f'<html lang="{language}"' in html
    assert pitch in html
    assert f'<form method="post" action="{path}"' in html
    assert 'type="email" name="email"' in html
    assert 'name="website"' in html and 'tabindex="-1"' in html
    assert "csrfmiddlewaretoken" not in html


@pytest.mark.parametrize(
    ("front", "link", "label"),
    [("/", 'href="/newsletter/"', "Newsletter"), ("/my/", 'href="/my/newsletter/"', "သတင်းလွှာ")],
)
def test_the_header_links_to_the_editions_sign_up_page(front, link, label):
    html = Client().get(front).content.decode()
    tools = html.split('class="masthead__tools"', 1)[1].split("</nav>", 1)[0]
    assert f'<a {link} class="masthead__newsletter">{label}</a>' in tools


def test_one_address_may_subscribe_to_each_edition_once():
    request_subscription(email="Reader@Example.org", edition="en")
    request_subscription(email="reader@example.org", edition="en")
    request_subscription(email="reader@example.org", edition="my")
    assert sorted(Subscriber.objects.values_list("email", "edition")) == [
        ("reader@example.org", "en"),
        ("reader@example.org", "my"),
    ]
    tokens = set(Subscriber.objects.values_list("token", flat=True))
    assert len(tokens) == 2 and all(len(token) >= 40 for token in tokens)


def test_signing_up_again_soon_after_a_mail_owes_no_second_mail():
    subscriber = request_subscription(email="reader@example.org", edition="en")
    Subscriber.objects.filter(pk=subscriber.pk).update(
        mail_due=Subscriber.Mail.NONE, mail_sent_at=timezone.now() - timedelta(minutes=5)
    )
    again = request_subscription(email="reader@example.org", edition="en")
    assert again.mail_due == Subscriber.Mail.NONE


def test_signing_up_after_unsubscribing_asks_to_confirm_again():
    from masthead.newsletters.services import confirm_subscription, unsubscribe

    subscriber = request_subscription(email="reader@example.org", edition="en")
    confirm_subscription(subscriber=subscriber)
    unsubscribe(subscriber=subscriber)
    again = request_subscription(email="reader@example.org", edition="en")
    assert again.status == Subscriber.Status.PENDING
    assert again.mail_due == Subscriber.Mail.CONFIRMATION
    assert again.confirmed_at is None


def test_the_same_page_answers_whatever_the_address_state():
    request_subscription(email="pending@example.org", edition="en")
    confirmed = request_subscription(email="confirmed@example.org", edition="en")
    Subscriber.objects.filter(pk=confirmed.pk).update(status=Subscriber.Status.CONFIRMED)

    def page(email: str) -> str:
        response = Client(REMOTE_ADDR=email).post("/newsletter/", {"email": email})
        assert response.status_code == 200
        return response.content.decode().replace(email, "ADDRESS")

    assert page("new@example.org") == page("pending@example.org") == page("confirmed@example.org")
