"""Routing a reader request: the site and each edition's root page are read once per content
generation, and each request still reaches the right page of the right edition."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from masthead.journalism.services import unpublish_article
from tests import factories

pytestmark = pytest.mark.django_db


def _get(client: Client, url: str) -> tuple[int, str, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return (
        response.status_code,
        response.content.decode(),
        [query["sql"] for query in captured.captured_queries],
    )


def test_a_story_asked_again_reads_only_the_content_generation():
    story = factories.article(factories.section(), title="Fuel queues in Mandalay")
    client = Client()
    client.get(story.url)  # the first request fills what is kept
    status, _, queries = _get(client, story.url)
    assert status == 200
    assert len(queries) == 1, queries
    assert "publishing_contentgeneration" in queries[0]


def test_no_page_asks_again_for_its_site_or_locale():
    story = factories.article(factories.section(), title="Fuel queues in Mandalay")
    client = Client()
    for url in (story.get_parent().url, "/", "/my/", "/feed/rss.xml", "/lite/", "/sitemap.xml"):
        client.get(url)
        status, _, queries = _get(client, url)
        assert status == 200, url
        tables = ('FROM "wagtailcore_site"', 'FROM "wagtailcore_locale"')
        asked = [sql for sql in queries if any(table in sql for table in tables)]
        assert not asked, (url, asked)


def test_each_edition_is_routed_from_its_own_root():
    english = factories.article(factories.section("News"), title="Fuel queues in Mandalay")
    burmese = factories.article(factories.section("သတင်း", language="my"), title="ဆီတန်းစီ")
    client = Client()
    for _ in range(2):  # the second round is answered from what the first kept
        status, html, _ = _get(client, english.url)
        assert status == 200 and 'lang="en"' in html and "Fuel queues in Mandalay" in html
        status, html, _ = _get(client, burmese.url)
        assert status == 200 and 'lang="my"' in html and "ဆီတန်းစီ" in html
        assert client.get("/my/").content.decode().count('lang="my"') >= 1
    # The other edition's address under this edition's prefix is no page.
    assert client.get(f"/my{english.url}").status_code == 404


def test_a_change_of_content_is_routed_at_once():
    story = factories.article(factories.section(), title="Curfew lifted")
    client = Client()
    assert client.get(story.url).status_code == 200
    unpublish_article(article=story)
    assert client.get(story.url).status_code == 404
    later = factories.article(factories.section("Business"), title="Kyat falls again")
    assert client.get(later.url).status_code == 200


def test_the_site_is_found_by_the_requests_host(settings):
    settings.ALLOWED_HOSTS = ["*"]
    news_story = factories.article(factories.section("News"), title="Curfew lifted")
    business = factories.section("Business")
    business_story = factories.article(business, title="Kyat falls again")
    Site.objects.create(hostname="business.example.org", port=80, root_page=business)
    default_host = Site.objects.get(is_default_site=True).hostname
    client = Client()
    for _ in range(2):  # the second round is answered from what the first kept
        assert client.get(news_story.url, HTTP_HOST=default_host).status_code == 200
        # Another host is another site, with another root.
        elsewhere = client.get(f"/{business_story.slug}/", HTTP_HOST="business.example.org")
        assert elsewhere.status_code == 200 and "Kyat falls again" in elsewhere.content.decode()
        assert client.get(news_story.url, HTTP_HOST="business.example.org").status_code == 404
