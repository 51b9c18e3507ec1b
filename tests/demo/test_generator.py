from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import Page

from masthead.demo.generator import generate_archive
from masthead.journalism.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


def test_generator_adds_live_stories_in_both_editions_in_a_valid_tree():
    report = generate_archive(count=300, burmese_share=0.3, seed=7)
    assert report.created == 300
    stories = ArticlePage.objects.live()
    assert stories.count() == 300
    burmese = stories.filter(locale__language_code="my").count()
    assert burmese == report.burmese and 50 <= burmese <= 130
    assert Page.find_problems() == ([], [], [], [], [])
    assert stories.filter(bylines__isnull=True).count() == 0
    years = {s.first_published_at.year for s in stories}
    assert max(years) - min(years) >= 10

    client = Client()
    for story in stories.order_by("?")[:5]:
        assert client.get(story.url).status_code == 200, story.url
    section = SectionPage.objects.get(url_path="/home-en/news/")
    assert client.get(section.url).status_code == 200


def test_generating_twice_keeps_the_tree_valid():
    generate_archive(count=50, seed=1)
    generate_archive(count=50, seed=2)
    assert ArticlePage.objects.count() == 100
    assert Page.find_problems() == ([], [], [], [], [])
