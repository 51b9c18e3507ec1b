from __future__ import annotations

from django.http import HttpRequest
from django.template.response import TemplateResponse
from django.urls import URLPattern, path


def today_in_header(request: HttpRequest) -> TemplateResponse:
    """Today's date and the weather line as a fragment of HTML, published as a file and
    re-rendered with the fronts: pages that are not re-rendered through the day show it by
    fetching it (static/js/today.js)."""
    return TemplateResponse(request, "includes/today.html", content_type="text/html; charset=utf-8")


# Inside each edition's URLs: /today.html and /my/today.html.
TODAY_FRAGMENT_PATH = "today.html"
edition_patterns: list[URLPattern] = [
    path(TODAY_FRAGMENT_PATH, today_in_header, name="today_in_header"),
]
