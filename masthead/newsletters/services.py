"""Sign-up, confirmation and unsubscribing, and the mail they send.

A sign-up is stored before any mail is sent; the mail goes out from the task queue and the
row remembers what it is owed until the relay has taken it, so a dead relay delays the mail
but never loses the subscriber (the periodic job tries again)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext

from masthead.journalism.models import EditionSettings
from masthead.newsletters.links import confirm_url, unsubscribe_url
from masthead.newsletters.models import Subscriber

logger = logging.getLogger(__name__)

#: A repeated sign-up of one address sends it at most one mail in this time, so the form
#: cannot be used to flood someone's inbox.
RESEND_AFTER = timedelta(hours=1)
#: An attempt to send that has not succeeded after this long is taken to have failed.
RETRY_AFTER = timedelta(minutes=2)


def normalise_email(email: str) -> str:
    return email.strip().lower()


@transaction.atomic
def request_subscription(*, email: str, edition: str) -> Subscriber:
    """Record a sign-up and owe the address the mail its state calls for: a request to
    confirm, or (when it is already subscribed) a note saying so. The reader is told the
    same whatever the state, so the form reveals nothing about who is subscribed."""
    now = timezone.now()
    subscriber, created = Subscriber.objects.select_for_update().get_or_create(
        email=normalise_email(email), edition=edition
    )
    recently_mailed = subscriber.mail_sent_at is not None and (
        now - subscriber.mail_sent_at < RESEND_AFTER
    )
    owed = Subscriber.Mail.NONE
    if created or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.PENDING
        subscriber.confirmed_at = None
        owed = Subscriber.Mail.CONFIRMATION
    elif not recently_mailed:
        owed = (
            Subscriber.Mail.ALREADY_SUBSCRIBED
            if subscriber.status == Subscriber.Status.CONFIRMED
            else Subscriber.Mail.CONFIRMATION
        )
    if owed and subscriber.mail_due != owed:
        subscriber.mail_due = owed
        subscriber.mail_attempted_at = None
    subscriber.save()
    if owed:
        _send_after_commit(subscriber.pk)
    return subscriber


def _send_after_commit(subscriber_id: int) -> None:
    from masthead.newsletters.tasks import send_subscriber_mail

    transaction.on_commit(lambda: send_subscriber_mail.enqueue(subscriber_id=subscriber_id))


@transaction.atomic
def confirm_subscription(*, subscriber: Subscriber) -> Subscriber:
    """Confirm a pending subscription. A confirmed one stays as it is; an unsubscribed one is
    not brought back by an old link (the reader signs up again)."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Subscriber.Status.PENDING:
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        if subscriber.mail_due == Subscriber.Mail.CONFIRMATION:
            subscriber.mail_due = Subscriber.Mail.NONE
        subscriber.save()
    return subscriber


@transaction.atomic
def unsubscribe(*, subscriber: Subscriber) -> Subscriber:
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != Subscriber.Status.UNSUBSCRIBED:
        subscriber.status = Subscriber.Status.UNSUBSCRIBED
        subscriber.unsubscribed_at = timezone.now()
    subscriber.mail_due = Subscriber.Mail.NONE
    subscriber.save()
    return subscriber


def send_subscriber_mail(*, subscriber_id: int, now: datetime | None = None) -> bool:
    """Send the mail the subscriber is owed, if any and if no one else is sending it.
    True if a mail went out; an error from the relay is raised and the mail stays owed."""
    now = now or timezone.now()
    claimed = (
        Subscriber.objects.owing_mail(attempted_before=now - RETRY_AFTER)
        .filter(pk=subscriber_id)
        .update(mail_attempted_at=now)
    )
    if not claimed:
        return False
    subscriber = Subscriber.objects.get(pk=subscriber_id)
    subscriber_mail(subscriber).send()
    Subscriber.objects.filter(pk=subscriber_id, mail_due=subscriber.mail_due).update(
        mail_due=Subscriber.Mail.NONE, mail_sent_at=timezone.now()
    )
    return True


def send_owed_mail(*, now: datetime | None = None) -> int:
    """Send every mail still owed (the relay was down, or a worker died while sending);
    stops at the first error from the relay, to try again on the next run. Returns how
    many went out."""
    now = now or timezone.now()
    owing = Subscriber.objects.owing_mail(attempted_before=now - RETRY_AFTER)
    sent = 0
    for subscriber_id in owing.order_by("pk").values_list("pk", flat=True):
        try:
            sent += send_subscriber_mail(subscriber_id=subscriber_id, now=now)
        except OSError:  # smtplib's errors are OSErrors too
            logger.warning("newsletter mail could not be sent; will try again", exc_info=True)
            break
    return sent


def subscriber_mail(subscriber: Subscriber) -> EmailMessage:
    """The mail a subscriber is owed, in the edition's language."""
    with translation.override(subscriber.edition):
        site_name = EditionSettings.for_language(subscriber.edition).name
        leave = unsubscribe_url(subscriber)
        context = {
            "site_name": site_name,
            "confirm_url": confirm_url(subscriber),
            "unsubscribe_url": leave,
        }
        if subscriber.mail_due == Subscriber.Mail.ALREADY_SUBSCRIBED:
            subject = gettext("You already get the %(site)s newsletter") % {"site": site_name}
            body = render_to_string("newsletters/email/already_subscribed.txt", context)
        else:
            subject = gettext("Please confirm your %(site)s newsletter") % {"site": site_name}
            body = render_to_string("newsletters/email/confirmation.txt", context)
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[subscriber.email],
        headers={
            # Mail programs show their own unsubscribe button from these (RFC 2369, 8058).
            "List-Unsubscribe": f"<{leave}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
            "Content-Language": subscriber.edition,
        },
    )
