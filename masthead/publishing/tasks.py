"""Background work of the publisher. A content event queues a `refresh_*` task, which works out
the affected URLs and queues them; `render_pending` renders them once the burst is over."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus, task
from django_tasks_db.models import DBTaskResult

from masthead.metrics.services import take_stories_to_reshow
from masthead.publishing import affected, publisher

# Rendering comes before the search and reference indexes Wagtail updates in the same
# queue; working out what a new event affects comes before rendering what older ones did,
# so a story published during a long render is not stuck behind it.
RENDER_SOON = 5
REFRESH_FIRST = 10


def _queue(found: affected.Affected) -> None:
    if publisher.request_renders(found):
        schedule_rendering(timezone.now() + publisher.quiet_period())


def schedule_rendering(at: datetime) -> None:
    render_pending.using(run_after=at).enqueue()


def queue_page_event(page_id: int) -> None:
    """On commit of a page change: queue the page and its fronts at once, so the worker can
    render them while it works out everything else the change touched."""
    first = affected.first_pages(page_id)
    if publisher.request_renders(first):
        schedule_rendering(timezone.now() + publisher.quiet_period())
    refresh_page.enqueue(page_id, sorted(first.urls))


@task(priority=REFRESH_FIRST)
def refresh_page(page_id: int, queued_on_commit: list[str] | None = None) -> None:
    """Everything else the change touched. The page and its fronts were queued on commit;
    asking for them again here would start their wait over and hold them back."""
    _queue(affected.page_changed(page_id).without(queued_on_commit or []))


@task(priority=REFRESH_FIRST)
def refresh_subtree(page_ids: list[int]) -> None:
    """A moved page and everything under it: every address in the branch changed."""
    found = affected.Affected()
    for page_id in page_ids:
        found.update(affected.page_changed(page_id))
    _queue(found)


@task(priority=REFRESH_FIRST)
def refresh_author(author_id: int, old_slug: str | None = None) -> None:
    _queue(affected.author_changed(author_id, old_slug))


@task(priority=REFRESH_FIRST)
def refresh_tag(tag_id: int, old_slug: str | None = None) -> None:
    _queue(affected.tag_changed(tag_id, old_slug))


@task(priority=REFRESH_FIRST)
def refresh_image(image_id: int) -> None:
    _queue(affected.image_changed(image_id))


@task(priority=REFRESH_FIRST)
def refresh_edition(locale_id: int) -> None:
    _queue(affected.edition_changed(locale_id))


@task(priority=REFRESH_FIRST)
def refresh_daily_pages() -> None:
    """Pages that change with the date, not with a publish: the fronts (today's date, On
    This Day) and the news sitemap's 48-hour window. Unchanged files are left untouched."""
    _queue(affected.daily_pages())


@task(priority=REFRESH_FIRST)
def refresh_signal_pages() -> None:
    """Pages that show view counts and Most read, as the counts change: see
    `affected.signal_pages`."""
    _queue(affected.signal_pages(take_stories_to_reshow()))


def drop_work_before(moment: datetime) -> int:
    """Forget the publisher's work that a full build begun at `moment` made moot: the
    refresh tasks queued before it and the renders asked for before it. The build rendered
    every page from what the database held at `moment` or later, and removed the files of
    pages gone. Left alone, a refresh of a whole edition queued before a 100,000-story
    build would render every page again, for an hour. Returns how many were dropped."""
    tasks, _ = DBTaskResult.objects.filter(
        status=TaskResultStatus.READY,
        task_path__startswith=f"{__name__}.refresh_",
        enqueued_at__lt=moment,
    ).delete()
    return tasks + publisher.forget_requests_before(moment)


@task(priority=RENDER_SOON)
def render_pending() -> None:
    """Render for a second or so, then make way: new events are worked out before the rest
    of the queue, and their pages jump it by priority."""
    report = publisher.drain(budget=timedelta(seconds=1))
    if report.more_ready:
        render_pending.enqueue()
    elif report.next_ready_at is not None:
        schedule_rendering(report.next_ready_at)
