"""Every input from the committed hostile list gets a normal page or a 400 with a clear
message, on the search page of both editions and on the live endpoint; never a 500."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from django.test import Client, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from masthead.search.backends import Filters
from masthead.search.queries import live_results, search_stories
from masthead.search.query import QueryError, parse_query
from masthead.search.services import index_pages
from tests import factories

pytestmark = pytest.mark.django_db

HOSTILE = tomllib.loads((Path(__file__).parent / "hostile_inputs.toml").read_text("utf-8"))
QUERY_STRINGS = [
    *HOSTILE["inputs"],
    *(f"q={item['value'] * item['times']}" for item in HOSTILE["repeat"]),
]
ENDPOINTS = ["/search/", "/my/search/", "/api/search/", "/my/api/search/"]
CLEAR_MESSAGES = ("notice--error", '"error"')


@pytest.fixture
def indexed_story():
    story = factories.article(
        factories.section("News"),
        title="Flood and rain in the delta",
        body_text="The flood's waters rose; မြန်မာ rain fell.",
    )
    index_pages(page_ids=[story.pk])
    return story


@override_settings(MASTHEAD_SEARCH_LIVE_PER_MINUTE=100_000, MASTHEAD_SEARCH_PAGE_PER_MINUTE=100_000)
@pytest.mark.parametrize("query_string", QUERY_STRINGS, ids=lambda qs: qs[:40])
def test_hostile_input_gets_a_page_or_a_clear_400(indexed_story, query_string):
    client = Client()
    for endpoint in ENDPOINTS:
        response = client.get(f"{endpoint}?{query_string}")
        assert response.status_code in (200, 400), (endpoint, response.status_code)
        if response.status_code == 400:
            body = response.content.decode()
            assert any(marker in body for marker in CLEAR_MESSAGES), endpoint


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=120))
def test_any_text_is_searched_without_an_engine_error(indexed_story, text):
    try:
        query = parse_query(text, live=text.endswith("x"))
    except QueryError:
        return
    search_stories(query=query, filters=Filters())
    live_results(query=query, language="my")
