"""Reader pages through the full Django stack, in both editions."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.test import Client
from django.utils import timezone

from masthead.journalism.models import Author
from masthead.journalism.services import add_correction, link_counterparts
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def client() -> Client:
    return Client()


def test_article_page_shows_what_the_reference_page_shows(client):
    news = factories.section("News", in_menu=True)
    burma = factories.section("Burma", parent=news)
    writer = factories.author("Ei Phyu Sin", short_bio="Data editor.")
    story = factories.article(
        burma,
        title="Defections rise in Sagaing",
        standfirst="A tally counts more than 2,000.",
        authors=(writer,),
        tags=("Defections",),
        published_at=datetime(2025, 10, 10, 9, 30, tzinfo=ZoneInfo("Asia/Yangon")),
    )
    html = client.get(story.url).content.decode()
    assert '<h1 class="story__headline">Defections rise in Sagaing</h1>' in html
    assert "A tally counts more than 2,000." in html
    assert f'href="/author/{writer.slug}/" rel="author">Ei Phyu Sin</a>' in html
    assert "10 October 2025" in html and "09:30" in html  # shown in Myanmar time
    assert "min read" in html
    assert ">Burma</a>" in html and ">News</a>" in html  # breadcrumb
    assert 'rel="tag">Defections</a>' in html
    assert "Data editor." in html


def test_article_without_authors_carries_the_newsroom_byline(client):
    story = factories.article(factories.section())
    html = client.get(story.url).content.decode()
    assert "by\n      masthead" in html or "by masthead" in " ".join(html.split())


def test_corrections_are_listed_on_the_story(client):
    story = factories.article(factories.section())
    add_correction(article=story, note="An earlier version gave the wrong township.")
    html = client.get(story.url).content.decode()
    assert "An earlier version gave the wrong township." in html
    assert "Updated" in html


def test_fact_check_shows_its_verdicts(client):
    story = factories.fact_check(factories.section())
    html = client.get(story.url).content.decode()
    assert "The bridge was never bombed." in html
    assert "verdict--false" in html and "Satellite images show the span down." in html


def test_edition_switch_links_to_the_counterpart(client):
    english = factories.article(factories.section(language="en"))
    burmese = factories.article(factories.section(language="my"))
    link_counterparts(article=english, counterpart=burmese)
    html = client.get(english.url).content.decode()
    assert f'<a href="{burmese.url}" lang="my" hreflang="my">' in html
    assert 'rel="alternate" hreflang="my"' in html


def test_burmese_pages_declare_their_language_and_english_ones_theirs(client):
    burmese = client.get("/my/")
    english = client.get("/")
    assert '<html lang="my"' in burmese.content.decode()
    assert '<html lang="en"' in english.content.decode()
    assert burmese["Content-Language"] == "my"


def test_accept_language_never_changes_the_edition_or_the_response(client):
    plain = client.get("/")
    burmese_browser = client.get("/", HTTP_ACCEPT_LANGUAGE="my")
    assert '<html lang="en"' in burmese_browser.content.decode()
    assert "Accept-Language" not in burmese_browser.get("Vary", "")
    assert plain.content == burmese_browser.content


def test_anonymous_reader_pages_set_no_cookies(client):
    story = factories.article(factories.section())
    for url in ("/", "/my/", story.url):
        assert not client.get(url).cookies, url


def test_section_pages_are_numbered_from_the_oldest_story(client):
    news = factories.section()
    stories = [
        factories.article(news, published_at=timezone.now() - timedelta(hours=hours))
        for hours in range(45, 0, -1)  # oldest first
    ]
    front = client.get(news.url).content.decode()
    assert stories[-1].title in front and stories[24].title not in front
    # The front shows the newest twenty; the story before them is on page 2 of 3.
    assert f'href="{news.url}page/2/"' in front
    oldest = client.get(f"{news.url}page/1/").content.decode()
    assert stories[0].title in oldest and stories[19].title in oldest
    assert stories[20].title not in oldest
    newest = client.get(f"{news.url}page/3/").content.decode()
    assert [s.title in newest for s in stories[40:]] == [True] * 5
    assert f'href="{news.url}"' in newest  # newer stories: the front

    # A new story changes the front, not the numbered pages behind it.
    factories.article(news, published_at=timezone.now())
    assert client.get(f"{news.url}page/1/").content.decode() == oldest


def test_a_subsection_s_numbered_page_read_again_reads_only_its_stories(
    client, django_assert_num_queries
):
    region = factories.section("Region", parent=factories.section("News"))
    for hours in range(45):
        factories.article(region, published_at=timezone.now() - timedelta(hours=hours))
    assert client.get(f"{region.url}page/2/").status_code == 200
    # Its address, section, subsections and parent are kept: the content generation, the
    # page's stories and their bylines are read, not the tree level by level.
    with django_assert_num_queries(3):
        assert client.get(f"{region.url}page/2/").status_code == 200


def test_a_long_address_below_no_page_is_404_after_a_few_reads(
    client, django_assert_max_num_queries
):
    news = factories.section("News")
    assert client.get(f"{news.url}nothing-here/").status_code == 404  # the 404 page's reads
    # Looked for level by level, the search stops at the first level that is no page.
    with django_assert_max_num_queries(5):
        assert client.get(news.url + "no-page/" * 60).status_code == 404


def test_section_page_numbers_outside_the_listing_are_404(client):
    news = factories.section()
    for number in range(25):
        factories.article(news, published_at=timezone.now() - timedelta(hours=number))
    assert client.get(f"{news.url}page/2/").status_code == 200
    for number in (0, 3, 99999):
        assert client.get(f"{news.url}page/{number}/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/no-such-page/",
        "/my/no-such-page/",
        "/2025/13/40/",
        "/author/nobody/",
        "/tag/nothing-here/",
        "/news/page/0/",
    ],
)
def test_unknown_addresses_get_the_branded_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert (
        "We could not find that page" in response.content.decode()
        or 'lang="my"' in response.content.decode()
    )


def test_author_tag_archive_and_on_this_day_pages(client):
    news = factories.section()
    writer = factories.author("Kyaw Zin Htet")
    story = factories.article(
        news,
        authors=(writer,),
        tags=("Magwe",),
        published_at=datetime(2024, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Yangon")),
    )
    tag = story.tags.get()
    assert story.title in client.get(f"/author/{writer.slug}/").content.decode()
    assert story.title in client.get(f"/tag/{tag.slug}/").content.decode()
    assert story.title in client.get("/2024/03/05/").content.decode()
    assert story.title not in client.get("/2024/03/06/").content.decode()
    assert client.get("/on-this-day/").status_code == 200
    archive = client.get("/archive/").content.decode()
    assert '<a href="/2024/">' in archive  # each year links to its own archive, by its one address
    assert story.title in client.get("/2024/").content.decode()


def test_team_page_lists_staff_not_contributors(client):
    from masthead.journalism.models import TeamPage

    Author.objects.create(name="Staff Writer", slug="staff-writer", is_staff=True)
    Author.objects.create(name="Guest Writer", slug="guest-writer", is_staff=False)
    team = TeamPage(title="Team", slug="team")
    factories.home().add_child(instance=team)
    team.save_revision().publish()
    html = client.get("/team/").content.decode()
    assert "Staff Writer" in html and "Guest Writer" not in html


def test_short_address_redirects_to_the_story_in_either_edition(client):
    english = factories.article(factories.section(language="en"))
    burmese = factories.article(factories.section(language="my"))
    for story in (english, burmese):
        response = client.get(f"/a/{story.pk}/")
        assert response.status_code == 301
        assert response["Location"] == story.url


def test_short_address_of_a_missing_or_unpublished_story_is_404(client):
    draft = factories.article(factories.section(), publish=False)
    assert client.get(f"/a/{draft.pk}/").status_code == 404
    assert client.get("/a/999999/").status_code == 404
