"""Live search in a real Chromium: results while typing, the ARIA combobox pattern, and the
keyboard, in both editions."""

from __future__ import annotations

from typing import Any

import pytest

from masthead.search.services import index_pages
from tests import factories
from tests.browser.chromium import CHROMIUM

pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make install`")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def stories(live_server: Any) -> dict[str, Any]:
    english = factories.article(factories.section("News"), title="Earthquake in Mandalay")
    burmese = factories.article(
        factories.section("သတင်း", language="my"), title="မန္တလေး ငလျင် ဒဏ်ခံ ဘုန်းကြီးကျောင်းများ"
    )
    index_pages(page_ids=[english.pk, burmese.pk])
    return {"en": english, "my": burmese, "base": live_server.url}


def test_typing_shows_results_and_the_keyboard_opens_one(visit, stories):
    page = visit(stories["base"] + "/").page
    box = page.locator("#site-search-q")
    box.click()
    box.type("earthq")
    page.wait_for_selector("#site-search-q-results [role=option]:has-text('Earthquake')")
    assert box.get_attribute("role") == "combobox"
    assert box.get_attribute("aria-expanded") == "true"
    assert box.get_attribute("aria-controls") == "site-search-q-results"
    assert page.locator("#site-search-q-results .site-search__all").count() == 1
    box.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    box.press("Enter")
    page.wait_for_url(f"**{stories['en'].url}")


def test_no_result_is_said_and_escape_closes(visit, stories):
    page = visit(stories["base"] + "/").page
    box = page.locator("#site-search-q")
    box.type("zzyzx")
    page.wait_for_selector(".site-search__none")
    box.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"


def test_burmese_typed_before_its_asat_finds_the_story(visit, stories):
    page = visit(stories["base"] + "/my/").page
    box = page.locator("#site-search-q")
    box.type("ငလျ")
    page.wait_for_selector("#site-search-q-results [role=option]:has-text('ဘုန်းကြီးကျောင်း')")
