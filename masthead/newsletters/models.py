"""Readers who asked for the daily newsletter, one row per address and edition."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.db import models
from django.db.models import Q


def new_token() -> str:
    return secrets.token_urlsafe(32)


class SubscriberQuerySet(models.QuerySet["Subscriber"]):
    def in_edition(self, edition: str) -> SubscriberQuerySet:
        return self.filter(edition=edition)

    def confirmed(self) -> SubscriberQuerySet:
        return self.filter(status=Subscriber.Status.CONFIRMED)

    def owing_mail(self, *, attempted_before: datetime) -> SubscriberQuerySet:
        """Rows whose mail has not gone out and is not being sent right now (an attempt
        older than `attempted_before` is taken to have failed)."""
        return self.exclude(mail_due=Subscriber.Mail.NONE).filter(
            Q(mail_attempted_at__isnull=True) | Q(mail_attempted_at__lt=attempted_before)
        )


class Subscriber(models.Model):
    class Edition(models.TextChoices):
        ENGLISH = "en", "English"
        BURMESE = "my", "Burmese"

    class Status(models.TextChoices):
        PENDING = "pending", "Pending confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"

    class Mail(models.TextChoices):
        NONE = "", "Nothing"
        CONFIRMATION = "confirmation", "Confirmation request"
        ALREADY_SUBSCRIBED = "already-subscribed", "Already subscribed"

    email = models.EmailField(max_length=254)
    edition = models.CharField(max_length=2, choices=Edition.choices)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING)
    # The secret behind the confirm and unsubscribe links (which carry it signed).
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    # The mail this address is owed, kept until the relay has taken it.
    mail_due = models.CharField(max_length=20, choices=Mail.choices, blank=True, default="")
    mail_attempted_at = models.DateTimeField(null=True, blank=True)
    mail_sent_at = models.DateTimeField(null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["email", "edition"], name="one_subscriber_per_edition")
        ]
        indexes = [
            models.Index(fields=["edition", "status"]),
            models.Index(fields=["mail_due"], condition=~Q(mail_due=""), name="owed_mail"),
        ]
        verbose_name = "newsletter subscriber"

    def __str__(self) -> str:
        return f"{self.email} ({self.edition}, {self.status})"
