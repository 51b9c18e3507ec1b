"""Render URLs to the published tree: one at a time (`publish_url`), or everything waiting in
the queue once the burst of edits that asked for it has quietened (`drain`)."""

from __future__ import annotations

import enum
import logging
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q, QuerySet
from django.utils import timezone

from masthead.publishing import store
from masthead.publishing.affected import Affected
from masthead.publishing.models import PendingRender, RenderFailure
from masthead.publishing.render import render

logger = logging.getLogger(__name__)


class Outcome(enum.Enum):
    WRITTEN = "written"
    UNCHANGED = "unchanged"
    REMOVED = "removed"
    ABSENT = "absent"  # gone, and there was no file to remove
    FAILED = "failed"


def publish_url(url: str) -> Outcome:
    """Render `url` and bring its file in line: written when it is a page, removed when it
    is gone. When the render or the write fails the old file stays and the failure is kept
    for the admin."""
    outcome = _publish(url)
    if outcome is not Outcome.FAILED:
        RenderFailure.objects.filter(url=url).delete()
    return outcome


def publish_urls(urls: Sequence[str]) -> Counter[Outcome]:
    """`publish_url` of each URL, forgetting the old failures of those that succeed in one
    query at the end rather than one per URL (a full build publishes hundreds of
    thousands)."""
    outcomes: Counter[Outcome] = Counter()
    succeeded = []
    for url in urls:
        outcome = _publish(url)
        outcomes[outcome] += 1
        if outcome is not Outcome.FAILED:
            succeeded.append(url)
    for start in range(0, len(succeeded), 500):
        RenderFailure.objects.filter(url__in=succeeded[start : start + 500]).delete()
    return outcomes


def _publish(url: str) -> Outcome:
    try:
        with store.url_lock(url):
            rendered = render(url)
            if rendered.is_page:
                outcome = Outcome.WRITTEN if store.write(url, rendered.body) else Outcome.UNCHANGED
            elif rendered.is_gone:
                outcome = Outcome.REMOVED if store.remove(url) else Outcome.ABSENT
            else:
                _record_failure(url, rendered.error or f"answered {rendered.status}")
                return Outcome.FAILED
    except OSError as error:  # a full disk, a read-only tree: the old file keeps serving
        _record_failure(url, f"could not write the file: {error}")
        return Outcome.FAILED
    logger.debug("rendered %s: %s", url, outcome.value)
    return outcome


def _record_failure(url: str, error: str) -> None:
    logger.error("could not publish %s: %s", url, error.strip().splitlines()[-1])
    updated = RenderFailure.objects.filter(url=url).update(
        error=error, attempts=F("attempts") + 1, failed_at=timezone.now()
    )
    if not updated:
        RenderFailure.objects.create(url=url, error=error)


# --- The queue ----------------------------------------------------------------------------
URL_LENGTH = 700  # PendingRender.url's max_length: longer URLs are no page of ours


def request_renders(affected: Affected, now: datetime | None = None) -> int:
    """Queue the affected URLs. A URL already waiting is asked for again: its wait starts
    over, so a burst of edits renders it once, after the burst."""
    if not affected.urls:
        return 0
    now = now or timezone.now()
    rows = [
        PendingRender(url=url, priority=priority, first_requested_at=now, requested_at=now)
        for url, priority in affected.urls.items()
        if len(url) <= URL_LENGTH
    ]
    PendingRender.objects.bulk_create(
        rows,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["url"],
        update_fields=["requested_at", "priority"],
    )
    return len(rows)


def forget_requests_before(moment: datetime) -> int:
    """Drop the URLs last asked for before `moment` (a full build began then and rendered
    them all); a URL asked for again since keeps its place."""
    deleted, _ = PendingRender.objects.filter(requested_at__lt=moment).delete()
    return deleted


def quiet_period() -> timedelta:
    return timedelta(milliseconds=settings.MASTHEAD_PUBLISH_QUIET_MS)


def patience() -> timedelta:
    """The longest a URL waits for a burst to end, counted from its first request."""
    return timedelta(milliseconds=settings.MASTHEAD_PUBLISH_MAX_WAIT_MS)


def _ready(now: datetime) -> QuerySet[PendingRender]:
    return PendingRender.objects.filter(
        Q(requested_at__lte=now - quiet_period()) | Q(first_requested_at__lte=now - patience())
    )


def take_ready(now: datetime, limit: int = 20) -> list[str]:
    """Claim up to `limit` URLs whose burst is over. A row asked for again while being
    claimed keeps its place in the queue, so no request is ever lost."""
    ready = _ready(now).order_by("priority", "requested_at")
    candidates = list(ready.values_list("pk", "url", "requested_at")[:limit])
    claimed = []
    for pk, url, requested_at in candidates:
        with transaction.atomic():
            deleted, _ = PendingRender.objects.filter(pk=pk, requested_at=requested_at).delete()
        if deleted:
            claimed.append(url)
    return claimed


@dataclass
class DrainReport:
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    more_ready: bool = False  # stopped at the time budget with URLs still ready
    next_ready_at: datetime | None = None  # when the rest of the queue will be ready

    @property
    def rendered(self) -> int:
        return sum(self.outcomes.values())


def drain(now: datetime | None = None, budget: timedelta | None = None) -> DrainReport:
    """Render the URLs that are ready, most urgent first, for at most `budget`; say whether
    more are ready, or when the rest will be."""
    report = DrainReport()
    started = time.monotonic()
    while True:
        if budget is not None and time.monotonic() - started > budget.total_seconds():
            report.more_ready = _ready(now or timezone.now()).exists()
            return report
        batch = take_ready(now or timezone.now(), limit=1)  # strictly by priority
        if not batch:
            break
        for url in batch:
            report.outcomes[publish_url(url)] += 1
    waiting = PendingRender.objects.order_by("requested_at").first()
    if waiting is not None:
        report.next_ready_at = min(
            waiting.requested_at + quiet_period(), waiting.first_requested_at + patience()
        )
    return report
