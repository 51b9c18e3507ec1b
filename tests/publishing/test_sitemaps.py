"""Sitemaps of both editions, the Google News sitemap and robots.txt."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from masthead.journalism.models import ArticlePage, EditionSettings, StandardPage
from masthead.journalism.services import create_section, link_counterparts, unpublish_article
from masthead.publishing import sitemaps
from masthead.publishing.sitemaps import all_sitemap_urls, sitemap_url_for
from tests import factories

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"
W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
YANGON = ZoneInfo("Asia/Yangon")
BURMESE_TITLE = "စစ်ကောင်စီ လေကြောင်းတိုက်ခိုက်မှု ဆက်လက်မြင့်တက်"


def get(url: str):
    response = Client().get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response


def final_status(url: str) -> int:
    """The status a reader ends on (an address without a trailing slash may be redirected
    to one first, as every reader address is)."""
    return Client().get(url, follow=True).status_code


def xml(url: str) -> ET.Element:
    response = get(url)
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    return ET.fromstring(response.content)


def absolute(path: str) -> str:
    return settings.BASE_URL + path


def urls_in(url: str) -> dict[str, ET.Element]:
    """The <url> entries of a urlset, by <loc>; each URL must appear once."""
    root = xml(url)
    assert root.tag == f"{SITEMAP}urlset"
    entries = root.findall(f"{SITEMAP}url")
    locs = [entry.findtext(f"{SITEMAP}loc") for entry in entries]
    assert len(locs) == len(set(locs)), "a URL is listed twice"
    return dict(zip(locs, entries, strict=True))


def alternates(entry: ET.Element) -> dict[str, str]:
    links = entry.findall(f"{XHTML}link")
    assert all(link.get("rel") == "alternate" for link in links)
    return {link.get("hreflang"): link.get("href") for link in links}


def burmese_section(title: str = "သတင်း", slug: str = "သတင်း", parent=None):
    return create_section(parent=parent or factories.home("my"), title=title, slug=slug)


def at(year: int, month: int = 6, day: int = 1, hour: int = 12, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=YANGON)


# --- The index -------------------------------------------------------------------------------
def test_index_lists_the_pages_sitemap_and_every_section_year():
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    factories.section("Empty")
    burmese = burmese_section()
    factories.article(news, published_at=at(2024))
    factories.article(burma, published_at=at(2025))
    factories.article(burmese, published_at=at(2025))
    index = xml("/sitemap.xml")
    assert index.tag == f"{SITEMAP}sitemapindex"
    entries = index.findall(f"{SITEMAP}sitemap")
    locs = [entry.findtext(f"{SITEMAP}loc") for entry in entries]
    assert locs == [
        absolute("/sitemap-pages.xml"),
        absolute(f"{news.url}sitemap-2024.xml"),
        absolute(f"{news.url}sitemap-2025.xml"),
        absolute(f"{burmese.url}sitemap-2025.xml"),
    ]
    for entry in entries:
        assert W3C_DATETIME.match(entry.findtext(f"{SITEMAP}lastmod"))
    assert [absolute(url) for url in all_sitemap_urls()] == [
        absolute("/sitemap.xml"),
        *locs,
        absolute("/news-sitemap.xml"),
        absolute("/robots.txt"),
    ]


def test_every_listed_sitemap_renders():
    factories.article(factories.section("News"), published_at=at(2025))
    factories.article(burmese_section(), title=BURMESE_TITLE, published_at=timezone.now())
    listed: list[str] = []
    for url in all_sitemap_urls():
        response = get(url)
        assert response["Content-Type"].endswith("; charset=utf-8")
        assert not response.cookies
        if url.endswith(".xml") and url not in ("/sitemap.xml", "/news-sitemap.xml"):
            listed += urls_in(url)
    assert len(listed) == len(set(listed)) == 6  # two fronts, two sections, two stories


# --- Section-year files -------------------------------------------------------------------------
def test_section_year_lists_stories_of_the_section_and_its_subsections_in_that_year():
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    opinion = factories.section("Opinion")
    direct = factories.article(news, published_at=at(2025, 3))
    nested = factories.article(burma, published_at=at(2025, 11))
    factories.article(news, published_at=at(2024, 12, 31, 23, 45))  # 2024 in Yangon
    new_year = factories.article(news, published_at=at(2025, 1, 1, 0, 15))  # 2024 in UTC
    factories.article(opinion, published_at=at(2025))
    factories.article(news, published_at=at(2025), publish=False)
    cross_listed = factories.article(opinion, published_at=at(2025), also_in_sections=(news,))

    entries = urls_in(f"{news.url}sitemap-2025.xml")
    assert list(entries) == [absolute(s.url) for s in (new_year, direct, nested)]
    assert absolute(cross_listed.url) not in entries  # listed once, in its own section
    for story in (new_year, direct, nested):
        lastmod = entries[absolute(story.url)].findtext(f"{SITEMAP}lastmod")
        assert W3C_DATETIME.match(lastmod)
        assert datetime.fromisoformat(lastmod) == story.last_published_at.replace(microsecond=0)
        assert not alternates(entries[absolute(story.url)])
    assert sitemap_url_for(nested) == f"{news.url}sitemap-2025.xml"
    assert sitemap_url_for(new_year) == f"{news.url}sitemap-2025.xml"


def test_burmese_section_year_keeps_burmese_addresses():
    section = burmese_section()
    subsection = burmese_section("မြန်မာနိုင်ငံ", "မြန်မာနိုင်ငံ", parent=section)
    story = factories.article(subsection, title=BURMESE_TITLE, published_at=at(2025))
    url = f"{section.url}sitemap-2025.xml"
    assert url.startswith("/my/%E1%80") and sitemap_url_for(story) == url
    assert list(urls_in(url)) == [absolute(story.url)]


def test_counterparts_are_declared_as_hreflang_alternates_both_ways():
    news = factories.section("News")
    burmese = burmese_section()
    english_story = factories.article(news, published_at=at(2025, 5))
    burmese_story = factories.article(burmese, title=BURMESE_TITLE, published_at=at(2025, 5))
    link_counterparts(article=english_story, counterpart=burmese_story)
    english_entry = urls_in(f"{news.url}sitemap-2025.xml")[absolute(english_story.url)]
    burmese_entry = urls_in(f"{burmese.url}sitemap-2025.xml")[absolute(burmese_story.url)]
    both = {"en": absolute(english_story.url), "my": absolute(burmese_story.url)}
    assert alternates(english_entry) == both
    assert alternates(burmese_entry) == both

    unpublish_article(article=ArticlePage.objects.get(pk=burmese_story.pk))
    english_entry = urls_in(f"{news.url}sitemap-2025.xml")[absolute(english_story.url)]
    assert not alternates(english_entry)


def test_unpublished_story_leaves_its_sitemap_and_an_emptied_year_is_404():
    news = factories.section("News")
    story = factories.article(news, published_at=at(2023))
    url = sitemap_url_for(story)
    assert absolute(story.url) in urls_in(url)
    unpublish_article(article=ArticlePage.objects.get(pk=story.pk))
    assert sitemap_url_for(ArticlePage.objects.get(pk=story.pk)) == url
    assert Client().get(url).status_code == 404
    assert url not in all_sitemap_urls()


def test_a_year_over_the_limit_is_split_by_month(monkeypatch):
    monkeypatch.setattr(sitemaps, "MAX_URLS_PER_FILE", 2)
    news = factories.section("News")
    march = [factories.article(news, published_at=at(2025, 3, day)) for day in (1, 2)]
    october = factories.article(news, published_at=at(2025, 10, 31, 23, 50))
    small_year = factories.article(news, published_at=at(2024))
    files = [url for url in all_sitemap_urls() if "/sitemap-20" in url]
    assert files == [
        f"{news.url}sitemap-2024.xml",
        f"{news.url}sitemap-2025-03.xml",
        f"{news.url}sitemap-2025-10.xml",
    ]
    assert list(urls_in(files[1])) == [absolute(story.url) for story in march]
    assert list(urls_in(files[2])) == [absolute(october.url)]
    assert sitemap_url_for(october) == files[2]
    assert sitemap_url_for(small_year) == files[0]
    client = Client()
    assert client.get(f"{news.url}sitemap-2025.xml").status_code == 404
    assert client.get(f"{news.url}sitemap-2025-04.xml").status_code == 404
    assert client.get(f"{news.url}sitemap-2024-06.xml").status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        "/nowhere/sitemap-2025.xml",
        "/news/sitemap-2025.xml",  # no such section in this test
        "/my/nowhere/sitemap-2025.xml",
        "/sitemap-2025.xml",
        "/my/sitemap.xml",
    ],
)
def test_unknown_sitemaps_are_404(url):
    assert final_status(url) == 404


def test_sitemaps_of_empty_years_subsections_and_the_other_edition_are_404():
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    factories.article(burma, published_at=at(2025))
    assert final_status(f"{news.url}sitemap-2025.xml") == 200
    assert final_status(f"{news.url}sitemap-2019.xml") == 404
    assert final_status(f"{news.url}sitemap-0000.xml") == 404
    assert final_status(f"{burma.url}sitemap-2025.xml") == 404
    assert final_status(f"/my{news.url}sitemap-2025.xml") == 404


# --- The pages sitemap ------------------------------------------------------------------------
def test_pages_sitemap_lists_fronts_sections_and_static_pages_of_both_editions():
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    burmese = burmese_section()
    about = StandardPage(title="About us", slug="about")
    factories.home().add_child(instance=about)
    about.save_revision().publish()
    story = factories.article(burma, published_at=timezone.now() - timedelta(minutes=5))
    fronts_edited = timezone.now() - timedelta(days=30)
    Page.objects.filter(pk__in=[news.pk, burma.pk, factories.home().pk]).update(
        last_published_at=fronts_edited
    )
    entries = urls_in("/sitemap-pages.xml")
    assert set(entries) == {
        absolute(url) for url in ("/", "/my/", news.url, burma.url, burmese.url, "/about/")
    }
    assert absolute(story.url) not in entries
    fronts = {"en": absolute("/"), "my": absolute("/my/")}
    assert alternates(entries[absolute("/")]) == fronts
    assert alternates(entries[absolute("/my/")]) == fronts
    for url in ("/", news.url, burma.url):  # a front changes when a story in it does
        lastmod = entries[absolute(url)].findtext(f"{SITEMAP}lastmod")
        assert datetime.fromisoformat(lastmod) == story.last_published_at.replace(microsecond=0)
    about.refresh_from_db()
    about_lastmod = entries[absolute("/about/")].findtext(f"{SITEMAP}lastmod")
    assert datetime.fromisoformat(about_lastmod) == about.last_published_at.replace(microsecond=0)


# --- Google News ------------------------------------------------------------------------------
def test_news_sitemap_holds_both_editions_stories_of_the_last_48_hours():
    EditionSettings.objects.filter(locale__language_code="my").update(name="ဧရာဝတီ သတင်း")
    now = timezone.now()
    recent = factories.article(
        factories.section("News"), title="Fresh story", published_at=now - timedelta(hours=47)
    )
    burmese = factories.article(
        burmese_section(), title=BURMESE_TITLE, published_at=now - timedelta(hours=1)
    )
    stale = factories.article(factories.section(), published_at=now - timedelta(hours=49))
    root = xml("/news-sitemap.xml")
    entries = root.findall(f"{SITEMAP}url")
    locs = [entry.findtext(f"{SITEMAP}loc") for entry in entries]
    assert locs == [absolute(burmese.url), absolute(recent.url)]
    assert absolute(stale.url) not in locs
    burmese_news = entries[0].find(f"{NEWS}news")
    assert burmese_news.findtext(f"{NEWS}publication/{NEWS}name") == "ဧရာဝတီ သတင်း"
    assert burmese_news.findtext(f"{NEWS}publication/{NEWS}language") == "my"
    assert burmese_news.findtext(f"{NEWS}title") == BURMESE_TITLE
    published = burmese_news.findtext(f"{NEWS}publication_date")
    assert W3C_DATETIME.match(published)
    assert datetime.fromisoformat(published) == burmese.first_published_at.replace(microsecond=0)
    english_news = entries[1].find(f"{NEWS}news")
    assert english_news.findtext(f"{NEWS}publication/{NEWS}language") == "en"
    assert english_news.findtext(f"{NEWS}title") == "Fresh story"


def test_news_sitemap_holds_at_most_a_thousand_stories(monkeypatch):
    monkeypatch.setattr(sitemaps, "NEWS_MAX_STORIES", 2)
    news = factories.section()
    stories = [factories.article(news) for _ in range(3)]
    locs = [loc.text for loc in xml("/news-sitemap.xml").iter(f"{SITEMAP}loc")]
    assert locs == [absolute(story.url) for story in stories[:2]]


# --- robots.txt -----------------------------------------------------------------------------------
def test_robots_txt_opens_reader_pages_and_names_the_sitemaps():
    response = get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Allow: /" in lines
    assert {"Disallow: /admin/", "Disallow: /search/", "Disallow: /my/search/"} <= set(lines)
    assert f"Sitemap: {settings.BASE_URL}/sitemap.xml" in lines
    assert f"Sitemap: {settings.BASE_URL}/news-sitemap.xml" in lines


# --- Query budget ---------------------------------------------------------------------------
def _queries(url: str) -> int:
    client = Client()
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_sitemap_queries_do_not_grow_with_the_archive(django_assert_max_num_queries):
    news = factories.section("News")
    burmese = burmese_section()
    now = timezone.now()

    def add_stories(count: int) -> None:
        for number in range(count):
            english = factories.article(news, published_at=now - timedelta(days=number * 40))
            counterpart = factories.article(burmese, published_at=english.first_published_at)
            link_counterparts(article=english, counterpart=counterpart)

    add_stories(2)
    this_year = f"{news.url}sitemap-{now.astimezone(YANGON).year}.xml"
    urls = ["/sitemap.xml", "/sitemap-pages.xml", "/news-sitemap.xml", this_year]
    few = {url: _queries(url) for url in urls}
    add_stories(12)
    assert {url: _queries(url) for url in urls} == few
    for url in urls:  # the index's ten: its files' years are bounded by two index reads
        with django_assert_max_num_queries(10):
            Client().get(url)
