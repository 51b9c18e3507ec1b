"""A full build reads its chunks' stories in bulk: what it writes must be, byte for byte, what
a page rendered on its own gives."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from masthead.core import memo
from masthead.demo.loader import load_demo
from masthead.journalism.models import ArticleAuthor, ArticlePage, SectionPage
from masthead.journalism.queries import article_page, article_pages
from masthead.metrics import recent
from masthead.metrics.models import StoryViews
from masthead.publishing import store, tasks
from masthead.publishing.affected import Affected, page_changed, stored_trace, story_trace
from masthead.publishing.build import build_all
from masthead.publishing.inventory import all_urls, live_stories, story_addresses
from masthead.publishing.models import Footprint, PendingRender
from masthead.publishing.priming import prime_chunk, prime_stories
from masthead.publishing.publisher import Outcome, request_renders
from masthead.publishing.receivers import paused
from masthead.publishing.render import render
from tests import factories

pytestmark = pytest.mark.django_db

LONG_TEXT = (
    "Residents of the township said the road to the market had been closed for a week, "
    "and that soldiers at the checkpoint searched every phone they found. "
) * 300  # several light parts


@pytest.fixture
def demo():
    """Both editions of the demo newsroom: sections and subsections, corrections,
    fact-check claims, translations, pictures."""
    root = Path(settings.PUBLISHED_ROOT)
    for url in list(store.published_urls(root)):
        store.remove(url, root)
    with paused():
        load_demo()
        news = SectionPage.objects.live().filter(locale__language_code="en").order_by("path")
        factories.article(news.last(), title="The long report", body_text=LONG_TEXT)


def _story_chunk() -> list[str]:
    """Every story's address followed by its light ones, in the inventory's order."""
    stories = list(live_stories())
    found = story_addresses(story.pk for story in stories)
    return [url for story in stories for url in (story.url, *found[story.pk].light)]


def test_a_full_build_writes_what_single_renders_give(demo, verify):
    # One test, as loading the demo newsroom takes most of a minute.
    report = build_all()

    assert not report.outcomes.get(Outcome.FAILED)
    result = verify()
    assert result.ok, (result.stale[:5], result.missing[:5], result.failed[:5])
    assert result.checked > 200
    _each_story_has_the_footprint_a_publish_records()
    _a_primed_chunk_renders_the_same_bytes_with_fewer_queries()
    _stories_primed_by_id_have_their_addresses_and_render_the_same_bytes()
    _bulk_article_pages_hold_what_one_story_reads()


def _each_story_has_the_footprint_a_publish_records() -> None:
    # The build records every footprint at once, from the addresses its workers found; a
    # publish records one story's from the story itself.
    stories = list(ArticlePage.objects.live())
    assert any(len(trace.urls) > 3 for trace in map(story_trace, stories))  # light parts
    for story in stories:
        assert stored_trace(story.pk) == story_trace(story), story.url


def _a_primed_chunk_renders_the_same_bytes_with_fewer_queries() -> None:
    urls = _story_chunk()
    _give_every_other_story_views()
    assert ArticlePage.objects.live().filter(corrections__isnull=False).exists()
    assert ArticlePage.objects.live().filter(claims__isnull=False).exists()
    assert any("/lite/" in url and url.rstrip("/").endswith("/2") for url in urls)
    alone, primed = _rendered_alone_and_in_a_chunk(urls)

    # View counts and Similar picks too: the chunk reads the counts in bulk.
    assert [url for url in urls if primed.bodies[url] != alone.bodies[url]] == []
    assert any(b'class="views"' in body for body in primed.bodies.values())
    assert len(primed.queries) < len(alone.queries) / 2
    # The stories' and their related stories' counts are read once for the chunk, not page
    # by page.
    assert _reads_of(TOTALS, primed) < _reads_of(TOTALS, alone) / 5


@dataclass
class Renders:
    bodies: dict[str, bytes]
    queries: list[dict[str, str]]


def _stories_primed_by_id_have_their_addresses_and_render_the_same_bytes() -> None:
    # A build's story chunk: its stories' reads and addresses from one priming.
    story_ids = [story.pk for story in live_stories()]
    with memo.build_batch():
        assert prime_stories(story_ids) == story_addresses(story_ids)
    urls = _story_chunk()
    alone, primed = _rendered_alone_and_in_a_chunk(urls, prime=lambda: prime_stories(story_ids))
    assert [url for url in urls if primed.bodies[url] != alone.bodies[url]] == []
    assert len(primed.queries) < len(alone.queries) / 2


def _rendered_alone_and_in_a_chunk(
    urls: list[str], prime: Callable[[], object] | None = None
) -> tuple[Renders, Renders]:
    """The pages rendered one by one, each from nothing kept, and then as one chunk of a
    build, primed by `prime` (by default `prime_chunk(urls)`): their bodies and the queries
    each way took."""
    alone = {url: render(url).body for url in urls}
    memo.forget_process_reads()
    with CaptureQueriesContext(connection) as single:  # the second time: nothing left to warm
        for url in urls:
            render(url)
    memo.forget_process_reads()
    with memo.build_batch(), CaptureQueriesContext(connection) as chunk:
        if prime is None:
            prime_chunk(urls)
        else:
            prime()
        in_chunk = {url: render(url).body for url in urls}
    return (
        Renders(alone, single.captured_queries),
        Renders(in_chunk, chunk.captured_queries),
    )


# Reads of stories' view totals, and of listed stories' bylines (one follows every read of
# a list of stories).
TOTALS = f'WHERE "{StoryViews._meta.db_table}"."story_id" IN'
BYLINES = f'"{ArticleAuthor._meta.db_table}"."page_id" IN ('


def _reads_of(sql: str, renders: Renders) -> int:
    return sum(sql in query["sql"] for query in renders.queries)


def _give_every_other_story_views() -> None:
    stories = ArticlePage.objects.live().order_by("path")
    factories.story_views(
        (story, 1000 + 37 * number) for number, story in enumerate(stories) if number % 2
    )
    recent.forget()  # as folding new views does: the figures kept this minute are stale


def _bulk_article_pages_hold_what_one_story_reads() -> None:
    stories = list(ArticlePage.objects.live().order_by("path"))
    assert any(story.locale.language_code == "my" for story in stories)

    with memo.shared_reads():
        views = article_pages(stories)

    assert set(views) == {story.pk for story in stories}
    for story in stories:
        alone, bulk = article_page(story), views[story.pk]
        assert [p.pk for p in bulk.breadcrumbs] == [p.pk for p in alone.breadcrumbs]
        assert bulk.section.pk == alone.section.pk
        assert [s.pk for s in bulk.related] == [s.pk for s in alone.related]
        assert _pk(bulk.next_story) == _pk(alone.next_story)
        assert _pk(bulk.counterpart) == _pk(alone.counterpart)
        assert [a.pk for a in bulk.authors] == [a.pk for a in alone.authors]
        assert [t.pk for t in bulk.tags] == [t.pk for t in alone.tags]
        assert [c.pk for c in bulk.corrections] == [c.pk for c in alone.corrections]
        assert [c.pk for c in bulk.claims] == [c.pk for c in alone.claims]
        assert _pk(bulk.featured_image) == _pk(alone.featured_image)


def test_a_full_build_drops_the_publisher_work_queued_before_it():
    story = factories.article(factories.section("News"))
    tasks.refresh_edition.enqueue(story.locale_id)
    tasks.refresh_page.enqueue(story.pk)
    request_renders(Affected({story.url: 5, "/": 5}))
    # Work asked for while the build runs (here: dated after its start) is still to do.
    soon = timezone.now() + timedelta(minutes=5)
    request_renders(Affected({"/news/": 5}), now=soon)
    during = tasks.refresh_page.enqueue(story.pk)
    DBTaskResult.objects.filter(pk=during.id).update(enqueued_at=soon)
    queued_before = _queue()
    renders_before = PendingRender.objects.exclude(url="/news/").count()

    report = build_all()

    left = _queue()
    refreshes = [row for row in queued_before if ".publishing.tasks.refresh_" in row[1]]
    assert [row for row in left if ".publishing.tasks.refresh_" in row[1]] == [
        (str(during.id), "masthead.publishing.tasks.refresh_page")
    ]
    # Rendering tasks (they find nothing to do) and everything not the publisher's stay.
    assert [row for row in left if row not in refreshes] == [
        row for row in queued_before if row not in refreshes
    ]
    assert list(PendingRender.objects.values_list("url", flat=True)) == ["/news/"]
    assert report.superseded == len(refreshes) - 1 + renders_before


def test_after_a_full_build_an_edit_the_menus_do_not_show_renders_its_own_pages():
    with paused():
        news = factories.section("News", in_menu=True)
        story = factories.article(news)
    build_all()
    with paused():  # the publisher's reckoning below, not the queue's
        news = SectionPage.objects.get(pk=news.pk)
        news.search_description = "Reporting from every township."
        news.save_revision().publish()
        renamed = factories.section("Features", in_menu=True)
    build_all()
    with paused():
        renamed = SectionPage.objects.get(pk=renamed.pk)
        renamed.title = "Long reads"
        renamed.save_revision().publish()

    # The build recorded what the menus show of each section: a change to that alone
    # reaches every page; any other edit only the section's own pages.
    assert story.url not in page_changed(news.pk).urls
    assert story.url in page_changed(renamed.pk).urls


def test_a_full_build_forgets_the_footprints_of_pages_gone_and_keeps_an_unpublished_section_s():
    with paused():
        news = factories.section("News", in_menu=True)
        hidden = factories.section("Hidden", in_menu=True)
        gone = factories.section("Gone", in_menu=True)
        story = factories.article(news)
    build_all()
    with paused():
        gone_pk = gone.pk
        gone.delete()
        hidden.unpublish()
        ArticlePage.objects.get(pk=story.pk).unpublish()
    build_all()

    kept = set(Footprint.objects.values_list("key", flat=True))
    assert {f"page:{news.pk}", f"navigation:{news.pk}", f"navigation:{hidden.pk}"} <= kept
    assert not {f"page:{gone_pk}", f"navigation:{gone_pk}", f"page:{hidden.pk}"} & kept
    assert f"page:{story.pk}" not in kept


def _queue() -> list[tuple[str, str]]:
    return [
        (str(pk), path)
        for pk, path in DBTaskResult.objects.order_by("enqueued_at").values_list("pk", "task_path")
    ]


def test_a_chunk_seeing_a_new_generation_reads_afresh():
    news = factories.section("News")
    story = factories.article(news, title="The headline the chunk read")
    with memo.build_batch():
        prime_chunk([story.url])
        assert b"The headline the chunk read" in render(story.url).body
        story = ArticlePage.objects.get(pk=story.pk)
        story.title = "A headline changed during the build"
        story.save_revision().publish()

        body = render(ArticlePage.objects.get(pk=story.pk).url).body

    assert b"A headline changed during the build" in body


def _pk(obj: object) -> object:
    return getattr(obj, "pk", None)


def test_a_build_chunk_keeps_what_its_renders_read_for_the_chunk_alone():
    story = factories.article(factories.section("News"))
    render(story.url)  # what is kept outside the memo (the site's root paths) is kept now
    memo.forget_process_reads()
    with CaptureQueriesContext(connection) as cold:
        render(story.url)
    memo.forget_process_reads()
    with memo.build_batch():
        render(story.url)
        with CaptureQueriesContext(connection) as in_chunk:
            render(story.url)

    with CaptureQueriesContext(connection) as after_chunk:
        render(story.url)

    assert len(in_chunk.captured_queries) < len(cold.captured_queries)
    assert len(after_chunk.captured_queries) == len(cold.captured_queries)


def test_a_chunk_reads_a_listing_s_next_numbered_pages_with_the_first():
    news = factories.section("News")
    authors = (factories.author("Thida Aung"), factories.author("Saw Eh Say"))
    now = timezone.now()
    for number in range(75):
        factories.article(news, published_at=now - timedelta(hours=number), authors=authors)
    urls = [url for url in all_urls(with_stories=False) if "/page/" in url]
    assert len(urls) >= 3
    alone, in_chunk = _rendered_alone_and_in_a_chunk(urls)

    assert [url for url in urls if in_chunk.bodies[url] != alone.bodies[url]] == []
    assert all(b"Thida Aung" in body for body in in_chunk.bodies.values())
    # The first page reads every page's stories and their bylines, not each page its own.
    assert _reads_of(BYLINES, in_chunk) == 1 < len(urls) == _reads_of(BYLINES, alone)


def test_a_chunk_reads_a_month_s_days_with_the_first():
    news = factories.section("News")
    author = factories.author("Thida Aung")
    # Several stories a day over two months, across local midnights.
    noon = timezone.now().replace(day=15, hour=6, minute=0, second=0, microsecond=0)
    for hours in range(0, 24 * 40, 7):
        factories.article(news, published_at=noon - timedelta(hours=hours), authors=(author,))
    urls = [url for url in all_urls(with_stories=False) if re.fullmatch(r"/\d{4}/\d\d/\d\d/", url)]
    assert len(urls) >= 35

    alone, in_chunk = _rendered_alone_and_in_a_chunk(urls)

    assert [url for url in urls if in_chunk.bodies[url] != alone.bodies[url]] == []
    assert all(b"Thida Aung" in body for body in in_chunk.bodies.values())
    # One read of cards per month, not one per day.
    assert _reads_of(BYLINES, in_chunk) <= 3 < len(urls) == _reads_of(BYLINES, alone)
