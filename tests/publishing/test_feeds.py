"""RSS 2.0 and Atom feeds of fronts, sections, authors and tags, in both editions."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from io import BytesIO
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import connection
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from PIL import Image

from masthead.journalism.models import ArticlePage, NewsImage, Tag
from masthead.journalism.services import create_section, unpublish_article
from masthead.publishing.feeds import FEED_LENGTH, all_feed_urls, feed_urls
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
DC = "{http://purl.org/dc/elements/1.1/}"
RFC_822 = re.compile(r"^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$")
RFC_3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
YANGON = ZoneInfo("Asia/Yangon")

BURMESE_TITLE = "စစ်ကောင်စီ လေကြောင်းတိုက်ခိုက်မှု ဆက်လက်မြင့်တက်"
BURMESE_STANDFIRST = "စစ်ကိုင်းတိုင်းတွင် ကျေးရွာ ၁၂ ရွာ ထိခိုက်ခဲ့သည်။"
BURMESE_BODY = "ဒေသခံများက လမ်းကို တစ်ပတ်ကြာ ပိတ်ထားသည်ဟု ပြောသည်။"


def get(url: str, **headers: str):
    response = Client().get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    return response


def parse(response) -> ET.Element:
    return ET.fromstring(response.content)


def is_absolute(url: str) -> bool:
    return url.startswith(settings.BASE_URL + "/")


def burmese_section(title: str = "သတင်း", slug: str = "သတင်း", parent=None):
    return create_section(parent=parent or factories.home("my"), title=title, slug=slug)


def picture(title: str = "Bridge") -> NewsImage:
    buffer = BytesIO()
    Image.new("RGB", (1600, 900), "gray").save(buffer, "PNG")
    return NewsImage.objects.create(
        title=title,
        caption="The bridge at dawn.",
        credit="Ayeyar Chronicle",
        file=ImageFile(buffer, name=f"{title.lower()}.png"),
    )


@pytest.fixture
def english_front():
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    writer = factories.author("Ei Phyu Sin")
    older = factories.article(
        news,
        title="Defections rise in Sagaing",
        standfirst="A tally counts more than 2,000 & rising.",
        body_text="Soldiers said they left with their families.",
        authors=(writer, factories.author("Kyaw Zin Htet")),
        tags=("Defections",),
        published_at=datetime(2025, 10, 9, 9, 30, tzinfo=YANGON),
    )
    newer = factories.article(
        burma,
        title="Road to Monywa closed",
        body_text="Residents said the road had been closed for a week.",
        published_at=datetime(2025, 10, 10, 8, 0, tzinfo=YANGON),
    )
    return news, burma, writer, older, newer


# --- RSS 2.0 ----------------------------------------------------------------------------------
def test_rss_feed_of_the_edition_front_follows_rss_2_0(english_front):
    *_, older, newer = english_front
    response = get("/feed/rss.xml")
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    rss = parse(response)
    assert rss.tag == "rss" and rss.get("version") == "2.0"
    channel = rss.find("channel")
    assert channel.findtext("title") == "masthead"
    assert channel.findtext("link") == settings.BASE_URL + "/"
    assert channel.findtext("description")
    assert channel.findtext("language") == "en"
    self_link = channel.find(f"{ATOM}link")
    assert self_link.get("rel") == "self"
    assert self_link.get("href") == settings.BASE_URL + "/feed/rss.xml"
    assert RFC_822.match(channel.findtext("lastBuildDate"))

    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == [newer.title, older.title]
    guids = [item.findtext("guid") for item in items]
    assert len(set(guids)) == len(guids) and all(is_absolute(guid) for guid in guids)
    first = items[1]
    assert first.findtext("link") == settings.BASE_URL + older.url
    assert first.findtext("description") == "A tally counts more than 2,000 &amp; rising."
    assert RFC_822.match(first.findtext("pubDate"))
    assert parsedate_to_datetime(first.findtext("pubDate")) == older.first_published_at
    assert [c.text for c in first.findall(f"{DC}creator")] == ["Ei Phyu Sin", "Kyaw Zin Htet"]
    assert [c.text for c in first.findall("category")] == ["News", "Defections"]
    content = first.findtext(f"{CONTENT}encoded")
    assert "<p>Soldiers said they left with their families.</p>" in content
    assert [c.text for c in items[0].findall("category")] == ["Burma"]


def test_rss_item_without_standfirst_or_authors_still_has_title_and_newsroom_byline():
    story = factories.article(factories.section(), title="Quiet day")
    item = parse(get("/feed/rss.xml")).find("channel/item")
    assert item.findtext("title") == "Quiet day"
    assert item.find("description") is None
    assert [c.text for c in item.findall(f"{DC}creator")] == ["masthead"]
    assert item.findtext("link") == settings.BASE_URL + story.url


# --- Atom ---------------------------------------------------------------------------------
def test_atom_feed_of_a_section_follows_rfc_4287(english_front):
    news, _burma, writer, older, newer = english_front
    url = f"{news.url}feed/atom.xml"
    response = get(url)
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = parse(response)
    assert feed.tag == f"{ATOM}feed"
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "en"
    assert feed.findtext(f"{ATOM}title") == "News · masthead"
    assert is_absolute(feed.findtext(f"{ATOM}id"))
    assert RFC_3339.match(feed.findtext(f"{ATOM}updated"))
    links = {link.get("rel"): link.get("href") for link in feed.findall(f"{ATOM}link")}
    assert links == {"self": settings.BASE_URL + url, "alternate": settings.BASE_URL + news.url}

    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [newer.title, older.title]
    ids = [e.findtext(f"{ATOM}id") for e in entries]
    assert len(set(ids)) == 2 and all(is_absolute(entry_id) for entry_id in ids)
    for entry in entries:
        for name in ("updated", "published"):
            assert RFC_3339.match(entry.findtext(f"{ATOM}{name}")), name
        assert entry.findall(f"{ATOM}author/{ATOM}name")
        alternate = entry.find(f"{ATOM}link[@rel='alternate']")
        assert is_absolute(alternate.get("href"))
        assert entry.find(f"{ATOM}content").get("type") == "html"
    story = entries[1]
    assert datetime.fromisoformat(story.findtext(f"{ATOM}published")) == older.first_published_at
    assert [a.findtext(f"{ATOM}name") for a in story.findall(f"{ATOM}author")] == [
        "Ei Phyu Sin",
        "Kyaw Zin Htet",
    ]
    assert story.findall(f"{ATOM}author/{ATOM}uri")[0].text == (
        f"{settings.BASE_URL}/author/{writer.slug}/"
    )
    assert story.find(f"{ATOM}summary").get("type") == "html"
    assert "Soldiers said they left" in story.findtext(f"{ATOM}content")
    assert {c.get("term") for c in story.findall(f"{ATOM}category")} == {"News", "Defections"}
    assert datetime.fromisoformat(feed.findtext(f"{ATOM}updated")) == newer.last_published_at


# --- Full text ------------------------------------------------------------------------------
def test_full_text_makes_links_and_images_absolute():
    news = factories.section("News")
    earlier = factories.article(news, title="Earlier story")
    story = factories.article(
        news,
        body_text=(
            f'See <a linktype="page" id="{earlier.pk}">the earlier story</a> and '
            '<a href="https://example.org/report">the report</a>.'
        ),
        featured_image=picture(),
        published_at=timezone.now(),
    )
    content = parse(get(f"{news.url}feed/rss.xml")).findtext(f"channel/item/{CONTENT}encoded")
    assert f'<a href="{settings.BASE_URL}{earlier.url}">the earlier story</a>' in content
    assert '<a href="https://example.org/report">the report</a>' in content
    sources = re.findall(r'<img[^>]* src="([^"]+)"', content)
    assert len(sources) == 1 and sources[0].startswith(f"{settings.BASE_URL}/media/")
    assert 'alt="The bridge at dawn."' in content
    assert "The bridge at dawn. Photo: Ayeyar Chronicle" in content
    assert story.title in get(f"{news.url}feed/atom.xml").content.decode()


def test_full_text_carries_fact_check_verdicts_and_corrections():
    from masthead.journalism.services import add_correction

    story = factories.fact_check(factories.section())
    add_correction(article=story, note="An earlier version gave the wrong township.")
    content = parse(get("/feed/rss.xml")).findtext(f"channel/item/{CONTENT}encoded")
    assert "The bridge was never bombed." in content and "False" in content
    assert "An earlier version gave the wrong township." in content


# --- Burmese --------------------------------------------------------------------------------
def test_burmese_section_feeds_are_in_burmese_and_escaped_once():
    section = burmese_section()
    subsection = burmese_section("မြန်မာနိုင်ငံ", "မြန်မာနိုင်ငံ", parent=section)
    writer = factories.author("Thida Aung", name_my="သီတာအောင်")
    story = factories.article(
        subsection,
        title=BURMESE_TITLE,
        standfirst=BURMESE_STANDFIRST,
        body_text=BURMESE_BODY,
        authors=(writer,),
        tags=("စစ်ဘေးရှောင်",),
    )
    assert "%E1%80" in section.url  # Burmese slugs travel percent-encoded
    rss_response = get(f"{section.url}feed/rss.xml")
    raw = rss_response.content.decode("utf-8")
    assert BURMESE_TITLE in raw and BURMESE_BODY in raw  # characters, not &#...; references
    assert "&#4" not in raw and "&amp;lt;" not in raw
    channel = ET.fromstring(rss_response.content).find("channel")
    assert channel.findtext("language") == "my"
    assert channel.findtext("title") == "သတင်း · masthead"
    self_link = channel.find(f"{ATOM}link").get("href")
    assert self_link == f"{settings.BASE_URL}{section.url}feed/rss.xml"
    item = channel.find("item")
    assert item.findtext("title") == BURMESE_TITLE
    assert item.findtext("description") == BURMESE_STANDFIRST
    assert item.findtext(f"{DC}creator") == "သီတာအောင်"
    assert item.findtext(f"{CONTENT}encoded") == f"<p>{BURMESE_BODY}</p>"
    assert [c.text for c in item.findall("category")] == ["မြန်မာနိုင်ငံ", "စစ်ဘေးရှောင်"]
    assert item.findtext("link") == settings.BASE_URL + story.url

    feed = parse(get(f"{section.url}feed/atom.xml"))
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "my"
    assert feed.findtext(f"{ATOM}subtitle") == "သတင်း"
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == BURMESE_TITLE
    assert entry.findtext(f"{ATOM}content") == f"<p>{BURMESE_BODY}</p>"
    assert entry.findtext(f"{ATOM}author/{ATOM}uri") == (
        f"{settings.BASE_URL}/my/author/{writer.slug}/"
    )


def test_burmese_full_text_labels_are_in_burmese():
    factories.article(burmese_section(), title=BURMESE_TITLE, featured_image=picture())
    content = parse(get("/my/feed/rss.xml")).findtext(f"channel/item/{CONTENT}encoded")
    assert "ဓာတ်ပုံ: Ayeyar Chronicle" in content


def test_each_edition_feed_lists_only_its_own_stories():
    english = factories.article(factories.section("News"), title="English story")
    burmese = factories.article(burmese_section(), title=BURMESE_TITLE)
    english_titles = [i.findtext("title") for i in parse(get("/feed/rss.xml")).iter("item")]
    burmese_titles = [i.findtext("title") for i in parse(get("/my/feed/rss.xml")).iter("item")]
    assert english_titles == [english.title]
    assert burmese_titles == [burmese.title]
    burmese_channel = parse(get("/my/feed/atom.xml"))
    assert burmese_channel.find(f"{ATOM}link[@rel='self']").get("href") == (
        settings.BASE_URL + "/my/feed/atom.xml"
    )


# --- Listings ---------------------------------------------------------------------------------
def titles_in(url: str) -> list[str]:
    return [item.findtext("title") for item in parse(get(url)).iter("item")]


def test_section_author_and_tag_feeds_hold_their_listings():
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    opinion = factories.section("Opinion")
    writer = factories.author()
    direct = factories.article(news, authors=(writer,), tags=("Sagaing",))
    nested = factories.article(burma)
    cross_listed = factories.article(opinion, also_in_sections=(news,))
    elsewhere = factories.article(opinion, tags=("Economy",))
    in_news = set(titles_in(f"{news.url}feed/rss.xml"))
    assert in_news == {direct.title, nested.title, cross_listed.title}
    assert titles_in(f"{burma.url}feed/rss.xml") == [nested.title]
    assert titles_in(f"/author/{writer.slug}/feed/rss.xml") == [direct.title]
    sagaing = Tag.objects.get(name="Sagaing")
    assert titles_in(f"/tag/{sagaing.slug}/feed/rss.xml") == [direct.title]
    assert elsewhere.title not in in_news


def test_feed_holds_the_newest_stories_only():
    news = factories.section()
    now = timezone.now()
    stories = [
        factories.article(news, published_at=now - timedelta(hours=hours))
        for hours in range(FEED_LENGTH + 2)
    ]
    listed = titles_in(f"{news.url}feed/rss.xml")
    assert listed == [story.title for story in stories[:FEED_LENGTH]]


def test_unpublished_story_leaves_the_feeds():
    news = factories.section()
    writer = factories.author()
    story = factories.article(news, authors=(writer,), tags=("Magwe",))
    factories.article(news, authors=(writer,), tags=("Magwe",))
    tag = Tag.objects.get(name="Magwe")
    urls = ["/feed/rss.xml", f"{news.url}feed/atom.xml", f"/author/{writer.slug}/feed/rss.xml"]
    urls.append(f"/tag/{tag.slug}/feed/atom.xml")
    for url in urls:
        assert story.title in get(url).content.decode(), url
    unpublish_article(article=ArticlePage.objects.get(pk=story.pk))
    for url in urls:
        assert story.title not in get(url).content.decode(), url


def test_author_and_tag_feeds_go_with_their_last_story_in_the_edition():
    writer = factories.author()
    story = factories.article(factories.section(), authors=(writer,), tags=("Magwe",))
    tag = Tag.objects.get(name="Magwe")
    english = [f"/author/{writer.slug}/feed/rss.xml", f"/tag/{tag.slug}/feed/atom.xml"]
    burmese = [f"/my{url}" for url in english]
    client = Client()
    assert [client.get(url).status_code for url in english + burmese] == [200, 200, 404, 404]
    unpublish_article(article=ArticlePage.objects.get(pk=story.pk))
    assert [client.get(url).status_code for url in english] == [404, 404]


def test_empty_section_feed_is_valid_and_the_same_on_every_render():
    section = factories.section()
    section.refresh_from_db()
    url = f"{section.url}feed/atom.xml"
    first = get(url).content
    feed = ET.fromstring(first)
    assert feed.findall(f"{ATOM}entry") == []
    updated = feed.findtext(f"{ATOM}updated")
    assert RFC_3339.match(updated)
    assert datetime.fromisoformat(updated) == section.last_published_at.replace(microsecond=0)
    assert get(url).content == first
    assert parse(get(f"{section.url}feed/rss.xml")).find("channel/item") is None


def test_feed_depends_on_nothing_but_its_url(english_front):
    plain = Client().get("/feed/atom.xml")
    other = Client(HTTP_ACCEPT_LANGUAGE="my", HTTP_HOST="127.0.0.1")
    other.cookies["reader"] = "returning"
    varied = other.get("/feed/atom.xml?page=2&utm_source=x", HTTP_IF_MODIFIED_SINCE="yesterday")
    assert plain.content == varied.content
    assert not plain.cookies and not varied.cookies
    assert "Vary" not in plain


@pytest.mark.parametrize(
    "url",
    [
        "/nowhere/feed/rss.xml",
        "/my/nowhere/feed/atom.xml",
        "/author/nobody/feed/rss.xml",
        "/tag/nothing/feed/atom.xml",
        "/my/tag/nothing/feed/rss.xml",
        "/2025/feed/rss.xml",
        "/archive/feed/rss.xml",
    ],
)
def test_unknown_listings_are_404(url):
    assert Client().get(url).status_code == 404


def test_feeds_of_stories_static_pages_and_other_editions_sections_are_404():
    news = factories.section("News")
    story = factories.article(news)
    burmese = burmese_section()
    client = Client()
    assert client.get(f"{story.url}feed/rss.xml").status_code == 404
    assert client.get(f"/my{news.url}feed/rss.xml").status_code == 404
    assert client.get(burmese.url.removeprefix("/my") + "feed/rss.xml").status_code == 404


# --- Query budget ---------------------------------------------------------------------------
def _feed_queries(url: str) -> int:
    client = Client()
    client.get(url)  # renditions and per-process caches are made on the first render
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feed_queries_do_not_grow_with_the_number_of_stories(kind, django_assert_max_num_queries):
    news = factories.section()
    writers = [factories.author() for _ in range(3)]

    def add_stories(count: int) -> None:
        for number in range(count):
            factories.article(
                news,
                authors=tuple(writers[: number % 3 + 1]),
                tags=("Sagaing", f"Topic {number}"),
                featured_image=picture(f"Picture{number}") if number % 4 == 0 else None,
            )

    add_stories(2)
    url = f"{news.url}feed/{kind}.xml"
    few = _feed_queries(url)
    add_stories(FEED_LENGTH + 3)
    assert _feed_queries(url) == few
    Client().get(url)
    with django_assert_max_num_queries(12):
        Client().get(url)


# --- For the publisher ----------------------------------------------------------------------
def test_feed_urls_of_a_listing():
    assert feed_urls("/news/") == ["/news/feed/rss.xml", "/news/feed/atom.xml"]
    assert feed_urls("/my/") == ["/my/feed/rss.xml", "/my/feed/atom.xml"]


def test_all_feed_urls_lists_every_existing_feed_and_each_one_renders():
    news = factories.section("News")
    burma = factories.section("Burma", parent=news)
    burmese = burmese_section()
    reporter = factories.author()
    translator = factories.author()
    idle = factories.author()
    factories.article(burma, authors=(reporter,), tags=("Sagaing",))
    factories.article(burmese, authors=(translator,), tags=("စစ်ဘေးရှောင်",))
    factories.article(news, authors=(idle,), publish=False)
    urls = all_feed_urls()
    expected_listings = {
        "/",
        "/my/",
        news.url,
        burma.url,
        burmese.url,
        f"/author/{reporter.slug}/",
        f"/my/author/{translator.slug}/",
        f"/tag/{Tag.objects.get(name='Sagaing').slug}/",
        f"/my/tag/{quote(Tag.objects.get(name='စစ်ဘေးရှောင်').slug)}/",
    }
    assert sorted(urls) == sorted(u for base in expected_listings for u in feed_urls(base))
    assert not any(idle.slug in url for url in urls)
    for url in urls:
        assert get(url).content.startswith(b"<?xml"), url


def test_feed_links_snippet_names_the_listing_feeds_from_a_template_tag():
    writer = factories.author("Thida Aung", name_my="သီတာအောင်")
    template = Template(
        "{% load news %}{% author_url listing.author as feed_base %}"
        '{% include "publishing/feed_links.html" with feed_title=listing.author.display_name %}'
    )
    with translation.override("my"):
        html = template.render(Context({"listing": {"author": writer}}))
    assert f'title="သီတာအောင် (RSS)" href="/my/author/{writer.slug}/feed/rss.xml"' in html
    assert f'title="သီတာအောင် (Atom)" href="/my/author/{writer.slug}/feed/atom.xml"' in html


def test_feed_links_snippet_announces_both_feeds():
    html = render_to_string(
        "publishing/feed_links.html", {"feed_base": "/news/", "feed_title": "News"}
    )
    assert (
        '<link rel="alternate" type="application/rss+xml" title="News (RSS)" '
        'href="/news/feed/rss.xml">'
    ) in html
    assert (
        '<link rel="alternate" type="application/atom+xml" title="News (Atom)" '
        'href="/news/feed/atom.xml">'
    ) in html
