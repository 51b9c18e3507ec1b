"""The index follows stories: indexed on publish, gone on unpublish and delete, rebuilt whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

import pytest
from django_tasks_db.models import DBTaskResult

from masthead.journalism.services import publish_article, unpublish_article
from masthead.search import vocabulary
from masthead.search.backends import Filters, engine
from masthead.search.models import SearchDocument
from masthead.search.queries import search_stories
from masthead.search.query import parse_query
from masthead.search.services import index_pages, rebuild_index, remove_pages
from tests import factories

pytestmark = pytest.mark.django_db


@contextmanager
def background_work(capture: object) -> Iterator[None]:
    """Commit, then do the search index's queued work as the worker would (the
    publisher's own tasks are left in the queue: tests/publishing covers them)."""
    with capture(execute=True):  # type: ignore[operator]
        yield
    queued = DBTaskResult.objects.filter(task_path__startswith="masthead.search.tasks.")
    for result in queued.order_by("enqueued_at"):
        result.task.func(*result.args_kwargs["args"], **result.args_kwargs["kwargs"])
        result.delete()


def found(text: str, language: str | None = "en") -> list[str]:
    results = search_stories(query=parse_query(text), filters=Filters(language=language))
    return [result.headline for result in results.results]


def test_a_published_story_enters_the_results_through_the_publishing_events(
    django_capture_on_commit_callbacks,
):
    news = factories.section("News")
    with background_work(django_capture_on_commit_callbacks):
        factories.article(news, title="Floods reach the delta")
    assert found("delta floods") == ["Floods reach the delta"]


def test_an_unpublished_story_leaves_the_results(django_capture_on_commit_callbacks):
    news = factories.section("News")
    with background_work(django_capture_on_commit_callbacks):
        story = factories.article(news, title="Ferry service resumes at Dala")
    assert found("Dala ferry") == ["Ferry service resumes at Dala"]
    with background_work(django_capture_on_commit_callbacks):
        unpublish_article(article=story)
    assert found("Dala ferry") == []
    assert not SearchDocument.objects.filter(page_id=story.pk).exists()
    with background_work(django_capture_on_commit_callbacks):
        publish_article(article=story)
    assert found("Dala ferry") == ["Ferry service resumes at Dala"]


def test_a_deleted_story_leaves_the_results(django_capture_on_commit_callbacks):
    news = factories.section("News")
    with background_work(django_capture_on_commit_callbacks):
        story = factories.article(news, title="Monsoon rains arrive early")
    with background_work(django_capture_on_commit_callbacks):
        story.delete()
    assert found("monsoon") == []


def test_a_draft_is_never_indexed():
    story = factories.article(factories.section(), title="Embargoed budget story", publish=False)
    index_pages(page_ids=[story.pk])
    assert found("embargoed") == []


def test_renaming_an_author_reindexes_their_stories(django_capture_on_commit_callbacks):
    writer = factories.author("Thida Aung")
    story = factories.article(factories.section(), title="Market report", authors=(writer,))
    index_pages(page_ids=[story.pk])
    with background_work(django_capture_on_commit_callbacks):
        writer.name = "Thida Aung Myint"
        writer.save()
    assert found("Myint") == ["Market report"]


def test_rebuild_indexes_every_live_story_and_reports_progress():
    news = factories.section("News")
    for number in range(3):
        factories.article(news, title=f"Harvest report {number}")
    factories.article(news, title="Harvest draft", publish=False)
    SearchDocument.objects.all().delete()
    seen: list[tuple[int, int]] = []
    report = rebuild_index(progress=lambda done, total: seen.append((done, total)))
    assert report.indexed == 3
    assert seen[-1] == (3, 3)
    assert sorted(found("harvest")) == [f"Harvest report {n}" for n in range(3)]


def _indexed_terms_of(story) -> set[str]:
    from masthead.search.terms import distinct_terms

    document = SearchDocument.objects.get(page_id=story.pk)
    return distinct_terms(engine().indexed_text(document.key) or "")


def test_the_vocabulary_counts_each_story_once_and_follows_edits():
    news = factories.section("News")
    first = factories.article(news, title="Ferry sinks near Dala")
    second = factories.article(news, title="Ferry fares rise")
    index_pages(page_ids=[first.pk, second.pk])
    counts = vocabulary.counts(["ferry", "dala", "fares"])
    assert counts == {"ferry": 2, "dala": 1, "fares": 1}
    index_pages(page_ids=[first.pk])  # indexed again, unchanged: counted once still
    assert vocabulary.counts(["ferry", "dala"]) == {"ferry": 2, "dala": 1}
    first.title = "Ferry rescued near Twante"
    first.save_revision().publish()
    index_pages(page_ids=[first.pk])
    assert vocabulary.counts(["dala", "twante", "ferry"]) == {"twante": 1, "ferry": 2}
    assert found("Dala") == []
    remove_pages(page_ids=[second.pk])
    assert vocabulary.counts(["fares", "ferry"]) == {"ferry": 1}


def test_a_deleted_page_leaves_the_engine_index_too(django_capture_on_commit_callbacks):
    news = factories.section("News")
    story = factories.article(news, title="Monsoon rains arrive early")
    index_pages(page_ids=[story.pk])
    key = SearchDocument.objects.get(page_id=story.pk).key
    assert _indexed_terms_of(story) >= {"monsoon", "rains"}
    story.delete()
    assert not SearchDocument.objects.filter(key=key).exists()
    assert engine().keys_between(key, key) == set()
    assert vocabulary.counts(["monsoon"]) == {}


def test_newest_first_interleaves_both_editions_by_date():
    english, burmese = factories.section("News"), factories.section("သတင်း", language="my")
    stories = [
        factories.article(section, title=title, published_at=datetime(2025, 1, day, 12, tzinfo=UTC))
        for section, title, day in (
            (english, "Kyaw Kyaw wins the race", 1),
            (burmese, "Kyaw Kyaw ပြေးပွဲ အနိုင်ရ", 2),
            (english, "Kyaw Kyaw retires", 3),
        )
    ]
    index_pages(page_ids=[story.pk for story in stories])
    results = search_stories(
        query=parse_query("Kyaw"), filters=Filters(language=None), newest_first=True
    )
    assert [r.headline for r in results.results] == [s.title for s in reversed(stories)]


def test_the_section_filter_finds_stories_filed_below_it_or_also_listed_in_it():
    news = factories.section("News")
    region = factories.section("Region", parent=news)
    opinion = factories.section("Opinion")
    below = factories.article(region, title="Harvest in Magway")
    listed = factories.article(opinion, title="Harvest thoughts")
    listed.also_in_sections.add(news)
    listed.save_revision().publish()
    elsewhere = factories.article(opinion, title="Harvest elsewhere")
    index_pages(page_ids=[below.pk, listed.pk, elsewhere.pk])
    results = search_stories(query=parse_query("harvest"), filters=Filters(section_id=news.pk))
    assert sorted(r.headline for r in results.results) == ["Harvest in Magway", "Harvest thoughts"]
