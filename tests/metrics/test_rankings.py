"""Most read and trending: by period, edition and section, live stories only."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.journalism.models import ArticlePage
from masthead.journalism.services import unpublish_article
from masthead.metrics.counting import record_view
from masthead.metrics.folding import fold_views
from masthead.metrics.rankings import (
    Period,
    most_read,
    popular_before,
    popular_before_each,
    trending,
)
from tests import factories

pytestmark = pytest.mark.django_db


def read(story_id: int, readers: int, hours_ago: float) -> None:
    at = timezone.now() - timedelta(hours=hours_ago)
    for reader in range(readers):
        record_view(
            story_id=story_id,
            address=f"10.1.{reader // 250}.{reader % 250}",
            user_agent=f"Mozilla/5.0 reader-{hours_ago}",
            at=at,
        )


def titles(ranked: list) -> list[str]:
    return [item.story.title for item in ranked]


def test_most_read_ranks_by_views_within_the_period(without_redis: None):
    section = factories.section()
    today = factories.article(section, title="Read today")
    last_week = factories.article(section, title="Read last week")
    last_month = factories.article(section, title="Read last month")
    read(today.pk, 3, hours_ago=2)
    read(last_week.pk, 5, hours_ago=24 * 4)
    read(last_month.pk, 9, hours_ago=24 * 20)
    fold_views()
    locale = today.locale_id
    assert titles(most_read(locale_id=locale, period=Period.DAY)) == ["Read today"]
    assert titles(most_read(locale_id=locale, period=Period.WEEK)) == [
        "Read last week",
        "Read today",
    ]
    assert titles(most_read(locale_id=locale, period=Period.MONTH)) == [
        "Read last month",
        "Read last week",
        "Read today",
    ]
    views = [item.views for item in most_read(locale_id=locale, period=Period.MONTH)]
    assert views == [9, 5, 3]


def test_most_read_keeps_to_its_edition_and_section(without_redis: None):
    news, sport = factories.section("News"), factories.section("Sport")
    burmese_news = factories.section("သတင်း", language="my")
    in_news = factories.article(news, title="In news")
    in_sport = factories.article(sport, title="In sport")
    in_burmese = factories.article(burmese_news, title="မြန်မာသတင်း")
    for story in (in_news, in_sport, in_burmese):
        read(story.pk, 2, hours_ago=1)
    fold_views()
    english = in_news.locale_id
    assert set(titles(most_read(locale_id=english))) == {"In news", "In sport"}
    assert titles(most_read(locale_id=english, section_path=sport.path)) == ["In sport"]
    assert titles(most_read(locale_id=in_burmese.locale_id)) == ["မြန်မာသတင်း"]


def test_a_subsection_counts_towards_its_section(without_redis: None):
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    story = factories.article(burma, title="Deep in news")
    read(story.pk, 1, hours_ago=1)
    fold_views()
    assert titles(most_read(locale_id=story.locale_id, section_path=news.path)) == ["Deep in news"]


def test_unpublished_stories_leave_the_rankings(without_redis: None):
    section = factories.section()
    story = factories.article(section, title="Withdrawn")
    read(story.pk, 4, hours_ago=1)
    fold_views()
    assert titles(most_read(locale_id=story.locale_id)) == ["Withdrawn"]
    unpublish_article(article=story)
    assert most_read(locale_id=story.locale_id) == []


def test_trending_favours_a_new_story_read_steadily_over_an_old_one(without_redis: None):
    section = factories.section()
    old = factories.article(section, title="Old", published_at=timezone.now() - timedelta(days=30))
    new = factories.article(section, title="New", published_at=timezone.now() - timedelta(hours=3))
    read(old.pk, 6, hours_ago=1)
    read(new.pk, 4, hours_ago=1)
    fold_views()
    assert titles(trending(locale_id=new.locale_id)) == ["New", "Old"]


def test_similar_picks_are_older_popular_stories_of_the_section(without_redis: None):
    section = factories.section()
    now = timezone.now()
    popular = factories.article(section, title="Popular", published_at=now - timedelta(days=9))
    quiet = factories.article(section, title="Quiet", published_at=now - timedelta(days=8))
    current = factories.article(section, title="Current", published_at=now - timedelta(days=2))
    newer = factories.article(section, title="Newer", published_at=now - timedelta(days=1))
    elsewhere = factories.article(factories.section("Elsewhere"), title="Elsewhere")
    for story, readers in ((popular, 8), (quiet, 2), (newer, 20), (elsewhere, 30), (current, 5)):
        read(story.pk, readers, hours_ago=1)
    fold_views()
    picks = popular_before(story=current, section_path=section.path)
    assert titles(picks) == ["Popular", "Quiet"]
    assert titles(popular_before(story=current, section_path=section.path, offset=1)) == ["Quiet"]


def test_similar_picks_read_for_a_batch_are_each_story_s_own():
    news = factories.section("News")
    region = factories.section("Region", parent=news)
    now = timezone.now()
    stories = [
        factories.article(
            region if number % 3 == 0 else news, published_at=now - timedelta(days=number)
        )
        for number in range(1, 25)
    ]
    elsewhere = factories.article(factories.section("Sport"), published_at=now)
    # Totals that favour some older and some newer stories; a few tie, one is never viewed.
    factories.story_views(
        (story, (number * 7) % 11)
        for number, story in enumerate([*stories, elsewhere])
        if number != 4
    )
    unpublish_article(article=stories[9])  # its views stay, the story leaves the picks
    batch = [ArticlePage.objects.get(pk=story.pk) for story in stories[2:20]]

    together = popular_before_each(batch, limit=5)

    assert sum(bool(picks) for picks in together.values()) > len(batch) / 2
    for story in batch:
        section_path = story.path[: -story.steplen]
        alone = popular_before(story=story, section_path=section_path, limit=5)
        assert [(p.story.pk, p.views) for p in together.get(story.pk, [])] == [
            (p.story.pk, p.views) for p in alone
        ], story.title
