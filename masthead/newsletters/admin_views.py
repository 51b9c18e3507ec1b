"""Editors may unsubscribe a reader (who asked them to); nothing else about a subscriber is
edited by hand."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse

from masthead.newsletters.models import Subscriber
from masthead.newsletters.services import unsubscribe

UNSUBSCRIBE_PERMISSION = "newsletters.change_subscriber"


def unsubscribe_subscriber(request: HttpRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm(UNSUBSCRIBE_PERMISSION):
        raise PermissionDenied
    subscriber = get_object_or_404(Subscriber, pk=pk)
    if request.method == "POST":
        unsubscribe(subscriber=subscriber)
        messages.success(request, f"{subscriber.email} is unsubscribed.")
        return redirect("wagtailsnippets_newsletters_subscriber:list")
    return TemplateResponse(
        request, "newsletters/admin/unsubscribe.html", {"subscriber": subscriber}
    )
