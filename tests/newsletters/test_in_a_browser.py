"""Signing up in a real Chromium on a phone, with JavaScript off, in both editions: from the
header's link to the thank-you page, with nothing wider than the screen and no cookie."""

from __future__ import annotations

from typing import Any

import pytest

from tests.browser.chromium import CHROMIUM
from tests.browser.reader import Reader, screenshot

pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make install`")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

THANKS = {"en": "Almost done", "my": "နီးပါးပြီးပါပြီ"}


@pytest.fixture
def reader(tmp_path: Any) -> Any:
    browsers = Reader(tmp_path)  # the machine's own fonts, as on most phones
    yield browsers
    browsers.close()


@pytest.mark.parametrize("edition", ["en", "my"])
def test_a_reader_signs_up_from_the_header_on_a_phone_without_javascript(
    reader, live_server, edition
):
    phone = reader.page("phone", javascript=False)
    front = live_server.url + ("/my/" if edition == "my" else "/")
    phone.goto(front)

    tools = phone.locator(".masthead__tools a")
    boxes = [tools.nth(n).bounding_box() for n in range(tools.count())]
    heights = [box["height"] for box in boxes]
    assert all(box["x"] >= 0 and box["x"] + box["width"] <= 360 for box in boxes), boxes
    assert max(heights) < 1.5 * min(heights), "a link of the tools bar wraps inside itself"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, f"newsletter-{edition}-header-phone")

    phone.locator(".masthead__newsletter").click()
    assert phone.url.endswith("/newsletter/")
    phone.fill("input[name=email]", "reader@example.org")
    phone.locator("form.form button[type=submit]").click()

    assert THANKS[edition] in phone.locator("main").inner_text()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(phone, f"newsletter-{edition}-thanks-phone")
    assert phone.context.cookies() == []
    phone.context.close()
