"""Reader account pages: allauth's views, in the edition's language and look, plus the
reader's own account page. All are dynamic and never published; they are the only reader
pages that set a cookie (CSRF on opening, the session on logging in)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.account.models import EmailAddress
from allauth.core.exceptions import ImmediateHttpResponse
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from masthead.audience.mail import MailUnavailable

View = Callable[..., HttpResponse]

#: Views that create what their email confirms: if the email cannot go, nothing is kept, so
#: the reader can simply try again later.
ALL_OR_NOTHING = {"account_signup", "account_email"}
#: Where allauth keeps a login that waits for a step (such as a confirmed address).
PENDING_LOGIN_KEY = "account_login"
MAIL_RETRY_SECONDS = 300


def reader_account_view(view: View, *, name: str | None) -> View:
    """An allauth view as masthead serves it: noindex, and a clear page instead of an error
    when the mail relay is down."""

    @wraps(view)
    def serve(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            if name in ALL_OR_NOTHING:
                with transaction.atomic():
                    try:
                        response = view(request, *args, **kwargs)
                    except ImmediateHttpResponse as immediate:
                        response = immediate.response
            else:
                response = view(request, *args, **kwargs)
        except MailUnavailable:
            response = mail_unavailable(request)
        response["X-Robots-Tag"] = "noindex"
        return response

    return serve


def mail_unavailable(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated and hasattr(request, "session"):
        # The step waiting for the email would wait for a message that was never sent.
        request.session.pop(PENDING_LOGIN_KEY, None)
    response = TemplateResponse(request, "audience/mail_unavailable.html", status=503)
    response["Retry-After"] = str(MAIL_RETRY_SECONDS)
    return response


@never_cache
@require_safe
def reader_account(request: HttpRequest) -> HttpResponse:
    """The logged-in reader's own page: who they are, and the ways to change or leave."""
    if not request.user.is_authenticated:
        return redirect(reverse("account_login"))
    addresses = EmailAddress.objects.filter(user=request.user).order_by("-primary", "email")
    response = TemplateResponse(request, "audience/account.html", {"addresses": addresses})
    response["X-Robots-Tag"] = "noindex"
    return response
