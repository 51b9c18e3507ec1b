"""Counting a view: once per visitor, story and day, with no trace of who the visitor was."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.test import override_settings

from masthead.metrics import redis_store, visitors
from masthead.metrics.counting import PENDING_KEY, record_view
from masthead.metrics.folding import fold_views
from masthead.metrics.models import DailyViews, PendingView, StoryViews
from tests import factories

pytestmark = pytest.mark.django_db

YANGON = ZoneInfo("Asia/Yangon")
PHONE = "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 Chrome/120 Mobile Safari/537.36"


def at_yangon(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=YANGON)


def view(story_id: int, when: datetime, address: str = "203.0.113.7", agent: str = PHONE) -> None:
    record_view(story_id=story_id, address=address, user_agent=agent, at=when)


def total(story_id: int) -> int:
    fold_views()
    return StoryViews.objects.get(story_id=story_id).total


def test_a_repeat_view_the_same_day_counts_once_and_the_next_day_again():
    story = factories.article(factories.section())
    for hour in (8, 12, 23):
        view(story.pk, at_yangon(20, hour))
    assert total(story.pk) == 1
    view(story.pk, at_yangon(21, 0))
    assert total(story.pk) == 2
    days = dict(DailyViews.objects.filter(story_id=story.pk).values_list("day", "views"))
    assert days == {at_yangon(20, 0).date(): 1, at_yangon(21, 0).date(): 1}


def test_the_day_is_the_newsrooms_day_not_utc():
    story = factories.article(factories.section())
    # 23:00 and 01:00 UTC are 05:30 and 07:30 the same Yangon morning: one view.
    view(story.pk, datetime(2026, 11, 19, 23, 0, tzinfo=ZoneInfo("UTC")))
    view(story.pk, datetime(2026, 11, 20, 1, 0, tzinfo=ZoneInfo("UTC")))
    assert total(story.pk) == 1


def test_different_visitors_and_stories_each_count():
    section = factories.section()
    first, second = factories.article(section), factories.article(section)
    when = at_yangon(20, 9)
    view(first.pk, when, address="203.0.113.1")
    view(first.pk, when, address="203.0.113.2")
    view(first.pk, when, address="203.0.113.1", agent=PHONE + " other")
    view(second.pk, when, address="203.0.113.1")
    assert total(first.pk) == 3
    assert total(second.pk) == 1


def test_the_salt_is_random_and_changes_every_day():
    day, next_day = at_yangon(20, 9).date(), at_yangon(21, 9).date()
    salt = visitors.day_salt(day)
    assert len(salt) >= 32
    assert visitors.day_salt(day) == salt
    assert visitors.day_salt(next_day) != salt
    key = visitors.visitor_key(day=day, address="203.0.113.7", user_agent=PHONE, story_id=1)
    later = visitors.visitor_key(day=next_day, address="203.0.113.7", user_agent=PHONE, story_id=1)
    assert key != later


def test_nothing_stored_names_the_visitor(without_redis: None):
    story = factories.article(factories.section())
    view(story.pk, at_yangon(20, 9), address="198.51.100.23", agent="Mozilla/5.0 Unique/987")
    stored = PendingView.objects.get(story_id=story.pk)
    assert b"198.51.100.23" not in bytes(stored.visitor)
    assert len(bytes(stored.visitor)) == 16


def test_past_days_visitors_are_forgotten_once_folded(without_redis: None):
    story = factories.article(factories.section())
    view(story.pk, at_yangon(20, 9))
    fold_views(now=at_yangon(20, 10))
    assert PendingView.objects.count() == 1  # still needed to spot a repeat today
    fold_views(now=at_yangon(21, 10))
    assert PendingView.objects.count() == 0
    assert StoryViews.objects.get(story_id=story.pk).total == 1


def test_views_of_ids_that_are_not_stories_are_dropped_at_fold():
    section = factories.section()
    view(section.pk, at_yangon(20, 9))
    view(999_999_999, at_yangon(20, 9))
    report = fold_views()
    assert report.dropped == 2
    assert not StoryViews.objects.exists()


def test_with_redis_down_views_go_to_the_database():
    story = factories.article(factories.section())
    with override_settings(REDIS_URL="redis://127.0.0.1:1/0"):  # nothing listens there
        redis_store.reset()
        view(story.pk, at_yangon(20, 9))
        view(story.pk, at_yangon(20, 10))  # Redis is skipped for a while: no second wait
        assert PendingView.objects.filter(story_id=story.pk).count() == 1
        assert total(story.pk) == 1


def test_with_redis_views_are_counted_there_once_per_visitor_day(redis_client: Any):
    story = factories.article(factories.section())
    for hour in (8, 9):
        view(story.pk, at_yangon(20, hour))
    view(story.pk, at_yangon(20, 9), address="203.0.113.99")
    assert not PendingView.objects.exists()
    assert sum(int(v) for v in redis_client.hvals(PENDING_KEY)) == 2
    assert total(story.pk) == 2
    assert not redis_client.exists(PENDING_KEY)


def test_with_redis_the_salt_lives_in_redis_and_expires(redis_client: Any):
    day = at_yangon(20, 9).date()
    salt = visitors.day_salt(day)
    key = f"masthead:metrics:salt:{day.isoformat()}"
    assert redis_client.get(key) == salt
    assert 0 < redis_client.ttl(key) <= 36 * 3600
    visitors.forget_salts()  # another process: same salt from Redis
    assert visitors.day_salt(day) == salt


def test_the_embedded_default_counts_in_the_database():
    if settings.REDIS_URL:
        pytest.skip("this pass runs with Redis")
    assert redis_store.redis_or_none() is None
    story = factories.article(factories.section())
    view(story.pk, at_yangon(20, 9))
    assert PendingView.objects.filter(story_id=story.pk, folded=False).count() == 1
