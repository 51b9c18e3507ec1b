"""Background work of the search index, queued on commit beside the publisher's own."""

from __future__ import annotations

from django_tasks import task

from masthead.search import services

#: Below the publisher's rendering (5) and its working out of URLs (10): a reader sees the
#: page first, then finds it in search a moment later.
INDEX_PRIORITY = 3


@task(priority=INDEX_PRIORITY)
def index_pages(page_ids: list[int]) -> None:
    """Index these pages if they are live stories, remove them from the index if not."""
    services.index_pages(page_ids=page_ids)


@task(priority=INDEX_PRIORITY)
def remove_pages(page_ids: list[int]) -> None:
    services.remove_pages(page_ids=page_ids)
