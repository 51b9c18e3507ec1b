"""How allauth behaves on masthead: addresses from our own proxy rule, emails that name the
edition and fail cleanly, and redirects that stay in the reader's edition."""

from __future__ import annotations

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from masthead.audience.mail import DELIVERY_ERRORS, MailUnavailable
from masthead.core.clients import client_address
from masthead.journalism.models import EditionSettings


class ReaderAccountAdapter(DefaultAccountAdapter):
    # Our own wording, so both editions can say it: allauth has no Burmese catalogue.
    error_messages = {
        **DefaultAccountAdapter.error_messages,
        "username_password_mismatch": _(
            "That username or email and password do not match an account. Check them and try again."
        ),
        "email_password_mismatch": _(
            "That username or email and password do not match an account. Check them and try again."
        ),
        "too_many_login_attempts": _("Too many failed attempts to log in. Try again later."),
        "rate_limited": _("Too many requests from your connection. Please wait a minute."),
        "email_taken": _("An account already uses this email address."),
        "username_taken": _("This username is taken. Please choose another."),
        "account_inactive": _("This account is closed."),
        "invalid_password_reset": _("This password reset link is invalid or has expired."),
    }

    def get_client_ip(self, request: HttpRequest) -> str:
        return client_address(request) or "unknown"

    def format_email_subject(self, subject: str) -> str:
        return f"{_edition_name()}: {subject}"

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        context = {"site_name": _edition_name(), **context}
        try:
            super().send_mail(template_prefix, email, context)
        except DELIVERY_ERRORS as error:
            raise MailUnavailable(str(error)) from error

    def get_email_verification_redirect_url(self, email_address: EmailAddress) -> str:
        if self.request.user.is_authenticated:
            return reverse("reader_account")
        return reverse("account_login")


def _edition_name() -> str:
    return str(EditionSettings.for_language(get_language()).name)
