"""Audience signals in a real Chromium: the view beacon, "Load more" with and without
JavaScript, and relative dates in the Recommended list of both editions."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import pytest
from django.utils import timezone

from masthead.journalism.models import ArticlePage, EditionSettings
from masthead.metrics.counting import record_view
from masthead.metrics.folding import fold_views
from masthead.metrics.models import StoryViews
from tests import factories
from tests.browser.chromium import CHROMIUM
from tests.browser.reader import Reader, screenshot

pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make install`")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# Chromium's own headless user agent names it a bot, which the beacon rightly ignores.
PHONE_AGENT = (
    "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko)"
    " Chrome/120.0.0.0 Mobile Safari/537.36"
)


def read(story_id: int, readers: int) -> None:
    for n in range(readers):
        record_view(story_id=story_id, address=f"10.9.0.{n}", user_agent="Mozilla/5.0 X")


@pytest.fixture
def story_with_picks(live_server: Any) -> str:
    """An article whose section has six older stories, read 10, 9, ... 5 times."""
    section = factories.section("Picks")
    now = timezone.now()
    for n in range(6):
        older = factories.article(
            section, title=f"Older {n}", published_at=now - timedelta(days=10 + n)
        )
        read(older.pk, 10 - n)
    current = factories.article(section, title="Current", published_at=now - timedelta(days=1))
    fold_views()
    return f"{live_server.url}{current.url}"


def pick_titles(page: Any) -> list[str]:
    return page.locator("#similar-picks .pick__headline").all_inner_texts()


def test_load_more_appends_the_next_picks_in_place(reader: Reader, story_with_picks: str):
    page = reader.page("phone")
    page.goto(story_with_picks)
    assert pick_titles(page) == [f"Older {n}" for n in range(4)]
    page.click("a.load-more")
    page.locator("#similar-picks > li").nth(5).wait_for()  # (the page's CSP forbids eval)
    assert pick_titles(page) == [f"Older {n}" for n in range(6)]
    assert page.url == story_with_picks  # appended, not navigated
    assert page.locator("a.load-more").count() == 0  # nothing further to load
    assert page.evaluate("document.activeElement.textContent") == "Older 4"
    screenshot(page, "similar-picks-loaded-phone-en")


def test_load_more_is_a_plain_link_without_javascript(reader: Reader, story_with_picks: str):
    page = reader.page("phone", javascript=False)
    page.goto(story_with_picks)
    page.click("a.load-more")
    page.wait_for_url("**/similar/*/2/")
    assert pick_titles(page) == ["Older 4", "Older 5"]
    assert page.locator("a.load-more").count() == 0


def test_a_shown_article_sends_one_beacon_and_counts_once(reader: Reader, live_server: Any):
    story = factories.article(factories.section("Beacon"), title="Counted")
    context = reader.page("desktop").context.browser.new_context(user_agent=PHONE_AGENT)
    page = context.new_page()
    beacons: list[str] = []
    page.on("request", lambda r: beacons.append(r.url) if "/api/views/" in r.url else None)
    with page.expect_response(lambda r: "/api/views/" in r.url) as answer:
        page.goto(f"{live_server.url}{story.url}")
    assert answer.value.status == 204
    with page.expect_response(lambda r: "/api/views/" in r.url):
        page.reload()
    assert beacons == [f"{live_server.url}/api/views/{story.pk}/"] * 2
    assert not context.cookies()
    reader.close()  # Django refuses database work beside Playwright's event loop
    fold_views()
    assert StoryViews.objects.get(story_id=story.pk).total == 1  # one reader, one day


@pytest.mark.parametrize("language", ["en", "my"])
def test_recommended_dates_read_relative_with_javascript(
    reader: Reader, live_server: Any, language: str
):
    section = factories.section("Recommended", language=language)
    picked = factories.article(
        section, title="Picked", published_at=timezone.now() - timedelta(days=3, hours=2)
    )
    story = factories.article(section, title="Shown beside")
    settings = EditionSettings.for_language(language)
    settings.recommended = [("story", ArticlePage.objects.get(pk=picked.pk))]
    settings.save()
    url = f"{live_server.url}{story.url}"

    with_script = reader.page("desktop")
    with_script.goto(url)
    # The script keeps the absolute date as the element's title.
    with_script.locator(".recommended time[title]").wait_for()
    relative = with_script.locator(".recommended time").inner_text()
    without_script = reader.page("desktop", javascript=False)
    without_script.goto(url)
    absolute = without_script.locator(".recommended time").inner_text()
    assert relative != absolute
    assert relative == {"en": "3 days ago", "my": "၃ ရက်က"}[language]
