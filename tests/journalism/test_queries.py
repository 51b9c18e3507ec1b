"""Query budgets: pages cost a fixed number of queries however long their lists are."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from masthead.core import memo
from masthead.journalism.models import ArticleAuthor, ArticlePage
from masthead.journalism.models.querysets import (
    child_paths,
    local_bounds,
    local_month,
    local_year,
)
from masthead.journalism.queries import article_page, article_pages
from masthead.journalism.services import add_correction
from masthead.publishing.generation import current_token
from tests import factories

pytestmark = pytest.mark.django_db

YANGON = ZoneInfo("Asia/Yangon")


def _queries_for(url: str) -> tuple[int, int]:
    """Queries of a first render (nothing kept from earlier requests) and of a render that
    reuses what the first one kept for the current content generation."""
    client = Client()
    client.get(url)  # warm caches that are per process, not per request
    with CaptureQueriesContext(connection) as warm:
        response = client.get(url)
    assert response.status_code == 200, url
    source = current_token
    memo.set_generation_source(None)
    try:
        with CaptureQueriesContext(connection) as cold:
            assert client.get(url).status_code == 200, url
    finally:
        memo.set_generation_source(source)
    return len(cold), len(warm)


def test_section_front_queries_do_not_grow_with_its_story_list():
    short_section = factories.section("Short")
    long_section = factories.section("Long")
    writer = factories.author()
    for _ in range(2):
        factories.article(short_section, authors=(writer,), tags=("Sagaing",))
    for _ in range(12):
        factories.article(
            long_section, authors=(writer, factories.author()), tags=("Sagaing", "Magwe")
        )
    assert _queries_for(short_section.url) == _queries_for(long_section.url)


def test_article_page_queries_do_not_grow_with_bylines_tags_or_corrections():
    news = factories.section()
    plain = factories.article(news, authors=(factories.author(),), tags=("One",))
    rich = factories.article(
        news,
        authors=tuple(factories.author() for _ in range(4)),
        tags=("One", "Two", "Three", "Four", "Five"),
    )
    for number in range(3):
        add_correction(article=rich, note=f"Correction number {number}.")
    for _ in range(5):  # older stories for Related and the story navigation
        factories.article(news, published_at=timezone.now() - timedelta(days=3))
    rich = ArticlePage.objects.get(pk=rich.pk)
    assert _queries_for(plain.url) == _queries_for(rich.url)


def test_home_front_queries_do_not_grow_with_stories_per_section():
    news = factories.section("News", in_menu=True)
    for _ in range(9):  # enough for the lead, the top stories and a section block
        factories.article(news, authors=(factories.author(),))
    few = _queries_for("/")
    for _ in range(10):
        factories.article(news, authors=(factories.author(),))
    assert _queries_for("/") == few


def test_in_section_includes_subsections_and_stories_also_listed():
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    opinion = factories.section("Opinion")
    direct = factories.article(news)
    nested = factories.article(burma)
    cross_listed = factories.article(opinion, also_in_sections=(news,))
    elsewhere = factories.article(opinion)
    found = set(ArticlePage.objects.live().in_section(news).values_list("pk", flat=True))
    assert found == {direct.pk, nested.pk, cross_listed.pk}
    assert elsewhere.pk not in found


def test_child_paths_finds_the_pages_right_below_and_no_deeper():
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    world = factories.section("World", parent=news)
    factories.article(burma)  # a grandchild
    factories.section("Opinion")
    story = factories.article(news)
    below = Page.objects.filter(**child_paths(news)).order_by("path")
    assert [page.pk for page in below] == [burma.pk, world.pk, story.pk]
    assert list(below) == list(news.get_children().order_by("path"))


def test_by_author_and_tagged():
    news = factories.section()
    writer = factories.author()
    mine = factories.article(news, authors=(writer,), tags=("Conscription",))
    factories.article(news, authors=(factories.author(),), tags=("Economy",))
    assert list(ArticlePage.objects.by_author(writer)) == [mine]
    tag = mine.tags.get(name="Conscription")
    assert list(ArticlePage.objects.tagged(tag)) == [mine]


def test_published_between_uses_myanmar_days():
    news = factories.section()
    # 23:45 in Yangon on 9 October is still 9 October there, though it is 17:15 UTC.
    late_evening = factories.article(
        news, published_at=datetime(2025, 10, 9, 23, 45, tzinfo=YANGON)
    )
    next_morning = factories.article(
        news, published_at=datetime(2025, 10, 10, 0, 15, tzinfo=YANGON)
    )
    day = datetime(2025, 10, 10).date()
    assert list(ArticlePage.objects.published_between(day, day)) == [next_morning]
    assert late_evening not in ArticlePage.objects.published_between(day, day)


def test_on_this_day_finds_earlier_years_only():
    news = factories.section()
    today = timezone.localtime(timezone.now(), YANGON)
    two_years_ago = factories.article(news, published_at=today.replace(year=today.year - 2))
    factories.article(news, published_at=today - timedelta(days=1))
    factories.article(news, published_at=today)
    found = list(ArticlePage.objects.live().on_this_day(today.date()))
    assert found == [two_years_ago]


def test_on_this_day_goes_by_the_newsroom_calendar_and_keeps_29_february_to_leap_years():
    """Yangon is six and a half hours ahead of UTC, so 1 March there begins at 17:30 UTC on
    the day before."""
    news = factories.section()
    utc = ZoneInfo("UTC")
    just_after = factories.article(news, published_at=datetime(2024, 2, 29, 17, 40, tzinfo=utc))
    just_before = factories.article(news, published_at=datetime(2024, 2, 29, 17, 20, tzinfo=utc))
    late = factories.article(news, published_at=datetime(2023, 3, 1, 17, 20, tzinfo=utc))
    factories.article(news, published_at=datetime(2023, 3, 1, 17, 40, tzinfo=utc))
    leap = factories.article(news, published_at=datetime(2024, 2, 29, 9, 0, tzinfo=utc))
    factories.article(news, published_at=datetime(2025, 2, 28, 9, 0, tzinfo=utc))
    stories = ArticlePage.objects.live()

    assert set(stories.on_this_day(date(2026, 3, 1))) == {just_after, late}
    assert set(stories.on_this_day(date(2028, 2, 29))) == {leap, just_before}
    assert list(stories.on_this_day(date(2022, 3, 1))) == []  # nothing earlier


def test_recent_orders_newest_first():
    news = factories.section()
    old = factories.article(news, published_at=timezone.now() - timedelta(days=5))
    new = factories.article(news, published_at=timezone.now() - timedelta(days=1))
    assert list(ArticlePage.objects.in_section(news).recent()) == [new, old]


def test_bylines_tied_on_their_order_list_the_same_way_in_every_query():
    story = factories.article(
        factories.section(), authors=(factories.author("First"), factories.author("Second"))
    )
    first, second = ArticleAuthor.objects.filter(page=story).order_by("pk")
    # Bylines saved together can share a sort_order. Updating the first one last moves its
    # row behind the second where a database stores rows (PostgreSQL writes a new version),
    # so a query without a tie-break would list "Second" first.
    ArticleAuthor.objects.filter(pk=second.pk).update(sort_order=0)
    ArticleAuthor.objects.filter(pk=first.pk).update(sort_order=0)
    story = ArticlePage.objects.get(pk=story.pk)
    listed = ArticlePage.objects.filter(pk=story.pk).for_listing().get()

    assert [a.name for a in article_page(story).authors] == ["First", "Second"]
    assert [a.name for a in article_pages([story])[story.pk].authors] == ["First", "Second"]
    assert [b.author.name for b in listed.bylines.all()] == ["First", "Second"]


def test_local_year_and_month_follow_the_newsroom_calendar_not_utc():
    """Yangon is six and a half hours ahead of UTC: 17:31 UTC on the last day of a month is
    already the next month there, and the last day of the year is already the next year."""
    news = factories.section("News")
    utc = ZoneInfo("UTC")
    moments = [
        datetime(2006, 3, 4, 9, 0, tzinfo=utc),
        datetime(2024, 12, 31, 17, 29, tzinfo=utc),  # 23:59, 31 December 2024
        datetime(2024, 12, 31, 17, 31, tzinfo=utc),  # 00:01, 1 January 2025
        datetime(2025, 2, 28, 17, 31, tzinfo=utc),  # 00:01, 1 March 2025
    ]
    for moment in moments:
        factories.article(news, published_at=moment)
    stories = ArticlePage.objects.live()
    bounds = local_bounds(stories)
    found = stories.annotate(year=local_year(bounds), month=local_month(bounds))
    local = [moment.astimezone(YANGON) for moment in moments]
    assert sorted(found.values_list("year", "month")) == [(t.year, t.month) for t in local]
    assert [t.year for t in local] == [2006, 2024, 2025, 2025]  # the test holds a boundary
