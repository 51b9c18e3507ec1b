"""Branded error pages in the edition of the URL that failed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound, HttpResponseServerError
from django.template import loader


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    template = loader.get_template("404.html")
    return HttpResponseNotFound(template.render({"request_path": request.path}, request))


def server_error(request: HttpRequest) -> HttpResponse:
    # Rendered without context processors: whatever broke the page may break them too.
    return HttpResponseServerError(loader.get_template("500.html").render())
