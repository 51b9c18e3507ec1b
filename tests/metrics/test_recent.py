"""Audience figures on pages Django renders are read at most once a minute per process; a
fold in this process or a change of content shows at once."""

from __future__ import annotations

import pytest
from django.test import Client

from masthead.core import memo
from masthead.journalism.services import unpublish_article
from masthead.metrics import recent
from masthead.metrics.folding import fold_views
from masthead.metrics.models import StoryViews
from masthead.metrics.templatetags.signals import read_totals_for_batch
from tests import factories
from tests.metrics.test_display import read

pytestmark = pytest.mark.django_db


def _most_read(url: str) -> str:
    html = Client().get(url).content.decode()
    return html.split('id="most-read-heading"')[1].split("</section>")[0]


@pytest.fixture
def minute(monkeypatch):
    """The clock `recent` reads, moved on by hand."""
    now = [1_000_000.0]
    monkeypatch.setattr(recent.time, "monotonic", lambda: now[0])
    return now


def test_views_folded_by_another_process_show_within_the_minute(minute):
    section = factories.section()
    story = factories.article(section, title="Fuel queues in Mandalay")
    read(story.pk, 2)
    fold_views()
    assert "2 views" in Client().get(story.url).content.decode()
    # Another process folds more views: this one has no way to know until the minute ends.
    StoryViews.objects.filter(story_id=story.pk).update(total=40)
    assert "2 views" in Client().get(story.url).content.decode()
    minute[0] += recent.FRESH_SECONDS
    assert "40 views" in Client().get(story.url).content.decode()


def test_a_fold_in_this_process_shows_at_once(minute):
    section = factories.section()
    story = factories.article(section, title="Fuel queues in Mandalay")
    read(story.pk, 1)
    fold_views()
    assert "1 view" in _most_read(section.url)
    read(story.pk, 4)  # the first reader again, and three more
    fold_views()
    assert "4 views" in _most_read(section.url)


def test_an_unpublished_story_leaves_most_read_at_once(minute):
    section = factories.section()
    gone = factories.article(section, title="Withdrawn on legal advice")
    kept = factories.article(section, title="Curfew lifted")
    read(gone.pk, 5)
    read(kept.pk, 2)
    fold_views()
    assert "Withdrawn on legal advice" in _most_read(kept.url)
    unpublish_article(article=gone)
    most_read = _most_read(kept.url)
    assert "Withdrawn on legal advice" not in most_read and "Curfew lifted" in most_read


def test_a_build_chunk_keeps_the_counts_it_read_across_the_turn_of_a_minute(minute):
    story = factories.article(factories.section(), title="Fuel queues in Mandalay")
    read(story.pk, 3)
    fold_views()
    with memo.build_batch():
        read_totals_for_batch([(story.pk,)])
        StoryViews.objects.filter(story_id=story.pk).update(total=40)
        minute[0] += recent.FRESH_SECONDS
        with memo.request_scope():  # a render of the chunk: the figure read in bulk
            assert recent.kept(("totals", (story.pk,)), lambda: {}) == {story.pk: 3}
    with memo.request_scope():  # outside a chunk the minute has turned: read afresh
        assert recent.kept(("totals", (story.pk,)), lambda: {story.pk: 40}) == {story.pk: 40}
