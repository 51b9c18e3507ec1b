"""The admin's view of the publisher: renders that failed, with a way to try them again."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone

from masthead.publishing.affected import FIRST, Affected
from masthead.publishing.models import PendingRender, RenderFailure
from masthead.publishing.publisher import request_renders
from masthead.publishing.tasks import schedule_rendering


def failures(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        retry = Affected()
        retry.add(RenderFailure.objects.values_list("url", flat=True), FIRST)
        if request_renders(retry):
            schedule_rendering(timezone.now())
            messages.success(request, "The failed pages will be rendered again in a moment.")
        return redirect("publishing_failures")
    return TemplateResponse(
        request,
        "publishing/admin/failures.html",
        {
            "failures": RenderFailure.objects.all()[:200],
            "waiting": PendingRender.objects.count(),
        },
    )
