"""The newsletter's reader pages: sign-up, confirm and unsubscribe. Dynamic, never published.

None sets a cookie, so none can carry a CSRF token: the sign-up form is guarded by a honeypot
and a per-client rate limit (as the contact form, docs/decisions/0005), and the double opt-in
mail protects the owner of an address; confirming and unsubscribing need the signed link
from that mail. Links are opened by mail scanners, so a GET only shows a button and the
POST acts. Bad input gets a page that says what went wrong, never a 500."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from masthead.newsletters.forms import SignUpForm
from masthead.newsletters.links import (
    LinkExpired,
    LinkInvalid,
    subscriber_to_confirm,
    subscriber_to_unsubscribe,
)
from masthead.newsletters.services import confirm_subscription, request_subscription, unsubscribe
from masthead.search.ratelimit import retry_after

SIGN_UPS_PER_HOUR = 5
_READING = ("GET", "HEAD")
_ALLOWED = (*_READING, "POST")


def _edition() -> str:
    return "my" if get_language() == "my" else "en"


def _render(
    request: HttpRequest, template: str, context: dict[str, Any], *, status: int = 200
) -> HttpResponse:
    response = TemplateResponse(request, template, context, status=status)
    if request.method == "POST" or template != "newsletters/sign_up.html":
        # A thank-you page names an address; a link page names one too.
        response["Cache-Control"] = "no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


def _not_allowed(request: HttpRequest) -> HttpResponse:
    response = _render(
        request,
        "newsletters/notice.html",
        {
            "heading": _("This page cannot do that"),
            "notice": _("Please open this page in your browser and use its form."),
            "is_error": True,
        },
        status=405,
    )
    response["Allow"] = ", ".join(_ALLOWED)
    return response


@csrf_exempt
def sign_up(request: HttpRequest) -> HttpResponse:
    if request.method not in _ALLOWED:
        return _not_allowed(request)
    status = 200
    signed_up_email = ""
    wait = None
    if request.method == "POST":
        form = SignUpForm(request.POST)
        wait = retry_after(request, bucket="newsletter", limit=SIGN_UPS_PER_HOUR, window=3600)
        if wait is not None:
            form.add_error(None, _("Too many sign-ups from your connection; please try later."))
            status = 429
        elif form.is_valid():
            subscriber = request_subscription(email=form.cleaned_data["email"], edition=_edition())
            signed_up_email = subscriber.email
            form = SignUpForm()
        else:
            status = 400
    else:
        form = SignUpForm()
    response = _render(
        request,
        "newsletters/sign_up.html",
        {"form": form, "signed_up_email": signed_up_email},
        status=status,
    )
    if wait is not None:
        response["Retry-After"] = str(wait)
    return response


def _link_problem(request: HttpRequest, error: Exception) -> HttpResponse:
    if isinstance(error, LinkExpired):
        notice = _("This link has expired. Sign up again and we will send you a new one.")
        status = 410
    else:
        notice = _(
            "This link is not complete or not valid. Please copy the whole link from the "
            "message, or sign up again."
        )
        status = 400
    return _render(
        request,
        "newsletters/notice.html",
        {
            "heading": _("This link does not work"),
            "notice": notice,
            "is_error": True,
            "offer_sign_up": True,
        },
        status=status,
    )


@csrf_exempt
def confirm(request: HttpRequest, signed: str) -> HttpResponse:
    if request.method not in _ALLOWED:
        return _not_allowed(request)
    try:
        subscriber = subscriber_to_confirm(signed)
    except (LinkExpired, LinkInvalid) as error:
        return _link_problem(request, error)
    if request.method == "POST":
        subscriber = confirm_subscription(subscriber=subscriber)
    return _render(request, "newsletters/confirm.html", {"subscriber": subscriber})


@csrf_exempt
def unsubscribe_view(request: HttpRequest, signed: str) -> HttpResponse:
    """Also the target of mail programs' one-click unsubscribe (RFC 8058), which POSTs."""
    if request.method not in _ALLOWED:
        return _not_allowed(request)
    try:
        subscriber = subscriber_to_unsubscribe(signed)
    except (LinkExpired, LinkInvalid) as error:
        return _link_problem(request, error)
    if request.method == "POST":
        subscriber = unsubscribe(subscriber=subscriber)
    return _render(request, "newsletters/unsubscribe.html", {"subscriber": subscriber})
