"""Signing up for the newsletter, end to end: the form, the mail over a real SMTP socket, the
confirm and unsubscribe links, in both editions, with the relay up and down."""

from __future__ import annotations

import pytest
from django.test import Client
from django.utils import timezone

from masthead.core.periodic import registered_jobs
from masthead.newsletters.models import Subscriber
from masthead.newsletters.services import RETRY_AFTER, send_owed_mail
from tests.newsletters.helpers import body_of, link_path, run_tasks, sets_no_cookie

transactional = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PREFIX = {"en": "", "my": "/my"}
CONFIRM_TEXT = {"en": "open this link and press the button", "my": "ခလုတ်ကို နှိပ်ပါ"}


@transactional
@pytest.mark.parametrize("edition", ["en", "my"])
def test_sign_up_mails_a_link_that_confirms_in_the_edition_language(smtp_server, edition):
    client = Client()
    response = client.post(
        f"{PREFIX[edition]}/newsletter/", {"email": "  Ma.Hnin@Example.ORG ", "website": ""}
    )
    assert response.status_code == 200
    assert "ma.hnin@example.org" in response.content.decode()
    assert sets_no_cookie(response)
    subscriber = Subscriber.objects.get()
    assert (subscriber.email, subscriber.edition) == ("ma.hnin@example.org", edition)
    assert subscriber.status == Subscriber.Status.PENDING
    assert smtp_server.messages == []  # stored first; the mail goes from the queue

    run_tasks()

    [message] = smtp_server.messages
    assert message["To"] == "ma.hnin@example.org"
    assert message["Content-Language"] == edition
    assert CONFIRM_TEXT[edition] in body_of(message)
    unsubscribe = link_path(message, "unsubscribe")
    assert unsubscribe in message["List-Unsubscribe"]
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    confirm = link_path(message, "confirm")
    assert confirm.startswith(f"{PREFIX[edition]}/newsletter/confirm/")

    # A mail scanner following the link confirms nothing.
    shown = client.get(confirm)
    assert shown.status_code == 200 and sets_no_cookie(shown)
    assert 'method="post"' in shown.content.decode()
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING

    confirmed = client.post(confirm)
    assert confirmed.status_code == 200 and sets_no_cookie(confirmed)
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.confirmed_at is not None
    assert subscriber.mail_due == Subscriber.Mail.NONE

    run_tasks()
    assert len(smtp_server.messages) == 1  # confirming sends nothing more


@transactional
def test_a_dead_relay_keeps_the_subscriber_pending_and_the_mail_goes_out_later(smtp_server):
    smtp_server.stop()
    response = Client().post("/newsletter/", {"email": "reader@example.org"})
    assert response.status_code == 200

    run_tasks()  # the task fails: the relay refuses the connection

    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.PENDING
    assert subscriber.mail_due == Subscriber.Mail.CONFIRMATION
    assert subscriber.mail_sent_at is None
    assert send_owed_mail() == 0  # tried too recently; and the relay is still down

    smtp_server.start()
    assert "send-owed-newsletter-mail" in {job.name for job in registered_jobs()}
    assert send_owed_mail(now=timezone.now() + RETRY_AFTER) == 1

    [message] = smtp_server.messages
    assert message["To"] == "reader@example.org"
    subscriber.refresh_from_db()
    assert subscriber.mail_due == Subscriber.Mail.NONE and subscriber.mail_sent_at
    confirmed = Client().post(link_path(message, "confirm"))
    assert confirmed.status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED


@transactional
def test_the_mails_unsubscribe_link_and_one_click_unsubscribe(smtp_server):
    Client().post("/my/newsletter/", {"email": "reader@example.org"})
    run_tasks()
    [message] = smtp_server.messages
    client = Client()
    client.post(link_path(message, "confirm"))

    leave = link_path(message, "unsubscribe")
    shown = client.get(leave)
    assert shown.status_code == 200 and sets_no_cookie(shown)
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED

    # What a mail program's own unsubscribe button sends (RFC 8058).
    done = client.post(leave, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200 and sets_no_cookie(done)
    assert "စာရင်းမှ ထွက်ပြီးပါပြီ" in done.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert subscriber.unsubscribed_at is not None

    # An old confirm link does not bring the address back.
    client.post(link_path(message, "confirm"))
    assert Subscriber.objects.get().status == Subscriber.Status.UNSUBSCRIBED


@transactional
def test_signing_up_again_when_subscribed_mails_a_note_and_shows_the_same_page(smtp_server):
    client = Client()
    first = client.post("/newsletter/", {"email": "reader@example.org"})
    run_tasks()
    client.post(link_path(smtp_server.messages[0], "confirm"))
    Subscriber.objects.update(mail_sent_at=timezone.now() - timezone.timedelta(hours=2))

    again = client.post("/newsletter/", {"email": "READER@example.org"})
    run_tasks()

    assert again.status_code == first.status_code == 200
    assert again.content == first.content  # nothing on the page tells the states apart
    assert Subscriber.objects.count() == 1
    note = smtp_server.messages[1]
    assert "already gets the newsletter" in body_of(note)
    assert "/newsletter/confirm/" not in body_of(note)
    assert "/newsletter/unsubscribe/" in note["List-Unsubscribe"]
