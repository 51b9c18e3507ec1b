"""Folding counted views into per-story totals and per-day and per-hour rows.

Exact under failure: database views are marked folded in the same transaction that adds them
to the totals; a Redis batch is renamed aside, given a name, and its name is recorded in the
same transaction that adds it, so a fold that dies anywhere is simply run again, and folding
a batch twice adds it once.
"""

from __future__ import annotations

import logging
import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

from masthead.core.time import to_display_time
from masthead.journalism.models import ArticlePage
from masthead.metrics import recent
from masthead.metrics.counting import PENDING_KEY
from masthead.metrics.models import (
    DailyViews,
    FoldedBatch,
    FoldLock,
    HourlyViews,
    PendingView,
    StoryViews,
)
from masthead.metrics.redis_store import mark_down, redis_or_none

logger = logging.getLogger(__name__)

FOLDING_KEY = "masthead:metrics:folding"
FOLDING_NAME_KEY = "masthead:metrics:folding:name"
HOURS_KEPT = timedelta(hours=48)
_BATCH = 20_000
_CHUNK = 500

# Delete the batch only if it is still the one this fold took: a slower fold of the same
# batch must not delete a newer one.
_DELETE_IF_MINE = """
if redis.call('GET', KEYS[2]) == ARGV[1] then
  return redis.call('DEL', KEYS[1], KEYS[2])
end
return 0
"""

ViewKey = tuple[int, date, datetime]  # story, newsroom day, UTC hour


@dataclass
class FoldReport:
    views: int = 0
    dropped: int = 0  # views of ids that are not stories (a hand-made beacon)


def fold_views(*, now: datetime | None = None) -> FoldReport:
    report = FoldReport()
    while _fold_database_batch(report):
        pass
    _fold_redis(report)
    prune(now=now or timezone.now())
    recent.forget()
    return report


def _fold_database_batch(report: FoldReport) -> bool:
    with transaction.atomic():
        _lock()
        rows = list(
            PendingView.objects.select_for_update()
            .filter(folded=False)
            .order_by("id")
            .values_list("id", "story_id", "day", "hour")[:_BATCH]
        )
        if not rows:
            return False
        ids = [row[0] for row in rows]
        for start in range(0, len(ids), _CHUNK):
            PendingView.objects.filter(id__in=ids[start : start + _CHUNK]).update(folded=True)
        _add(Counter((story, day, hour) for _, story, day, hour in rows), report)
    return len(rows) == _BATCH


def _fold_redis(report: FoldReport) -> None:
    redis = redis_or_none()
    if redis is None:
        return
    try:
        name, raw = _take_batch(redis)
    except Exception:
        logger.warning("Redis is down: its views are folded when it is back")
        mark_down()
        return
    if name is None:
        return
    counts = _parse(raw)
    with transaction.atomic():
        _lock()
        if not FoldedBatch.objects.filter(name=name).exists():
            _add(counts, report)
            FoldedBatch.objects.create(name=name)
    try:
        redis.eval(_DELETE_IF_MINE, 2, FOLDING_KEY, FOLDING_NAME_KEY, name)
    except Exception:  # it stays aside, recorded as folded; the next fold deletes it
        mark_down()


def _take_batch(redis: Any) -> tuple[str | None, dict[bytes, bytes]]:
    """The batch being folded: one a failed fold left aside, or the pending counts."""
    name = redis.get(FOLDING_NAME_KEY)
    if name is None or not redis.exists(FOLDING_KEY):
        if not redis.exists(PENDING_KEY):
            return None, {}
        name = uuid.uuid4().hex.encode()
        pipe = redis.pipeline(transaction=True)
        pipe.rename(PENDING_KEY, FOLDING_KEY)
        pipe.set(FOLDING_NAME_KEY, name)
        pipe.execute()
    return name.decode(), redis.hgetall(FOLDING_KEY)


def _parse(raw: dict[bytes, bytes]) -> Counter[ViewKey]:
    counts: Counter[ViewKey] = Counter()
    for field, value in raw.items():
        try:
            story, day, hour = field.decode().split("|")
            key = (
                int(story),
                date.fromisoformat(day),
                datetime.fromtimestamp(int(hour), tz=UTC),
            )
            counts[key] += int(value)
        except ValueError:
            logger.warning("a malformed view count in Redis was skipped: %r", field)
    return counts


def _lock() -> None:
    FoldLock.objects.get_or_create(pk=1)
    FoldLock.objects.select_for_update().get(pk=1)


def _add(counts: Counter[ViewKey], report: FoldReport) -> None:
    stories = {
        pk: (locale_id, path[: -ArticlePage.steplen], published)
        for pk, locale_id, path, published in ArticlePage.objects.filter(
            pk__in={story for story, _, _ in counts}
        ).values_list("pk", "locale_id", "path", "first_published_at")
    }
    daily: Counter[tuple[int, date]] = Counter()
    hourly: Counter[tuple[int, datetime]] = Counter()
    totals: Counter[int] = Counter()
    for (story, day, hour), views in counts.items():
        if story not in stories:
            report.dropped += views
            continue
        daily[story, day] += views
        hourly[story, hour] += views
        totals[story] += views
        report.views += views
    _add_rows(DailyViews, "day", daily, stories)
    _add_rows(HourlyViews, "hour", hourly, stories)
    _add_totals(totals, stories)


def _add_rows(
    model: type[DailyViews] | type[HourlyViews],
    period: str,
    counts: Counter[Any],
    stories: dict[int, tuple[int, str, datetime | None]],
) -> None:
    if not counts:
        return
    existing = {
        (row.story_id, getattr(row, period)): row
        for row in model.objects.filter(
            story_id__in={story for story, _ in counts},
            **{f"{period}__in": {when for _, when in counts}},
        )
    }
    changed: list[Any] = []
    new: list[Any] = []
    for (story, when), views in counts.items():
        row = existing.get((story, when))
        if row is not None:
            row.views += views
            changed.append(row)
        else:
            locale_id, section_path, _ = stories[story]
            new.append(
                model(
                    story_id=story,
                    locale_id=locale_id,
                    section_path=section_path,
                    views=views,
                    **{period: when},
                )
            )
    model.objects.bulk_update(changed, ["views"], batch_size=_CHUNK)
    model.objects.bulk_create(new, batch_size=_CHUNK)


def _add_totals(totals: Counter[int], stories: dict[int, tuple[int, str, datetime | None]]) -> None:
    existing = StoryViews.objects.in_bulk(list(totals))
    changed, new = [], []
    for story, views in totals.items():
        locale_id, section_path, published = stories[story]
        row = existing.get(story)
        if row is None:
            row = StoryViews(story_id=story, total=0)
            new.append(row)
        else:
            changed.append(row)
        # A story moved or re-dated since it was last viewed is filed where it is now.
        row.locale_id, row.section_path, row.published_at = locale_id, section_path, published
        row.total += views
    StoryViews.objects.bulk_update(
        changed, ["total", "locale_id", "section_path", "published_at"], batch_size=_CHUNK
    )
    StoryViews.objects.bulk_create(new, batch_size=_CHUNK)


def prune(*, now: datetime) -> None:
    """Forget what is no longer needed: visitors of past days (once folded), hours past the
    24-hour window, and the names of folded batches."""
    today = to_display_time(now).date()
    PendingView.objects.filter(folded=True, day__lt=today).delete()
    HourlyViews.objects.filter(hour__lt=now - HOURS_KEPT).delete()
    FoldedBatch.objects.filter(folded_at__lt=now - timedelta(days=1)).delete()
