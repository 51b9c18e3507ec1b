"""The search page and the live endpoint, through the full Django stack, in both editions."""

from __future__ import annotations

import json
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.test import Client, override_settings

from masthead.search.services import index_pages
from tests import factories

pytestmark = pytest.mark.django_db
YANGON = ZoneInfo("Asia/Yangon")


@pytest.fixture
def client() -> Client:
    return Client()


def indexed(*stories):
    index_pages(page_ids=[story.pk for story in stories])
    return stories


def test_results_show_headline_snippet_section_date_and_author(client):
    news = factories.section("News")
    writer = factories.author("Ei Phyu Sin")
    indexed(
        factories.article(
            news,
            title="Floods reach the delta",
            body_text="Water rose overnight in Bogale as the river burst its banks.",
            authors=(writer,),
            published_at=datetime(2025, 10, 10, 9, 30, tzinfo=YANGON),
        )
    )
    response = client.get("/search/", {"q": "Bogale"})
    html = response.content.decode()
    assert response.status_code == 200
    assert ">Floods reach the delta</a>" in html
    assert "<mark>Bogale</mark>" in html
    assert ">News</span>" in html and "10 October 2025" in html and "Ei Phyu Sin" in html
    assert '<meta name="robots" content="noindex">' in html
    assert not response.cookies


def test_burmese_edition_searches_burmese_stories_in_burmese(client):
    news = factories.section("သတင်း", language="my")
    indexed(
        factories.article(
            news,
            title="ကော့ကရိတ်အနီး အာရှလမ်းမပေါ် တိုက်ပွဲ",
            body_text="အရှေ့တောင်အာရှတွင် ကုန်တင်ကားများ ပိတ်မိနေသည်။",
            published_at=datetime(2025, 3, 28, 9, 0, tzinfo=YANGON),
        )
    )
    response = client.get("/my/search/", {"q": "အာရှ"})
    html = response.content.decode()
    assert '<html lang="my"' in html
    assert "ကော့ကရိတ်အနီး အာရှလမ်းမပေါ် တိုက်ပွဲ" in html
    assert "၂၀၂၅" in html  # Burmese digits in the date
    assert "<mark>အာရှ</mark>" in html


def test_the_english_edition_does_not_list_burmese_stories_unless_asked(client):
    indexed(factories.article(factories.section("သတင်း", language="my"), title="မန္တလေး ရေကြီး"))
    assert "မန္တလေး ရေကြီး" not in client.get("/search/", {"q": "မန္တလေး"}).content.decode()
    both = client.get("/search/", {"q": "မန္တလေး", "edition": "all"}).content.decode()
    assert "မန္တလေး ရေကြီး" in both


def test_filters_narrow_by_section_author_and_dates(client):
    news, opinion = factories.section("News"), factories.section("Opinion")
    writer = factories.author("Min Khant Oo")
    indexed(
        factories.article(
            news, title="Harvest in Magway", published_at=datetime(2024, 5, 1, tzinfo=YANGON)
        ),
        factories.article(
            opinion,
            title="Harvest thoughts",
            authors=(writer,),
            published_at=datetime(2025, 5, 1, tzinfo=YANGON),
        ),
    )

    def headlines(**params: str) -> set[str]:
        html = client.get("/search/", {"q": "harvest", **params}).content.decode()
        return {h for h in ("Harvest in Magway", "Harvest thoughts") if h in html}

    assert headlines() == {"Harvest in Magway", "Harvest thoughts"}
    assert headlines(section=str(news.pk)) == {"Harvest in Magway"}
    assert headlines(author=writer.slug) == {"Harvest thoughts"}
    assert headlines(since="2025-01-01") == {"Harvest thoughts"}
    assert headlines(until="2024-12-31") == {"Harvest in Magway"}


def test_newest_first_and_pagination(client):
    news = factories.section("News")
    stories = [
        factories.article(
            news,
            title=f"Monsoon report {number}",
            published_at=datetime(2025, 1, 1 + number, tzinfo=YANGON),
        )
        for number in range(12)
    ]
    indexed(*stories)
    first = client.get("/search/", {"q": "monsoon", "sort": "newest"}).content.decode()
    assert first.index("Monsoon report 11") < first.index("Monsoon report 10")
    assert "Monsoon report 1<" not in first
    assert 'rel="next"' in first
    second = client.get("/search/", {"q": "monsoon", "sort": "newest", "page": "2"})
    assert "Monsoon report 1<" in second.content.decode()


def test_no_result_explains_what_to_try(client):
    response = client.get("/search/", {"q": "zzyzx"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "No story matches" in html and "Check the spelling" in html


def test_an_unknown_filter_value_is_a_400_with_a_message(client):
    response = client.get("/search/", {"q": "flood", "section": "999999"})
    assert response.status_code == 400
    assert "There is no such section." in response.content.decode()


def test_the_header_search_form_works_without_javascript(client):
    html = client.get("/").content.decode()
    assert 'role="search"' in html and 'action="/search/"' in html and 'name="q"' in html
    assert 'action="/my/search/"' in client.get("/my/").content.decode()


def test_live_search_answers_with_five_results_in_at_most_2_kb(client):
    news = factories.section("သတင်း", language="my")
    long_title = "ရန်ကုန် " + "မြို့တော် သတင်း " * 14  # about 230 characters, 690 bytes
    indexed(*(factories.article(news, title=f"{long_title}{n}") for n in range(7)))
    response = client.get("/my/api/search/", {"q": "ရန်ကုန"})
    assert response.status_code == 200
    assert len(response.content) <= 2048
    assert response["Cache-Control"] == "public, max-age=60"
    answer = json.loads(response.content)
    assert 1 <= len(answer["results"]) <= 5
    assert answer["results"][0]["url"].startswith("/my/")
    assert not response.cookies


def test_live_search_finds_a_word_being_typed(client):
    indexed(factories.article(factories.section("News"), title="Earthquake in Mandalay"))
    answer = json.loads(client.get("/api/search/", {"q": "earthq"}).content)
    assert [r["title"] for r in answer["results"]] == ["Earthquake in Mandalay"]
    assert json.loads(client.get("/api/search/", {"q": "zzyzx"}).content) == {"results": []}


@override_settings(MASTHEAD_SEARCH_LIVE_PER_MINUTE=3)
def test_live_search_refuses_a_client_over_its_rate_with_a_clear_429(client):
    for _ in range(3):
        assert client.get("/api/search/", {"q": "flood"}).status_code == 200
    refused = client.get("/api/search/", {"q": "flood"})
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) >= 1
    assert "Too many searches" in json.loads(refused.content)["error"]
    other_reader = client.get("/api/search/", {"q": "flood"}, REMOTE_ADDR="192.0.2.7")
    assert other_reader.status_code == 200
