"""What readers see: counts, Most read, Similar picks and Load more, in both editions."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from masthead.journalism.models import EditionSettings
from masthead.metrics.counting import record_view
from masthead.metrics.folding import fold_views
from tests import factories

pytestmark = pytest.mark.django_db


def read(story_id: int, readers: int) -> None:
    for reader in range(readers):
        record_view(
            story_id=story_id,
            address=f"10.2.{reader // 250}.{reader % 250}",
            user_agent="Mozilla/5.0 Android",
        )


def page(url: str) -> str:
    response = Client().get(url)
    assert response.status_code == 200, url
    assert not response.cookies
    return response.content.decode()


def test_an_article_shows_its_humanised_count_once_folded():
    story = factories.article(factories.section())
    assert 'class="views"' not in page(story.url).split('<aside class="sidebar"')[0]
    read(story.pk, 3)
    fold_views()
    assert '<span class="views">3 views</span>' in page(story.url)


def test_a_burmese_article_counts_in_burmese():
    story = factories.article(factories.section("သတင်း", language="my"), title="မြို့တော်")
    read(story.pk, 2)
    fold_views()
    assert "ကြည့်ရှုမှု ၂" in page(story.url)


def test_most_read_is_hidden_until_there_is_data():
    section = factories.section()
    story = factories.article(section, title="The one everyone reads")
    html = page(story.url)
    assert re.search(r'<section class="sidebar__block most-read"[^>]* hidden', html)
    read(story.pk, 1)
    fold_views()
    html = page(section.url)
    most_read = html.split('id="most-read-heading"')[1].split("</section>")[0]
    assert "The one everyone reads" in most_read
    assert "1 view" in most_read


def test_the_sidebar_file_lists_the_editions_most_read(client: Client):
    story = factories.article(factories.section(), title="Widely read")
    read(story.pk, 2)
    fold_views()
    html = page("/sidebar.html")
    assert "Widely read" in html and "2 views" in html
    assert "Widely read" not in page("/my/sidebar.html")
    assert 'data-refresh-from="/sidebar.html"' in page(story.url)


def test_recommended_follows_the_editors_order_and_skips_unpublished():
    section = factories.section()
    first = factories.article(section, title="First pick")
    second = factories.article(section, title="Second pick")
    withdrawn = factories.article(section, title="Withdrawn pick", publish=False)
    settings = EditionSettings.for_language("en")
    settings.recommended = [("story", second), ("story", withdrawn), ("story", first)]
    settings.save()
    html = page(first.url)
    block = html.split('id="recommended-heading"')[1].split("</section>")[0]
    assert block.index("Second pick") < block.index("First pick")
    assert "Withdrawn pick" not in block
    assert "data-relative" in block


def test_similar_picks_and_load_more_without_javascript():
    section = factories.section()
    now = timezone.now()
    older = [
        factories.article(section, title=f"Older {n}", published_at=now - timedelta(days=10 + n))
        for n in range(6)
    ]
    current = factories.article(section, title="Current", published_at=now - timedelta(days=1))
    for n, story in enumerate(older):
        read(story.pk, 10 - n)
    fold_views()
    html = page(current.url)
    picks = html.split('id="picks-heading"')[1].split("</section>")[0]
    assert [f"Older {n}" in picks for n in range(6)] == [True] * 4 + [False] * 2
    assert "Read more" in picks and "10 views" in picks
    load_more = re.search(r'<a class="load-more" href="([^"]+)"', picks)
    assert load_more and load_more.group(1) == f"/similar/{current.pk}/2/"
    second = page(load_more.group(1))
    assert "Older 4" in second and "Older 5" in second and "Older 0" not in second
    assert 'class="load-more"' not in second  # nothing further
    assert Client().get(f"/similar/{current.pk}/3/").status_code == 404
    assert Client().get(f"/similar/{current.pk}/99/").status_code == 404
    assert Client().get(f"/my/similar/{current.pk}/2/").status_code == 404  # other edition


def test_related_stories_show_their_counts():
    section = factories.section()
    now = timezone.now()
    earlier = factories.article(section, title="Earlier", published_at=now - timedelta(days=3))
    story = factories.article(section, title="Later", published_at=now - timedelta(days=1))
    read(earlier.pk, 4)
    fold_views()
    related = page(story.url).split('id="related-heading"')[1].split("</aside>")[0]
    assert "Earlier" in related and "4 views" in related


def test_the_home_front_shows_trending_once_there_are_views():
    story = factories.article(factories.section(), title="Read right now")
    assert 'id="trending-heading"' not in page("/")
    read(story.pk, 2)
    fold_views()
    trending = page("/").split('id="trending-heading"')[1].split("</section>")[0]
    assert "Read right now" in trending and "2 views" in trending


def test_front_cards_show_counts_and_numbered_pages_do_not():
    section = factories.section()
    now = timezone.now()
    stories = [
        factories.article(section, title=f"Card {n}", published_at=now - timedelta(hours=n))
        for n in range(25)
    ]
    read(stories[0].pk, 2)
    read(stories[24].pk, 3)
    fold_views()
    front = page(section.url).split('<aside class="sidebar"')[0]
    assert "2 views" in front  # the newest, on the front
    assert "2 views" in page("/").split('id="trending-heading"')[0]  # the home front's cards
    numbered = page(f"{section.url}page/1/").split('<aside class="sidebar"')[0]
    assert "Card 24" in numbered and "3 views" not in numbered
