"""Published pages that show view counts and Most read follow the counts (issue: audience
signals): the periodic refresh re-renders what changed, and `--verify` stays clean."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from masthead.metrics.counting import record_view
from masthead.metrics.folding import fold_views
from masthead.metrics.models import StoryViews
from masthead.metrics.services import take_stories_to_reshow
from masthead.publishing import store
from masthead.publishing.affected import signal_pages
from masthead.publishing.build import build_all
from masthead.publishing.publisher import drain, request_renders
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_tree():
    root = Path(settings.PUBLISHED_ROOT)
    for url in list(store.published_urls(root)):
        store.remove(url, root)
    yield root


def published(url: str) -> str:
    body = store.read(url)
    assert body is not None, url
    return body.decode()


def read(story_id: int, readers: int) -> None:
    for reader in range(readers):
        record_view(story_id=story_id, address=f"10.3.0.{reader}", user_agent="Mozilla/5.0 A")


def refresh_signal_pages() -> None:
    """What the periodic job does, then the worker."""
    request_renders(signal_pages(take_stories_to_reshow()))
    drain(now=timezone.now() + timedelta(minutes=10))


def test_counts_on_published_pages_follow_the_views(verify):
    section = factories.section()
    now = timezone.now()
    earlier = factories.article(section, title="Earlier", published_at=now - timedelta(days=2))
    later = factories.article(section, title="Later", published_at=now - timedelta(days=1))
    build_all()
    assert "3 views" not in published(earlier.url)
    read(earlier.pk, 3)
    fold_views()
    refresh_signal_pages()
    assert "3 views" in published(earlier.url)  # its own count
    assert "3 views" in published(later.url)  # in the Related box of the next story
    assert "Earlier" in published("/sidebar.html")
    assert "Earlier" in published(section.url)  # the section front's Most read
    assert verify().ok


def test_a_count_that_reads_the_same_re_renders_nothing():
    section = factories.section()
    story = factories.article(section)
    read(story.pk, 1)
    fold_views()
    assert take_stories_to_reshow() == [story.pk]
    assert take_stories_to_reshow() == []
    # 1,000 to 1,049 readers all read "1k": once there, further views change no page.
    StoryViews.objects.filter(story_id=story.pk).update(total=1000, shown_total=1000)
    StoryViews.objects.filter(story_id=story.pk).update(total=1040)
    assert take_stories_to_reshow() == []
    StoryViews.objects.filter(story_id=story.pk).update(total=1060)
    assert take_stories_to_reshow() == [story.pk]


def test_verify_ignores_counts_that_moved_since_the_last_render(verify):
    section = factories.section()
    story = factories.article(section)
    build_all()
    read(story.pk, 2)
    fold_views()  # counts moved; no refresh yet
    assert verify().ok
