from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client

from masthead.journalism.models import ContactMessage, ContactPage
from tests import factories

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Ma Hnin",
    "email": "reader@example.org",
    "subject": "Tip",
    "message": "The ferry at Pakokku stopped running on Monday.",
    "website": "",
}


@pytest.fixture
def contact_page() -> ContactPage:
    page = ContactPage(title="Contact", slug="contact", intro="Write to us.")
    factories.home().add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_message_is_stored_then_emailed_by_the_worker(contact_page):
    response = Client().post(contact_page.url, VALID)
    assert response.status_code == 200
    assert contact_page.thank_you in response.content.decode()
    stored = ContactMessage.objects.get()
    assert stored.message == VALID["message"] and not stored.emailed

    call_command("worker", batch=True, no_scheduler=True, verbosity=0)

    assert ContactMessage.objects.get().emailed
    assert len(mail.outbox) == 1
    assert "Pakokku" in mail.outbox[0].body


def test_missing_fields_get_clear_messages_and_nothing_is_stored(contact_page):
    response = Client().post(contact_page.url, {"name": "", "email": "not-an-email", "message": ""})
    html = response.content.decode()
    assert response.status_code == 400
    assert "This field is required." in html
    assert "Enter a valid email address." in html
    assert not ContactMessage.objects.exists()


def test_oversized_message_is_refused_with_a_message(contact_page):
    response = Client().post(contact_page.url, {**VALID, "message": "x" * 5001})
    assert response.status_code == 400
    assert "at most 5000 characters" in response.content.decode()
    assert not ContactMessage.objects.exists()


def test_honeypot_stops_bots(contact_page):
    response = Client().post(contact_page.url, {**VALID, "website": "http://spam.example"})
    assert response.status_code == 400
    assert not ContactMessage.objects.exists()


def test_a_flood_from_one_connection_is_rate_limited(contact_page):
    client = Client()
    statuses = [client.post(contact_page.url, VALID).status_code for _ in range(7)]
    assert statuses[:5] == [200] * 5
    assert statuses[5:] == [429, 429]
    assert ContactMessage.objects.count() == 5


def test_form_page_sets_no_cookie(contact_page):
    assert not Client().get(contact_page.url).cookies
