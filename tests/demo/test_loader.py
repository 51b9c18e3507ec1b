from __future__ import annotations

import json

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.demo import content
from masthead.demo.loader import credentials_path, load_demo
from masthead.demo.sections import all_section_paths
from masthead.journalism.models import ArticlePage, Author, SectionPage, StoryFormat

pytestmark = pytest.mark.django_db


def test_content_files_are_consistent():
    authors = {author.key for author in content.load_authors()}
    english = content.load_articles("en", authors)
    burmese = content.load_articles("my", authors)
    assert len(english) >= 60 and len(burmese) >= 20
    english_keys = {story.key for story in english}
    assert {story.counterpart for story in burmese if story.counterpart} <= english_keys
    assert set(content.load_burmese_section_titles()) == set(all_section_paths())


def test_demo_loads_a_whole_newsroom_and_a_second_run_adds_nothing():
    first = load_demo()
    assert first.created_articles >= 80 and first.existing_articles == 0

    english = ArticlePage.objects.live().filter(locale__language_code="en")
    burmese = ArticlePage.objects.live().filter(locale__language_code="my")
    assert english.count() >= 60 and burmese.count() >= 20
    assert Author.objects.count() >= 8
    assert SectionPage.objects.filter(locale__language_code="en").count() == len(
        all_section_paths()
    )
    formats = set(english.values_list("story_format", flat=True))
    assert {
        StoryFormat.FACT_CHECK,
        StoryFormat.INTERVIEW,
        StoryFormat.OBITUARY,
        StoryFormat.PHOTO_ESSAY,
    } <= formats
    assert english.filter(corrections__isnull=False).exists()

    tally = english.get(slug="people-goal-defections-tally")
    assert [block.block_type for block in tally.body].count("table") == 1
    assert tally.get_translations().filter(locale__language_code="my").exists()

    users = get_user_model().objects
    for username in ("admin", "editor", "reporter", "datadesk"):
        assert users.filter(username=username).exists()
    saved = json.loads(credentials_path().read_text())
    assert users.get(username="editor").check_password(saved["editor"])

    counts = (ArticlePage.objects.count(), Author.objects.count(), SectionPage.objects.count())
    second = load_demo()
    assert second.created_articles == 0
    assert (
        ArticlePage.objects.count(),
        Author.objects.count(),
        SectionPage.objects.count(),
    ) == counts
    assert second.credentials == first.credentials

    client = Client()
    for url in (
        "/",
        "/my/",
        tally.url,
        "/news/",
        "/my/news/",
        "/author/ei-phyu-sin/",
        "/about-us/",
        "/team/",
        "/contact/",
        "/my/about-us/",
        "/my/donate/",
    ):
        assert client.get(url).status_code == 200, url
    donate = client.get("/donate/").content.decode()
    ways = content.load_edition("en").pages
    first_way = next(page for page in ways if page.key == "donate").ways_to_give[0]
    assert first_way["title"] in donate
