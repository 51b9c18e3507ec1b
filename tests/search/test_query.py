"""The query pipeline: what readers type becomes quoted tokens, never engine syntax."""

from __future__ import annotations

import pytest

from masthead.search import vocabulary
from masthead.search.backends.postgres import tsquery_literal, tsvector_literal
from masthead.search.backends.sqlite_fts5 import match_expression
from masthead.search.plan import build_plan
from masthead.search.query import MAX_QUERY_LENGTH, QueryError, parse_query
from masthead.search.terms import engine_text, phrase_terms


def test_burmese_words_become_syllable_phrases():
    query = parse_query("စစ်ကိုင်း")
    assert [p.tokens for p in query.required] == [("စစ်", "ကိုင်း")]


def test_zawgyi_queries_are_converted_before_searching():
    assert parse_query("စစ္ကိုင္း").required == parse_query("စစ်ကိုင်း").required


def test_english_words_match_their_inflected_forms_unless_quoted():
    unquoted = parse_query("villages").required[0]
    assert {"village", "villages", "villager"} <= set(unquoted.forms)
    assert parse_query('"villages"').required[0].forms == ()


def test_quotes_make_a_phrase_and_a_minus_excludes():
    query = parse_query('"power cuts" -generator')
    assert [p.tokens for p in query.required] == [("power", "cuts")]
    assert [p.tokens for p in query.excluded] == [("generator",)]


def test_curly_quotes_and_the_minus_sign_typed_on_phones_work_too():
    query = parse_query("“power cuts” −generator")
    assert [p.tokens for p in query.required] == [("power", "cuts")]
    assert [p.tokens for p in query.excluded] == [("generator",)]


def test_only_the_last_word_being_typed_is_a_prefix():
    query = parse_query("mandalay earthq", live=True)
    assert [p.prefix for p in query.required] == [False, True]
    assert not parse_query("mandalay earthq ", live=True).required[-1].prefix
    assert not parse_query("mandalay earthq").required[-1].prefix


def test_possessives_are_found_by_the_word():
    assert parse_query("ASEAN's").required[0].tokens == ("asean", "s")


def test_a_query_of_exclusions_only_is_empty():
    assert parse_query("-flood").is_empty
    assert parse_query("   ").is_empty


def test_long_queries_are_refused_with_a_reason():
    with pytest.raises(QueryError):
        parse_query("a" * (MAX_QUERY_LENGTH + 1))


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    ['flood" OR "x', "NEAR(a b)", "a AND b", "x*", "a:b", "^a", "(a", "' OR 1=1 --", "a\\'b"],
)
def test_operators_typed_by_readers_stay_inside_quoted_tokens(typed):
    query = parse_query(typed)
    typed_tokens = [t for p in query.required for t in p.tokens]
    vocabulary.add(dict.fromkeys(typed_tokens, 1))  # every word occurs somewhere
    plan = build_plan(query)
    fts = match_expression(plan) if not plan.matches_nothing else ""
    pg = tsquery_literal(plan) if not plan.matches_nothing else ""
    for token in typed_tokens:
        assert f'"{token}"' in fts or token in fts
        assert f"'{token}'" in pg or token.replace("'", "''") in pg
    # Every double quote in the FTS5 expression pairs up: nothing escapes a string.
    assert fts.count('"') % 2 == 0


def test_the_tsvector_keeps_each_term_at_its_place_and_fields_apart():
    text = engine_text([["flood"], ["rain"], ["o'clock"], []], ["။len"])
    assert tsvector_literal(text) == "'flood':1 'rain':3 'o''clock':5 '။len':8"


def test_burmese_words_are_searched_as_their_pairs():
    assert phrase_terms(("စစ်", "ကိုင်း")) == ("စစ်၊ကိုင်း",)
    assert phrase_terms(("covid", "19")) == ("covid", "19")


@pytest.mark.parametrize(
    "text",
    [
        "ကိုးလအတွင်း စစ်ကောင်စီဘက်မှ ၂,၀၀၀ ကျော် တပ်ခွဲထွက်၊ လက်နက်ချ",
        "ယောက်ျား ၎င်း၏ မန္တလေး ကင်္ဘာ ဿ ဉာဏ်",
        "COVID-19 ကာလ၊ ASEAN's Five-Point Consensus; 1,000.5 kyat",
        "စစ္ကိုင္းတိုင္း ေက်းရြာ",  # Zawgyi: takes index_text's path and is converted
    ],
)
def test_stored_text_gets_the_same_tokens_as_index_text_gives(text):
    from masthead.search.tokens import stored_text_tokens, tokens

    assert stored_text_tokens(text) == tokens(text)


def test_demo_stories_get_the_same_tokens_on_the_fast_path():
    from masthead.demo import content
    from masthead.search.tokens import stored_text_tokens, tokens

    authors = {author.key for author in content.load_authors()}
    for language in ("en", "my"):
        for story in content.load_articles(language, authors):
            for text in (story.headline, story.standfirst, story.body):
                assert stored_text_tokens(text) == tokens(text), story.key
