"""Writes of audience signals other than counting (masthead/metrics/counting.py) and
folding (masthead/metrics/folding.py)."""

from __future__ import annotations

from django.db import transaction
from django.db.models import F

from masthead import burmese
from masthead.metrics.models import StoryViews

_BATCH = 5000


def take_stories_to_reshow() -> list[int]:
    """Stories whose count, as readers see it ("1.5k"), changed since their pages were last
    refreshed for it; marks them refreshed. Counts that moved within one humanised step
    ("1.51k" is still "1.5k") are taken too, silently: no page would change."""
    with transaction.atomic():
        rows = list(
            StoryViews.objects.select_for_update()
            .filter(total__gt=F("shown_total"))
            .values_list("story_id", "total", "shown_total")[:_BATCH]
        )
        StoryViews.objects.bulk_update(
            [StoryViews(story_id=story_id, shown_total=total) for story_id, total, _ in rows],
            ["shown_total"],
            batch_size=500,
        )
    return [story_id for story_id, total, shown in rows if _looks_different(total, shown)]


def _looks_different(total: int, shown: int) -> bool:
    return any(
        burmese.humanize_count(total, language) != burmese.humanize_count(shown, language)
        for language in ("en", "my")
    )
