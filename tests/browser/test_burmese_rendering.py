"""Burmese pages in a real Chromium: our webfont draws the text, dates use Burmese digits and
no request leaves the newsroom's own server."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest

from tests import factories
from tests.browser.chromium import CHROMIUM, VIEWPORTS, system_has_font

pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make install`")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

FAMILY = "masthead Myanmar"
HEADLINE = "စစ်ကိုင်းတိုင်းတွင် ရေကြီးမှုကြောင့် ကျေးရွာ ၁၂ ရွာ ပြောင်းရွှေ့"
PARAGRAPH = "ဒေသခံများက လမ်းမကြီးကို တစ်ပတ်ကြာ ပိတ်ထားခဲ့သည်ဟု ပြောသည်။ မြို့နယ်ဆေးရုံသို့ သွားရန် လှေဖြင့်သာ ဖြတ်ကူးနိုင်သည်။"


def _is_myanmar(character: str) -> bool:
    code = ord(character)
    return 0x1000 <= code <= 0x109F or 0xA9E0 <= code <= 0xA9FF or 0xAA60 <= code <= 0xAA7F


@pytest.fixture
def burmese_story(live_server: Any) -> str:
    news = factories.section(language="my", title="သတင်း")
    story = factories.article(news, title=HEADLINE, body_text=PARAGRAPH)
    return live_server.url + story.url


@pytest.fixture
def english_story(live_server: Any) -> str:
    news = factories.section(language="en", title="News")
    story = factories.article(
        news,
        title="Floods force twelve villages in Sagaing to move",
        body_text="Residents said the road had been closed for a week.",
    )
    return live_server.url + story.url


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_burmese_headline_is_drawn_with_our_webfont(visit, burmese_story, viewport):
    page = visit(burmese_story, viewport).page

    assert page.evaluate(f"document.fonts.check('16px \"{FAMILY}\"', 'မြန်မာ')")
    family = page.eval_on_selector(".story__headline", "h => getComputedStyle(h).fontFamily")
    assert family.strip('"').startswith(FAMILY), family
    faces = page.evaluate(
        """family => Array.from(document.fonts)
            .filter(face => face.family.replace(/"/g, '') === family)
            .map(face => [face.weight, face.status])""",
        FAMILY,
    )
    # The headline is bold and the story text regular: both faces were needed and arrived.
    assert sorted(faces) == [["400", "loaded"], ["700", "loaded"]], faces


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_burmese_headline_has_no_missing_glyphs(visit, burmese_story, viewport):
    opened = visit(burmese_story, viewport)
    page = opened.page
    letters = sorted({c for c in HEADLINE if _is_myanmar(c)})
    unloaded = page.evaluate(
        """([family, letters]) => letters.filter(
            c => !document.fonts.check(`700 16px "${family}"`, c))""",
        [FAMILY, letters],
    )
    assert unloaded == []

    # What Chromium really drew the headline with: every glyph of the Burmese text came from a
    # web font (ours; no other is on the page), none from a system fallback or tofu.
    fonts = opened.platform_fonts(".story__headline")
    ours = [font for font in fonts if font["isCustomFont"]]
    others = [font for font in fonts if not font["isCustomFont"]]
    assert ours and ours[0]["familyName"] == "Noto Sans Myanmar", fonts
    not_burmese = sum(1 for c in HEADLINE if not _is_myanmar(c))
    assert sum(font["glyphCount"] for font in others) <= not_burmese, fonts

    # And on a canvas: each letter drawn in our font differs from a missing-glyph box and from
    # the same letter drawn without our font. The control: without our font, this browser has
    # nothing but a box for a Burmese letter (so what passes here is our font's doing).
    drawings = page.evaluate(
        """([family, letters]) => {
            const canvas = document.createElement('canvas');
            canvas.width = canvas.height = 64;
            const ink = canvas.getContext('2d', {willReadFrequently: true});
            const draw = (font, text) => {
                ink.clearRect(0, 0, 64, 64);
                ink.font = font;
                ink.fillText(text, 8, 44);
                return Array.from(ink.getImageData(0, 0, 64, 64).data).join(',');
            };
            const ours = `700 32px "${family}"`, plain = '700 32px monospace';
            return {
                box: draw(ours, '\\uA9FF'),  // unassigned, inside our unicode-range
                ours: letters.map(c => draw(ours, c)),
                without: letters.map(c => draw(plain, c)),
                plainBox: draw(plain, '\\uA9FF'),
                plainKa: draw(plain, '\\u1000'),
            };
        }""",
        [FAMILY, letters],
    )
    assert drawings["plainKa"] == drawings["plainBox"], "the browser sees a system Myanmar font"
    boxes = [
        c for c, drawn in zip(letters, drawings["ours"], strict=True) if drawn == drawings["box"]
    ]
    assert boxes == []
    unchanged = [
        c
        for c, ours, without in zip(letters, drawings["ours"], drawings["without"], strict=True)
        if ours == without
    ]
    assert unchanged == []


def test_all_burmese_text_on_the_page_is_drawn_with_our_webfont(visit, burmese_story):
    opened = visit(burmese_story, "phone")
    opened.page.evaluate(
        """() => document.querySelectorAll('body *').forEach(e => {
            const own = Array.from(e.childNodes).filter(n => n.nodeType === Node.TEXT_NODE)
                .map(n => n.textContent).join('');
            if (/[\\u1000-\\u109F]/.test(own)) e.setAttribute('data-burmese-text', '');
        })"""
    )
    fallbacks = []
    for text, fonts in opened.platform_fonts_all("[data-burmese-text]"):
        by_others = sum(f["glyphCount"] for f in fonts if not f["isCustomFont"])
        if by_others > sum(1 for c in text if not _is_myanmar(c)):
            fallbacks.append((text.strip(), [f["familyName"] for f in fonts]))
    assert fallbacks == []


def test_burmese_dates_use_burmese_digits(visit, burmese_story):
    page = visit(burmese_story).page
    dates = page.eval_on_selector_all("time", "times => times.map(t => t.textContent.trim())")
    assert dates
    for date in dates:
        assert any("\u1040" <= c <= "\u1049" for c in date), date
        assert not any("0" <= c <= "9" for c in date), date


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("edition", ["en", "my"])
def test_reader_pages_request_nothing_from_other_hosts(
    visit, live_server, english_story, burmese_story, edition, viewport
):
    url = {"en": english_story, "my": burmese_story}[edition]
    opened = visit(url, viewport)
    opened.screenshot(f"{edition}-{viewport}")

    server = urlsplit(live_server.url).netloc
    assert opened.requests, "the page made no requests at all"
    assert opened.hosts() == {server}, opened.requests
    # With no Myanmar font of its own, the browser fetched ours, from us. An English page
    # needs at most the regular face, for the မြန်မာ link to the other edition.
    fonts = sorted(urlsplit(u).path.rsplit("/", 1)[1] for u in opened.requests if ".woff" in u)
    regular, bold = (f"noto-sans-myanmar-myanmar-{w}-normal.woff2" for w in (400, 700))
    assert fonts == ([regular, bold] if edition == "my" else [regular])


@pytest.mark.skipif(
    not system_has_font("Noto Sans Myanmar"),
    reason="needs Noto Sans Myanmar (Debian: fonts-noto-core) to play a phone with a font",
)
def test_a_reader_with_a_myanmar_font_downloads_none(visit, burmese_story):
    opened = visit(burmese_story, "phone", system_fonts=True)
    page = opened.page
    assert page.evaluate(f"document.fonts.check('700 16px \"{FAMILY}\"', 'မြန်မာ')")
    assert [u for u in opened.requests if u.endswith(".woff2")] == []
    # The local() source won: Chromium drew the headline with the installed font file.
    fonts = opened.platform_fonts(".story__headline")
    assert any(f["familyName"] == "Noto Sans Myanmar" for f in fonts), fonts
