"""What the newsroom's audience dashboard shows: today's top stories and views per section
per day, as plain data for the admin template, a chart drawn as SVG and a CSV export."""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Sum
from wagtail.models import Page

from masthead.core.time import display_today
from masthead.journalism.models import ArticlePage
from masthead.metrics.models import DailyViews

CHART_WIDTH, CHART_HEIGHT, CHART_PAD = 640, 220, 28
# Colours that stay apart for readers with the common colour-vision deficiencies.
PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000")


@dataclass
class TopStory:
    title: str
    url: str
    edition: str
    views: int


@dataclass
class SectionSeries:
    title: str
    edition: str
    views: list[int]
    colour: str = ""
    points: str = ""  # SVG polyline points

    @property
    def total(self) -> int:
        return sum(self.views)


@dataclass
class Dashboard:
    today: date
    top_stories: list[TopStory]
    days: list[date]
    sections: list[SectionSeries] = field(default_factory=list)
    peak: int = 0


def audience_dashboard(*, days: int = 14, top: int = 20) -> Dashboard:
    today = display_today().date()
    span = [today - timedelta(days=n) for n in range(days - 1, -1, -1)]
    board = Dashboard(today=today, top_stories=_top_stories(today, top), days=span)
    board.sections = _sections_by_day(span)
    board.peak = max((max(s.views) for s in board.sections), default=0)
    _draw(board)
    return board


def _top_stories(day: date, limit: int) -> list[TopStory]:
    rows = list(
        DailyViews.objects.filter(day=day)
        .order_by("-views", "story_id")[:limit]
        .values_list("story_id", "views")
    )
    stories = ArticlePage.objects.select_related("locale").in_bulk([pk for pk, _ in rows])
    return [
        TopStory(
            title=stories[pk].title,
            url=stories[pk].url or "",
            edition=stories[pk].locale.language_code,
            views=views,
        )
        for pk, views in rows
        if pk in stories
    ]


def _sections_by_day(span: list[date]) -> list[SectionSeries]:
    rows = (
        DailyViews.objects.filter(day__gte=span[0], day__lte=span[-1])
        .values_list("section_path", "day")
        .annotate(views=Sum("views"))
    )
    by_section: dict[str, dict[date, int]] = defaultdict(dict)
    for section_path, day, views in rows:
        by_section[section_path][day] = views
    sections = Page.objects.select_related("locale").in_bulk(list(by_section), field_name="path")
    series = [
        SectionSeries(
            title=sections[path].title if path in sections else "(removed section)",
            edition=sections[path].locale.language_code if path in sections else "",
            views=[by_day.get(day, 0) for day in span],
        )
        for path, by_day in by_section.items()
    ]
    return sorted(series, key=lambda s: (-s.total, s.title))


def _draw(board: Dashboard) -> None:
    """Each of the busiest sections as a polyline over the days."""
    steps = max(len(board.days) - 1, 1)
    usable_w, usable_h = CHART_WIDTH - 2 * CHART_PAD, CHART_HEIGHT - 2 * CHART_PAD
    for index, series in enumerate(board.sections[: len(PALETTE)]):
        series.colour = PALETTE[index]
        series.points = " ".join(
            f"{CHART_PAD + usable_w * n / steps:.1f},"
            f"{CHART_HEIGHT - CHART_PAD - usable_h * views / max(board.peak, 1):.1f}"
            for n, views in enumerate(series.views)
        )


def views_csv(*, days: int = 30) -> str:
    """Views per story per day over the last `days` days, newest day first."""
    first = display_today().date() - timedelta(days=days - 1)
    rows = DailyViews.objects.filter(day__gte=first).order_by("-day", "-views", "story_id")
    stories = ArticlePage.objects.select_related("locale").in_bulk(
        set(rows.values_list("story_id", flat=True))
    )
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["day", "story_id", "edition", "headline", "url", "views"])
    for row in rows.iterator():
        story = stories.get(row.story_id)
        writer.writerow(
            [
                row.day.isoformat(),
                row.story_id,
                story.locale.language_code if story else "",
                _safe_cell(story.title) if story else "",
                story.url if story else "",
                row.views,
            ]
        )
    return out.getvalue()


def _safe_cell(text: str) -> str:
    """A spreadsheet must not run a headline as a formula (=, +, -, @ first)."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
