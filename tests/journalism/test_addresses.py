"""Page addresses kept per process follow every change that moves a page: its path, its
site's address and the language it is asked for in."""

from __future__ import annotations

import pytest
from wagtail.models import Site

from masthead.journalism.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_moved_story_answers_with_its_new_address():
    news, sport = factories.section("News"), factories.section("Sport")
    story = factories.article(news, title="Boat race on Inle Lake")
    assert story.url == f"{news.url}{story.slug}/"
    story.move(sport, pos="last-child")
    assert ArticlePage.objects.get(pk=story.pk).url == f"{sport.url}{story.slug}/"


def test_a_new_site_address_reaches_the_full_urls():
    story = factories.article(factories.section("News"))
    before = story.full_url
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = "news.example.org", 443
    site.save()
    moved = ArticlePage.objects.get(pk=story.pk)
    assert before != moved.full_url == f"https://news.example.org{story.url}"


def test_a_renamed_slug_answers_with_the_new_address():
    story = factories.article(factories.section("News"), title="Old slug")
    old = story.url
    story.slug = "a-new-slug"
    story.save_revision().publish()
    renamed = ArticlePage.objects.get(pk=story.pk)
    assert renamed.url != old and renamed.url.endswith("/a-new-slug/")
