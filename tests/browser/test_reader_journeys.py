"""A reader's journeys through the demo newsroom in a real Chromium, in both editions, on a
phone (360 × 780) and a desktop (1280 × 900): front → section → story → author → tag, the
phone menu with and without JavaScript, text size, the edition switch, the 404 page and the
header's date and weather line. Screenshots go to test-artifacts/screenshots/."""

from __future__ import annotations

import gzip
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest

from masthead.demo.loader import load_demo
from masthead.journalism.models import ArticlePage, SectionPage
from masthead.journalism.services import edition_home
from masthead.journalism.weather.tasks import refresh_configured_weather
from masthead.publishing.receivers import paused
from tests.browser.chromium import CHROMIUM
from tests.browser.reader import accessible_state, screenshot
from tests.journalism.fake_weather import fake_weather_server

pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make install`")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EDITIONS = ["en", "my"]
TALLY = "people-goal-defections-tally"  # the demo's story with a Burmese counterpart


@pytest.fixture
def newsroom(live_server: Any) -> str:
    """The demo newsroom, served as the app renders it; returns the site's address."""
    with paused():  # nothing to publish to files: the live server renders every page
        load_demo()
    return str(live_server.url)


def path_of(page: Any) -> str:
    return unquote(urlsplit(page.url).path)


def stories_with_author_and_tags(language: str) -> dict[str, ArticlePage]:
    """{URL: story} of the edition's stories with a byline, tags and a featured picture."""
    stories = (
        ArticlePage.objects.live()
        .in_edition(language)
        .filter(bylines__isnull=False, tagged_items__isnull=False, featured_image__isnull=False)
        .distinct()
    )
    return {unquote(story.url): story for story in stories}


def news_section(language: str) -> SectionPage:
    home = edition_home(language)
    return SectionPage.objects.child_of(home).live().get(slug="news")


def tally(language: str) -> ArticlePage:
    english = ArticlePage.objects.live().get(slug=TALLY, locale__language_code="en")
    if language == "en":
        return english
    return ArticlePage.objects.live().get(
        translation_key=english.translation_key, locale__language_code="my"
    )


@pytest.mark.parametrize("language", EDITIONS)
def test_a_reader_goes_from_the_front_to_a_section_a_story_its_author_and_a_tag(
    reader, newsroom, language
):
    # Everything the test needs from the database is read before the browser starts: the
    # database refuses queries from a thread where Playwright runs its event loop.
    section = news_section(language)
    section_url, section_title = unquote(section.url), section.title
    wanted = {url: story.title for url, story in stories_with_author_and_tags(language).items()}
    home_url = newsroom + edition_home(language).url
    page = reader.page("desktop")

    page.goto(home_url, wait_until="networkidle")
    assert page.locator("html").get_attribute("lang") == language
    screenshot(page, f"journey-{language}-home-desktop")

    # The menu's dropdown for News, then the section's own front.
    page.locator(".menu__group > summary", has_text=section_title).first.click()
    page.locator(f".menu__sub a[href='{section.url}']").first.click()
    assert path_of(page) == section_url
    assert page.locator(".section-header h1").inner_text() == section_title
    screenshot(page, f"journey-{language}-section-desktop")

    # The first story on the section's front that has a byline, tags and a picture.
    links = page.locator(".card__headline a")
    hrefs = [unquote(links.nth(n).get_attribute("href")) for n in range(links.count())]
    href = next(h for h in hrefs if h in wanted)
    links.nth(hrefs.index(href)).click()
    assert path_of(page) == href
    assert page.locator("h1.story__headline").inner_text() == wanted[href]
    assert page.locator(".story__figure picture source[type='image/avif']").count() == 1
    screenshot(page, f"journey-{language}-article-desktop")

    author_link = page.locator(".story__byline a[rel='author']").first
    author_name = author_link.inner_text()
    author_link.click()
    assert "/author/" in path_of(page)
    assert author_name in page.locator("h1").inner_text()

    page.go_back(wait_until="networkidle")
    tag_link = page.locator(".tags a[rel='tag']").first
    tag_name = tag_link.inner_text()
    tag_link.click()
    assert "/tag/" in path_of(page)
    assert tag_name in page.locator("h1").inner_text()
    page.context.close()

    # The same pages on a phone: nothing wider than the screen.
    phone = reader.page("phone")
    for name, url in (("home", home_url), ("section", section_url), ("article", href)):
        phone.goto(url if url.startswith("http") else newsroom + url, wait_until="networkidle")
        assert phone.evaluate("document.documentElement.scrollWidth") <= 360, name
        screenshot(phone, f"journey-{language}-{name}-phone")
    phone.context.close()


def test_the_menu_opens_leads_to_a_subsection_and_closes_with_escape(reader, newsroom):
    section = news_section("en")
    subsection = SectionPage.objects.child_of(section).live().order_by("path").first()
    assert subsection is not None
    subsection_url, story_url, section_title = subsection.url, tally("en").url, section.title
    page = reader.page("phone")
    page.goto(newsroom + story_url, wait_until="networkidle")

    toggle = page.locator(".menu__toggle")
    assert toggle.is_visible() and not page.locator(".menu__list").is_visible()
    assert accessible_state(page, ".menu__toggle")["expanded"] is False
    toggle.click()
    assert page.locator(".menu__list").is_visible()
    assert accessible_state(page, ".menu__toggle")["expanded"] is True
    screenshot(page, "menu-en-phone-open")

    page.locator(".menu__group > summary", has_text=section.title).first.click()
    page.locator(f".menu__sub a[href='{subsection_url}']").click()
    assert path_of(page) == unquote(subsection_url)
    assert not page.locator(".menu__list").is_visible()

    # By keyboard: open it, step into it, and Escape closes it and gives the focus back.
    page.locator(".menu__toggle").focus()
    page.keyboard.press("Enter")
    assert page.locator(".menu__list").is_visible()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.menu__list') !== null")
    page.keyboard.press("Escape")
    assert not page.locator(".menu__list").is_visible()
    assert page.evaluate("document.activeElement.classList.contains('menu__toggle')")
    assert accessible_state(page, ".menu__toggle")["expanded"] is False
    page.context.close()

    # On a desktop: one dropdown open at a time; Escape closes it and focus goes back to it.
    desktop = reader.page("desktop")
    desktop.goto(newsroom + story_url, wait_until="networkidle")
    news, opinion = (
        desktop.locator(".menu__group", has=desktop.locator("summary", has_text=title)).first
        for title in (section_title, "Opinion")
    )
    news.locator("summary").click()
    assert news.locator(".menu__sub").is_visible()
    opinion.locator("summary").click()
    assert (
        opinion.locator(".menu__sub").is_visible() and not news.locator(".menu__sub").is_visible()
    )
    desktop.keyboard.press("Tab")  # into Opinion's list
    desktop.keyboard.press("Escape")
    assert not opinion.locator(".menu__sub").is_visible()
    assert desktop.evaluate("document.activeElement.textContent.trim()") == "Opinion"
    desktop.locator("h1").click()  # a click elsewhere closes an open dropdown
    news.locator("summary").click()
    desktop.locator("h1").click()
    assert not news.locator(".menu__sub").is_visible()
    desktop.context.close()


@pytest.mark.parametrize("language", EDITIONS)
def test_the_menu_works_with_javascript_off(reader, newsroom, language):
    section = news_section(language)
    section_url, story_url = section.url, tally(language).url
    phone = reader.page("phone", javascript=False)
    phone.goto(newsroom + story_url, wait_until="networkidle")

    assert not phone.locator(".menu__list").is_visible()
    phone.locator(".menu__toggle").click()
    assert phone.locator(".menu__list").is_visible()
    phone.locator(".menu__group > summary", has_text=section.title).first.click()
    phone.locator(f".menu__sub a[href='{section_url}']").click()
    assert path_of(phone) == unquote(section_url)
    # Without JavaScript the text-size buttons could do nothing, so they are not shown.
    phone.goto(newsroom + story_url, wait_until="networkidle")
    assert not phone.locator(".text-size").is_visible()
    phone.context.close()

    # On a wide screen the sections are in view at once, with no Menu button to press.
    desktop = reader.page("desktop", javascript=False)
    desktop.goto(newsroom + story_url, wait_until="networkidle")
    assert not desktop.locator(".menu__toggle").is_visible()
    first_section = desktop.locator(".menu__list > .menu__item > a").nth(1)
    assert first_section.is_visible()
    desktop.context.close()


def test_text_size_grows_stays_after_a_reload_and_sets_no_cookie(reader, newsroom):
    story_url = tally("en").url
    page = reader.page("phone")
    page.goto(newsroom + story_url, wait_until="networkidle")
    paragraph = ".story__body > p"

    def body_size() -> float:
        return float(
            page.eval_on_selector(paragraph, "p => parseFloat(getComputedStyle(p).fontSize)")
        )

    normal = body_size()
    group = page.get_by_role("group", name="Text size")
    assert group.is_visible()
    larger = page.get_by_role("button", name="Larger text")
    larger.click()
    larger.click()
    assert body_size() == pytest.approx(normal * 1.25, rel=0.02)

    page.reload(wait_until="networkidle")
    assert body_size() == pytest.approx(normal * 1.25, rel=0.02)
    assert page.context.cookies() == []
    assert page.evaluate("localStorage.getItem('masthead:text-size')") == "3"

    smaller = page.get_by_role("button", name="Smaller text")
    for _ in range(3):
        smaller.click()
    assert smaller.get_attribute("aria-disabled") == "true"  # the smallest step
    smaller.click(force=True)  # pressed anyway, it changes nothing
    assert body_size() == pytest.approx(normal * 0.9, rel=0.02)
    assert smaller.get_attribute("aria-disabled") == "true"
    assert larger.get_attribute("aria-disabled") == "false"
    page.context.close()


def test_the_edition_switch_on_a_story_lands_on_its_counterpart(reader, newsroom):
    english, burmese = tally("en"), tally("my")
    english_url, burmese_url, burmese_title = english.url, burmese.url, burmese.title
    page = reader.page("desktop")
    page.goto(newsroom + english_url, wait_until="networkidle")

    page.locator(".masthead__tools a[hreflang='my']").click()
    assert path_of(page) == unquote(burmese_url)
    assert page.locator("html").get_attribute("lang") == "my"
    assert page.locator("h1.story__headline").inner_text() == burmese_title

    page.locator(".masthead__tools a[hreflang='en']").click()
    assert path_of(page) == unquote(english_url)
    page.context.close()


@pytest.mark.parametrize("language", EDITIONS)
def test_a_missing_page_is_branded_and_answers_404(reader, live_server, language):
    prefix = "" if language == "en" else "/my"
    page = reader.page("phone")
    response = page.goto(f"{live_server.url}{prefix}/no-such-story/", wait_until="networkidle")

    assert response is not None and response.status == 404
    assert page.locator("html").get_attribute("lang") == language
    assert page.locator(".masthead__name").is_visible()
    assert page.locator(".menu__toggle").is_visible()
    assert page.locator(f".error-page a[href='{prefix}/']").count() == 1
    screenshot(page, f"404-{language}-phone")
    page.context.close()


@pytest.mark.parametrize("language", EDITIONS)
def test_every_page_shows_the_date_and_weather_without_moving_anything(
    reader, newsroom, settings, language
):
    with fake_weather_server() as provider:
        settings.MASTHEAD_WEATHER_CITY_EN = "Yangon"
        settings.MASTHEAD_WEATHER_CITY_MY = "ရန်ကုန်"
        settings.MASTHEAD_WEATHER_LATITUDE = 16.8661
        settings.MASTHEAD_WEATHER_LONGITUDE = 96.1951
        settings.MASTHEAD_WEATHER_URL = provider.url
        refresh_configured_weather.call()
    line = {"en": "Yangon 31 °C, cloudy", "my": "ရန်ကုန် ၃၁ °C၊ တိမ်ထူ"}[language]
    story_url, home_url = tally(language).url, edition_home(language).url

    page = reader.page("phone")
    page.goto(newsroom + story_url, wait_until="networkidle")
    facts = page.locator(".masthead__facts")
    facts.locator(".masthead__weather").wait_for()
    assert facts.locator(".masthead__weather").inner_text() == line
    date = facts.locator("time").inner_text()
    assert date and (language == "en") == any("0" <= c <= "9" for c in date)
    screenshot(page, f"weather-{language}-article-phone")
    # today.js filled the line after the page arrived: the header is as tall with the line
    # as it was without it, so nothing below it moved.
    filled = page.eval_on_selector(".masthead", "header => header.offsetHeight")
    page.eval_on_selector(".masthead__facts", "slot => slot.replaceChildren()")
    assert page.eval_on_selector(".masthead", "header => header.offsetHeight") == filled

    # The front carries the line in its own HTML: it is there with JavaScript off.
    still = reader.page("desktop", javascript=False)
    still.goto(newsroom + home_url, wait_until="networkidle")
    assert still.locator(".masthead__weather").inner_text() == line
    still.context.close()
    page.context.close()


# A first visit on a phone, everything the page itself asks for. HTML, CSS and JavaScript
# (and the header fragment they fetch) together at most 30 KB gzip-compressed: about a second
# on a 3G link at 250 kbit/s. Fonts only reach a phone with no Myanmar font of its own (most
# have one and download nothing, see test_burmese_rendering.py); then at most the two faces
# of our Myanmar subset, 100 KB. Pictures are left out: they are lazy and sized per screen.
TEXT_BUDGET = 30 * 1024
FONT_BUDGET = 100 * 1024
TEXT_KINDS = {"document", "stylesheet", "script", "fetch", "xhr"}


def test_a_first_visit_stays_within_the_weight_budget(reader, newsroom):
    pages = {
        f"{language} {name}": newsroom + url
        for language in EDITIONS
        for name, url in (("front", edition_home(language).url), ("story", tally(language).url))
    }
    server = urlsplit(newsroom).netloc
    measured = {}
    for label, url in pages.items():
        page = reader.page("phone", system_fonts=False)
        responses: list[Any] = []
        page.on("response", lambda response, found=responses: found.append(response))
        page.goto(url, wait_until="networkidle")
        text = fonts = 0
        for response in responses:
            assert urlsplit(response.url).netloc == server, response.url
            kind = response.request.resource_type
            if kind in TEXT_KINDS:
                text += len(gzip.compress(response.body(), compresslevel=6))
            elif kind == "font":
                fonts += len(response.body())  # WOFF2 is compressed already
        measured[label] = (text, fonts)
        page.context.close()

    report = ", ".join(
        f"{label}: {t / 1024:.1f} KB + fonts {f / 1024:.1f} KB"
        for label, (t, f) in measured.items()
    )
    print(f"first visit, gzip-compressed: {report}")  # shown with pytest -s
    assert all(text <= TEXT_BUDGET for text, _ in measured.values()), report
    assert all(fonts <= FONT_BUDGET for _, fonts in measured.values()), report
