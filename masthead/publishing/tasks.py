"""Background work of the publisher. A content event queues a `refresh_*` task, which works out
the affected URLs and queues them; `render_pending` renders them once the burst is over."""

from __future__ import annotations

from datetime import datetime

from django.utils import timezone
from django_tasks import task

from masthead.publishing import affected, publisher


def _queue(found: affected.Affected) -> None:
    if publisher.request_renders(found):
        schedule_rendering(timezone.now() + publisher.quiet_period())


def schedule_rendering(at: datetime) -> None:
    render_pending.using(run_after=at).enqueue()


@task()
def refresh_page(page_id: int) -> None:
    _queue(affected.page_changed(page_id))


@task()
def refresh_subtree(page_ids: list[int]) -> None:
    """A moved page and everything under it: every address in the branch changed."""
    found = affected.Affected()
    for page_id in page_ids:
        found.update(affected.page_changed(page_id))
    _queue(found)


@task()
def refresh_author(author_id: int, old_slug: str | None = None) -> None:
    _queue(affected.author_changed(author_id, old_slug))


@task()
def refresh_tag(tag_id: int, old_slug: str | None = None) -> None:
    _queue(affected.tag_changed(tag_id, old_slug))


@task()
def refresh_image(image_id: int) -> None:
    _queue(affected.image_changed(image_id))


@task()
def refresh_edition(locale_id: int) -> None:
    _queue(affected.edition_changed(locale_id))


@task()
def refresh_daily_pages() -> None:
    """Pages that change with the date, not with a publish: the fronts (today's date, On
    This Day) and the news sitemap's 48-hour window. Unchanged files are left untouched."""
    _queue(affected.daily_pages())


@task()
def render_pending() -> None:
    report = publisher.drain()
    if report.next_ready_at is not None:
        schedule_rendering(report.next_ready_at)
