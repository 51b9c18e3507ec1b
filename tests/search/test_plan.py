"""Keys, engine text and the match plan: what both engines are asked, built the same way."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from masthead.search import keys, vocabulary
from masthead.search.plan import build_plan
from masthead.search.query import parse_query
from masthead.search.ranking import rank, ranking_text
from masthead.search.terms import SEPARATOR, distinct_terms, engine_text, facet, is_facet

NOON = datetime(2025, 3, 28, 12, 0, tzinfo=UTC)


def test_newer_stories_get_smaller_keys_within_their_edition():
    older = keys.first_key_at("en", NOON - timedelta(minutes=1))
    newer = keys.first_key_at("en", NOON)
    assert newer < older
    low, high = keys.edition_range("en")
    assert low <= newer < older <= high
    burmese_low, _ = keys.edition_range("my")
    assert high < burmese_low


def test_a_date_range_is_a_key_range_with_exact_ends():
    low, high = keys.edition_range("en", since=NOON, before=NOON + timedelta(days=1))
    inside = [NOON, NOON + timedelta(hours=23, minutes=59, seconds=59)]
    outside = [NOON - timedelta(seconds=1), NOON + timedelta(days=1)]
    for moment in inside:
        assert low <= keys.choose_key("en", moment, 7, set()) <= high
    for moment in outside:
        assert not low <= keys.choose_key("en", moment, 7, set()) <= high


def test_stories_of_the_same_minute_get_different_keys_and_keep_theirs():
    taken: set[int] = set()
    for page_id in range(40):
        taken.add(keys.choose_key("my", NOON, page_id, taken))
    assert len(taken) == 40
    assert keys.choose_key("my", NOON, 3, set()) == keys.choose_key("my", NOON, 3, set())


def test_the_engine_text_holds_fields_then_burmese_pairs_then_facets():
    text = engine_text(
        [["ရန်", "ကုန်", "flood"], ["မြို့", "တော်"], [], []], [facet("l", "my"), facet("s", 4)]
    )
    terms = text.split()
    assert terms[:4] == ["ရန်", "ကုန်", "flood", SEPARATOR]
    assert "ရန်\u104aကုန်" in terms and "မြို့\u104aတော်" in terms
    assert "ကုန်\u104aflood" not in " ".join(terms)  # pairs are Burmese only
    assert terms[-2:] == [f"{SEPARATOR}lmy", f"{SEPARATOR}s4"]
    assert SEPARATOR not in distinct_terms(text)
    assert {t for t in distinct_terms(text) if is_facet(t)} == {f"{SEPARATOR}lmy", f"{SEPARATOR}s4"}


@pytest.mark.django_db
def test_english_words_stand_only_for_forms_that_occur():
    vocabulary.add({"village": 3, "villages": 2, "flood": 1})
    clause = build_plan(parse_query("villages")).required[0]
    assert {option.terms for option in clause.options} == {("village",), ("villages",)}
    assert build_plan(parse_query("villages zzyzx")).matches_nothing


@pytest.mark.django_db
def test_a_word_being_typed_stands_for_its_most_common_completions():
    vocabulary.add({"earthquake": 9, "earthquakes": 4, "earth": 20, "early": 30})
    clause = build_plan(parse_query("earthq", live=True)).required[0]
    assert [option.terms for option in clause.options] == [("earthquake",), ("earthquakes",)]


@pytest.mark.django_db
def test_a_burmese_word_being_typed_completes_its_last_pair():
    vocabulary.add({"ရန်\u104aကုန်": 5, "ရန်\u104aကုန်း": 1, "ကုန်": 8})
    clause = build_plan(parse_query("ရန်ကု", live=True)).required[0]
    assert ("ရန်\u104aကုန်",) in {option.terms for option in clause.options}
    assert ("ရန်", "ကုန်") in {option.words for option in clause.options}


@pytest.mark.django_db
def test_a_headline_match_ranks_above_a_body_match_and_ties_go_to_the_newest():
    vocabulary.add({"flood": 2, facet("l", "en"): 10})
    plan = build_plan(parse_query("flood"))
    body_only = ranking_text(["rain"], [], [])
    in_headline = ranking_text(["flood", "warning"], [], [])
    assert rank([(1, body_only), (2, in_headline), (0, body_only)], plan) == [2, 0, 1]
