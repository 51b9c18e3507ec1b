"""Folding is exact: twice is once, and a fold that dies half way loses and doubles nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from masthead.metrics import folding
from masthead.metrics.counting import PENDING_KEY, record_view
from masthead.metrics.folding import FOLDING_KEY, FOLDING_NAME_KEY, fold_views
from masthead.metrics.models import DailyViews, HourlyViews, PendingView, StoryViews
from tests import factories

pytestmark = pytest.mark.django_db

WHEN = timezone.now() - timedelta(hours=1)  # inside the 48 hours kept hour by hour


def send_views(story_ids: list[int], visitors: int) -> None:
    for story_id in story_ids:
        for visitor in range(visitors):
            record_view(
                story_id=story_id,
                address=f"10.0.{visitor // 250}.{visitor % 250}",
                user_agent="Mozilla/5.0 Android",
                at=WHEN,
            )


def totals() -> dict[int, int]:
    return dict(StoryViews.objects.values_list("story_id", "total"))


def failing_on(sql_fragment: str) -> Callable[..., Any]:
    """A database that fails the first statement containing `sql_fragment`, as a disk or a
    connection can in the middle of a transaction."""

    def execute(run: Callable[..., Any], sql: str, *args: Any) -> Any:
        if sql_fragment in sql:
            raise DatabaseError("the database went away")
        return run(sql, *args)

    return execute


def test_folding_twice_counts_once(without_redis: None):
    section = factories.section()
    stories = [factories.article(section).pk for _ in range(3)]
    send_views(stories, visitors=7)
    fold_views()
    fold_views()
    assert totals() == dict.fromkeys(stories, 7)
    assert sum(DailyViews.objects.values_list("views", flat=True)) == 21
    assert sum(HourlyViews.objects.values_list("views", flat=True)) == 21


def test_a_database_fold_that_fails_half_way_is_redone_exactly(without_redis: None):
    section = factories.section()
    stories = [factories.article(section).pk for _ in range(2)]
    send_views(stories, visitors=5)
    # The views are marked folded and the day rows written; then the totals fail.
    with (
        connection.execute_wrapper(failing_on("metrics_storyviews")),
        pytest.raises(DatabaseError),
    ):
        fold_views()
    assert PendingView.objects.filter(folded=False).count() == 10
    assert not DailyViews.objects.exists()
    fold_views()
    assert totals() == dict.fromkeys(stories, 5)


def test_views_arriving_during_a_fold_are_folded_next_time(without_redis: None):
    section = factories.section()
    story = factories.article(section).pk
    send_views([story], visitors=3)
    fold_views()
    send_views([story], visitors=6)  # three repeats, three new
    fold_views()
    assert totals() == {story: 6}


def test_a_redis_fold_that_dies_after_taking_the_batch_is_redone_exactly(redis_client: Any):
    section = factories.section()
    stories = [factories.article(section).pk for _ in range(2)]
    send_views(stories, visitors=4)
    name, _ = folding._take_batch(redis_client)  # the fold dies right after this step
    assert redis_client.exists(FOLDING_KEY) and not redis_client.exists(PENDING_KEY)
    send_views(stories, visitors=6)  # new views pile up meanwhile: two new visitors each
    fold_views()
    assert totals() == dict.fromkeys(stories, 4)
    fold_views()
    assert totals() == dict.fromkeys(stories, 6)
    assert not redis_client.exists(FOLDING_KEY)
    assert name


def test_a_redis_fold_that_dies_after_its_transaction_adds_nothing_twice(redis_client: Any):
    section = factories.section()
    story = factories.article(section).pk
    send_views([story], visitors=5)
    name, raw = folding._take_batch(redis_client)
    report = folding.FoldReport()
    with transaction.atomic():  # the fold's transaction commits...
        folding._add(folding._parse(raw), report)
        folding.FoldedBatch.objects.create(name=name)
    # ...and the process dies before deleting the batch from Redis.
    assert redis_client.get(FOLDING_NAME_KEY).decode() == name
    fold_views()
    assert totals() == {story: 5}
    assert not redis_client.exists(FOLDING_KEY)


def test_a_redis_fold_whose_transaction_fails_keeps_the_batch(redis_client: Any):
    section = factories.section()
    story = factories.article(section).pk
    send_views([story], visitors=3)
    with (
        connection.execute_wrapper(failing_on("metrics_storyviews")),
        pytest.raises(DatabaseError),
    ):
        fold_views()
    assert redis_client.exists(FOLDING_KEY)
    assert not StoryViews.objects.exists()
    fold_views()
    assert totals() == {story: 3}
