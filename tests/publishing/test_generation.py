"""Reads shared by many renders are kept under the content generation: every change to what
reader pages show is seen by the next request, and a kept render equals a fresh one."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from masthead.core import memo
from masthead.journalism.models import ArticlePage, Author, ContactMessage, EditionSettings
from masthead.journalism.services import add_correction, link_counterparts
from masthead.publishing.generation import current_token
from masthead.publishing.volatile import without_volatile_regions
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def nothing_kept() -> Iterator[None]:
    memo.forget_process_reads()
    yield
    memo.forget_process_reads()


def page(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def republish(story: ArticlePage, **changes: object) -> ArticlePage:
    story = ArticlePage.objects.get(pk=story.pk)
    for name, value in changes.items():
        setattr(story, name, value)
    story.save_revision().publish()
    return ArticlePage.objects.get(pk=story.pk)


def test_a_content_change_replaces_the_token_and_a_reader_message_does_not():
    before = current_token()
    factories.author("Nilar Win")
    after_author = current_token()
    ContactMessage.objects.create(name="A reader", email="r@example.org", message="Hello")
    assert after_author != before
    assert current_token() == after_author


def test_a_rolled_back_change_leaves_the_old_token():
    before = current_token()
    with pytest.raises(RuntimeError), transaction.atomic():
        factories.author("Nilar Win")
        assert current_token() != before
        raise RuntimeError("the editor's save failed")
    assert current_token() == before


def test_reads_are_kept_within_a_generation_and_never_across():
    reads: list[int] = []

    def read() -> int:
        reads.append(1)
        return len(reads)

    memo.begin_request()
    try:
        assert memo.remembered("answer", read) == 1
        memo.begin_request()  # the next request, same content
        assert memo.remembered("answer", read) == 1
        factories.author("Nilar Win")  # content changed: read afresh
        assert memo.remembered("answer", read) == 2
    finally:
        memo.end_request()
    assert memo.remembered("answer", read) == 3  # outside a request nothing is kept


def test_renamed_section_reaches_the_menu_of_every_page_at_once():
    news = factories.section("News", in_menu=True)
    story = factories.article(news)
    page(story.url)
    assert ">News<" in page(story.url)
    news.title = "World news"
    news.save_revision().publish()
    fresh = page(story.url)
    assert ">World news<" in fresh
    assert ">News<" not in fresh


def test_edition_settings_reach_header_and_footer_at_once():
    story = factories.article(factories.section())
    page(story.url)
    settings = EditionSettings.for_language("en")
    settings.name = "Irrawaddy Evening Post"
    settings.about = "Independent news from Yangon since 2001."
    settings.save()
    fresh = page(story.url)
    assert 'class="masthead__name"><a href="/">Irrawaddy Evening Post</a>' in fresh
    assert "Independent news from Yangon since 2001." in fresh


def test_republished_story_shows_its_new_body_headline_and_corrections():
    story = factories.article(factories.section(), body_text="The bridge stood.")
    assert "The bridge stood." in page(story.url)
    story = republish(story, title="Bridge falls", body=[factories.paragraph("It fell at dawn.")])
    add_correction(article=story, note="An earlier version gave the wrong township.")
    fresh = page(story.url)
    assert "It fell at dawn." in fresh
    assert "The bridge stood." not in fresh
    assert "Bridge falls" in fresh
    assert "An earlier version gave the wrong township." in fresh


def test_renamed_author_reaches_the_byline():
    writer = factories.author("Thida Aung")
    story = factories.article(factories.section(), authors=(writer,))
    assert "Thida Aung" in page(story.url)
    writer = Author.objects.get(pk=writer.pk)
    writer.name = "Thida Aung Kyaw"
    writer.save()
    assert "Thida Aung Kyaw" in page(story.url)


def test_counterparts_linked_by_an_update_reach_both_stories_at_once():
    english = factories.article(factories.section("News"), title="Curfew lifted")
    burmese = factories.article(factories.section("သတင်း", language="my"), title="ညမထွက်ရအမိန့်")
    assert burmese.url not in page(english.url)
    # The link is made with QuerySet.update(), which sends no post_save.
    link_counterparts(article=english, counterpart=burmese)
    assert burmese.url in page(english.url)


def test_a_neighbour_published_later_appears_in_the_story_navigation():
    news = factories.section()
    story = factories.article(news, published_at=timezone.now() - timedelta(days=1))
    assert 'rel="next"' not in page(story.url)
    # Given no time, a factory story is backdated by its serial number in minutes.
    newer = factories.article(news, title="The next morning", published_at=timezone.now())
    assert f'rel="next" href="{newer.url}"' in page(story.url)


def test_a_restriction_added_to_a_section_closes_its_stories_at_once():
    news = factories.section()
    story = factories.article(news, body_text="Only for subscribers.")
    assert "Only for subscribers." in page(story.url)
    PageViewRestriction.objects.create(
        page=news, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-word"
    )
    response = Client().get(story.url)
    assert "Only for subscribers." not in response.content.decode()


def test_a_preview_is_never_kept_for_readers():
    story = factories.article(factories.section(), body_text="What readers see.")
    assert "What readers see." in page(story.url)
    draft = ArticlePage.objects.get(pk=story.pk)
    draft.body = [factories.paragraph("A sentence still in draft.")]
    request = Client().get("/").wsgi_request
    preview = draft.make_preview_request(original_request=request).content.decode()
    assert "A sentence still in draft." in preview
    assert "What readers see." not in preview
    assert "A sentence still in draft." not in page(story.url)


def test_a_kept_render_equals_a_fresh_render():
    news = factories.section("News", in_menu=True)
    factories.section("Burma", parent=news, in_menu=True)
    writer = factories.author("Thida Aung")
    older = factories.article(news, published_at=timezone.now() - timedelta(days=2))
    story = factories.article(news, authors=(writer,), tags=("Sagaing", "Floods"))
    add_correction(article=story, note="The date of the flood was wrong.")
    check = factories.fact_check(news)
    burmese = factories.article(factories.section("သတင်း", language="my"))
    urls = ["/", news.url, story.url, older.url, check.url, burmese.url, "/my/", "/lite/"]
    source = current_token
    memo.set_generation_source(None)
    try:
        fresh = {url: page(url) for url in urls}
    finally:
        memo.set_generation_source(source)
    for url in urls:
        page(url)  # the first render keeps what it read
        assert without_volatile_regions(page(url).encode()) == without_volatile_regions(
            fresh[url].encode()
        ), url


def test_a_story_read_again_costs_a_handful_of_queries():
    news = factories.section()
    story = factories.article(
        news,
        authors=(factories.author(), factories.author()),
        tags=("One", "Two", "Three"),
    )
    for _ in range(4):  # older stories for Related and the story navigation
        factories.article(news, published_at=timezone.now() - timedelta(days=3))
    client = Client()
    client.get(story.url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(story.url).status_code == 200
    # The site, the locale, the edition's front and the content generation; then only what
    # changes without a publish (view counts, most read, similar picks).
    assert len(captured) <= 10, "\n".join(query["sql"][:120] for query in captured)
