"""The audience dashboard in the admin: today's top stories, views per section per day, and
the figures as CSV."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from masthead.metrics.dashboard import (
    CHART_HEIGHT,
    CHART_PAD,
    CHART_WIDTH,
    audience_dashboard,
    views_csv,
)


def dashboard(request: HttpRequest) -> HttpResponse:
    return TemplateResponse(
        request,
        "metrics/admin/dashboard.html",
        {
            "board": audience_dashboard(),
            "chart": {
                "width": CHART_WIDTH,
                "height": CHART_HEIGHT,
                "left": CHART_PAD,
                "right": CHART_WIDTH - CHART_PAD,
                "bottom": CHART_HEIGHT - CHART_PAD,
                "labels": CHART_HEIGHT - 8,
            },
        },
    )


def export_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(views_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="views-by-story-and-day.csv"'
    return response
