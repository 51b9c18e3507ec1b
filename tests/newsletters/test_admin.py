"""Editors see the subscribers (filtered, counted, as a spreadsheet) and may unsubscribe one;
no one adds or edits an address by hand."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from masthead.newsletters.models import Subscriber
from masthead.newsletters.services import confirm_subscription, request_subscription
from tests import factories

pytestmark = pytest.mark.django_db

LISTING = "wagtailsnippets_newsletters_subscriber:list"


@pytest.fixture
def subscribers() -> list[Subscriber]:
    made = []
    for email, edition, confirm in [
        ("one@example.org", "en", True),
        ("two@example.org", "en", False),
        ("three@example.org", "my", True),
        ("=HYPERLINK(1)+2@example.org", "my", True),
    ]:
        subscriber = request_subscription(email=email, edition=edition)
        if confirm:
            subscriber = confirm_subscription(subscriber=subscriber)
        made.append(subscriber)
    return made


@pytest.fixture
def editor() -> Client:
    client = Client()
    client.force_login(factories.user_in("Editors"))
    return client


def test_editors_list_subscribers_filtered_by_edition_and_status_with_counts(editor, subscribers):
    listing = editor.get(reverse(LISTING))
    html = listing.content.decode()
    assert listing.status_code == 200
    assert "Confirmed subscribers: English 1 · Burmese 2." in html
    assert "Waiting for confirmation: English 1 · Burmese 0." in html

    filtered = editor.get(reverse(LISTING), {"edition": "my", "status": "confirmed"})
    html = filtered.content.decode()
    assert "There are 2 matches" in html
    assert "three@example.org" in html and "one@example.org" not in html

    searched = editor.get(reverse(LISTING), {"q": "three"}).content.decode()
    assert "three@example.org" in searched and "one@example.org" not in searched


def test_the_details_page_does_not_show_the_token(editor, subscribers):
    subscriber = subscribers[0]
    url = reverse("wagtailsnippets_newsletters_subscriber:inspect", args=[subscriber.pk])
    page = editor.get(url)
    assert page.status_code == 200
    assert subscriber.email in page.content.decode()
    assert subscriber.token not in page.content.decode()


def test_the_csv_export_cannot_run_an_address_as_a_formula(editor, subscribers):
    response = editor.get(reverse(LISTING), {"export": "csv", "edition": "my"})
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    emails = sorted(row[0] for row in rows[1:])
    assert emails == ["'=hyperlink(1)+2@example.org", "three@example.org"]


def test_no_one_adds_edits_or_deletes_an_address_by_hand(subscribers):
    admin = Client()
    admin.force_login(
        get_user_model().objects.create_superuser("boss", "boss@example.org", "a-long-password")
    )
    subscriber = subscribers[0]
    for name, args in [("add", []), ("edit", [subscriber.pk]), ("delete", [subscriber.pk])]:
        url = reverse(f"wagtailsnippets_newsletters_subscriber:{name}", args=args)
        assert admin.get(url).status_code in (302, 403), name
        admin.post(url, {"email": "changed@example.org", "edition": "en"})
    assert Subscriber.objects.get(pk=subscriber.pk).email == "one@example.org"
    assert Subscriber.objects.count() == len(subscribers)


def test_an_editor_unsubscribes_a_reader_who_asks(editor, subscribers):
    subscriber = subscribers[0]
    listing = editor.get(reverse(LISTING)).content.decode()
    url = reverse("newsletters_unsubscribe_subscriber", args=[subscriber.pk])
    assert url in listing
    assert editor.get(url).status_code == 200
    assert Subscriber.objects.get(pk=subscriber.pk).status == Subscriber.Status.CONFIRMED

    done = editor.post(url)
    assert done.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.email == "one@example.org"


def test_staff_without_the_permission_cannot_unsubscribe(subscribers):
    client = Client()
    client.force_login(
        get_user_model().objects.create_user("desk", password="a-long-password", is_staff=True)
    )
    url = reverse("newsletters_unsubscribe_subscriber", args=[subscribers[0].pk])
    assert client.post(url).status_code in (302, 403)
    assert Subscriber.objects.get(pk=subscribers[0].pk).status == Subscriber.Status.CONFIRMED
