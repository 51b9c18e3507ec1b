"""Most read and trending, from the folded rows through their indexes: (edition, day) and
(edition, hour) ranges, never a scan of every story."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import Enum

from django.db.models import QuerySet, Sum
from django.utils import timezone

from masthead.core.time import to_display_time
from masthead.journalism.models import ArticlePage
from masthead.metrics.models import DailyViews, HourlyViews, StoryViews


class Period(Enum):
    DAY = "24h"
    WEEK = "7d"
    MONTH = "30d"


@dataclass(frozen=True)
class Ranked:
    story: ArticlePage
    views: int


def most_read(
    *,
    locale_id: int,
    period: Period = Period.DAY,
    section_path: str | None = None,
    limit: int = 5,
    now: datetime | None = None,
) -> list[Ranked]:
    """The most viewed live stories of an edition (or of one section and its subsections)."""
    now = now or timezone.now()
    rows: QuerySet[HourlyViews] | QuerySet[DailyViews]
    if period is Period.DAY:
        rows = HourlyViews.objects.filter(locale_id=locale_id, hour__gt=now - timedelta(hours=24))
    else:
        days = 7 if period is Period.WEEK else 30
        first_day = to_display_time(now).date() - timedelta(days=days - 1)
        rows = DailyViews.objects.filter(locale_id=locale_id, day__gte=first_day)
    if section_path:
        rows = rows.filter(section_path__gte=section_path, section_path__lt=section_path + "~")
    ranked = (
        rows.values_list("story_id").annotate(views=Sum("views")).order_by("-views", "-story_id")
    )
    # A few more than asked for, in case some were unpublished since they were read.
    return _live(list(ranked[: limit * 2]), limit)


def trending(*, locale_id: int, limit: int = 5, now: datetime | None = None) -> list[Ranked]:
    """Stories drawing readers now: views in the last six hours, weighed down by age, so a
    new story read steadily passes an old one that had its day."""
    now = now or timezone.now()
    recent = (
        HourlyViews.objects.filter(locale_id=locale_id, hour__gt=now - timedelta(hours=6))
        .values_list("story_id")
        .annotate(views=Sum("views"))
        .order_by("-views")[:200]
    )
    views = dict(recent)
    published = dict(
        StoryViews.objects.filter(story_id__in=views).values_list("story_id", "published_at")
    )

    def score(story_id: int) -> float:
        when = published.get(story_id) or now
        age_hours = max((now - when).total_seconds() / 3600, 0)
        return views[story_id] / math.pow(age_hours + 2, 1.5)

    order = sorted(views, key=lambda story_id: (-score(story_id), -story_id))
    return _live([(story_id, views[story_id]) for story_id in order[: limit * 2]], limit)


def popular_before(
    *, story: ArticlePage, section_path: str, offset: int = 0, limit: int = 4
) -> list[Ranked]:
    """Similar picks: the section's most viewed stories published before `story`."""
    rows = (
        StoryViews.objects.filter(
            locale_id=story.locale_id,
            section_path__gte=section_path,
            section_path__lt=section_path + "~",
            published_at__lt=story.first_published_at or timezone.now(),
        )
        .exclude(story_id=story.pk)
        .order_by("-total", "-story_id")
        .values_list("story_id", "total")
    )
    return _live(list(rows[offset : offset + limit + 2]), limit)


def popular_before_each(stories: Sequence[ArticlePage], *, limit: int) -> dict[int, list[Ranked]]:
    """`popular_before` (first page) of many published stories at once, with a few queries
    per section instead of two per story (a build chunk's stories share a section and a
    span of time). For each section: the most viewed stories published before the batch's
    earliest story, enough that excluding the batch's own stories still leaves a full page,
    and every story published within the batch's span. A story's picks are the best of
    those published before it: the same rows, in the same order, `popular_before` reads."""
    wanted = limit + 2  # as many rows as popular_before reads
    groups: defaultdict[tuple[int, str], list[ArticlePage]] = defaultdict(list)
    for story in stories:
        if story.first_published_at is not None:
            section_path = story.path[: -ArticlePage.steplen]
            groups[(story.locale_id, section_path)].append(story)
    chosen: dict[int, list[tuple[int, int]]] = {}
    for (locale_id, section_path), group in groups.items():
        moments = [story.first_published_at for story in group]
        earliest, latest = min(moments), max(moments)
        in_section = StoryViews.objects.filter(
            locale_id=locale_id, section_path__gte=section_path, section_path__lt=section_path + "~"
        ).values_list("story_id", "total", "published_at")
        before = in_section.filter(published_at__lt=earliest).order_by("-total", "-story_id")
        within = in_section.filter(published_at__gte=earliest, published_at__lt=latest)
        rows = sorted([*before[: wanted + len(group)], *within], key=lambda row: (-row[1], -row[0]))
        for story in group:
            cutoff = story.first_published_at
            chosen[story.pk] = [
                (story_id, total)
                for story_id, total, published in rows
                if published < cutoff and story_id != story.pk
            ][:wanted]
    listed = _live_in_bulk({story_id for pairs in chosen.values() for story_id, _ in pairs})
    return {pk: _ranked(pairs, listed, limit) for pk, pairs in chosen.items()}


def _live(pairs: Iterable[tuple[int, int]], limit: int) -> list[Ranked]:
    pairs = list(pairs)
    return _ranked(pairs, _live_in_bulk({story for story, _ in pairs}), limit)


def _live_in_bulk(story_ids: set[int]) -> dict[int, ArticlePage]:
    if not story_ids:
        return {}
    listed = ArticlePage.objects.live().for_listing().defer_streamfields()
    return listed.in_bulk(list(story_ids))


def _ranked(
    pairs: list[tuple[int, int]], stories: dict[int, ArticlePage], limit: int
) -> list[Ranked]:
    found = [Ranked(stories[story], views) for story, views in pairs if story in stories]
    return found[:limit]


def totals_for(story_ids: Iterable[int]) -> dict[int, int]:
    """All-time totals of the given stories (stories never viewed are left out)."""
    return dict(
        StoryViews.objects.filter(story_id__in=list(story_ids)).values_list("story_id", "total")
    )
