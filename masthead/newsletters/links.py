"""The links a subscriber's mail carries: to confirm (signed with a time, valid for a week)
and to unsubscribe (signed, valid for as long as the subscription). Each carries the row's
random token, signed, so a link cannot be guessed or made from an address."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation

from masthead.newsletters.models import Subscriber

CONFIRM_LINK_LIFETIME = timedelta(days=7)
_CONFIRM_SALT = "masthead.newsletters.confirm"
_UNSUBSCRIBE_SALT = "masthead.newsletters.unsubscribe"


class LinkExpired(Exception):
    pass


class LinkInvalid(Exception):
    pass


def confirm_url(subscriber: Subscriber) -> str:
    signed = signing.TimestampSigner(salt=_CONFIRM_SALT).sign(subscriber.token)
    return _absolute("newsletter_confirm", subscriber.edition, signed)


def unsubscribe_url(subscriber: Subscriber) -> str:
    signed = signing.Signer(salt=_UNSUBSCRIBE_SALT).sign(subscriber.token)
    return _absolute("newsletter_unsubscribe", subscriber.edition, signed)


def _absolute(name: str, edition: str, signed: str) -> str:
    with translation.override(edition):
        return settings.BASE_URL + reverse(name, kwargs={"signed": signed})


def subscriber_to_confirm(signed: str) -> Subscriber:
    """The subscriber a confirm link names; LinkExpired or LinkInvalid otherwise."""
    try:
        token = signing.TimestampSigner(salt=_CONFIRM_SALT).unsign(
            signed, max_age=CONFIRM_LINK_LIFETIME
        )
    except signing.SignatureExpired as error:
        raise LinkExpired from error
    except signing.BadSignature as error:
        raise LinkInvalid from error
    return _by_token(token)


def subscriber_to_unsubscribe(signed: str) -> Subscriber:
    try:
        token = signing.Signer(salt=_UNSUBSCRIBE_SALT).unsign(signed)
    except signing.BadSignature as error:
        raise LinkInvalid from error
    return _by_token(token)


def _by_token(token: str) -> Subscriber:
    subscriber = Subscriber.objects.filter(token=token).first()
    if subscriber is None:  # signed by us, but the row is gone
        raise LinkInvalid
    return subscriber
