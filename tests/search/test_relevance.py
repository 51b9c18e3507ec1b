"""The committed relevance set against the demo newsroom, on whichever engine the suite runs
(CI runs it on SQLite FTS5 and on PostgreSQL): recall@10 of at least 0.95."""

from __future__ import annotations

from pathlib import Path

import pytest

from masthead.demo.loader import load_demo
from masthead.search.relevance import evaluate, load_cases
from masthead.search.services import rebuild_index

pytestmark = pytest.mark.django_db

RELEVANCE_SET = Path(__file__).parent / "relevance.toml"
TARGET_RECALL = 0.95


def test_the_relevance_set_is_big_enough_and_half_burmese():
    cases = load_cases(RELEVANCE_SET)
    burmese = [c for c in cases if any("\u1000" <= ch <= "\u109f" for ch in c.query)]
    assert len(cases) >= 60
    assert len(burmese) * 2 >= len(cases)
    assert {"zawgyi", "mixed-script", "english-inflection", "english-author", "burmese-tag"} <= {
        c.kind for c in cases
    }


def test_demo_stories_are_found_by_the_relevance_set():
    load_demo()
    rebuild_index()
    report = evaluate(load_cases(RELEVANCE_SET))
    missed = "\n".join(
        f"  {o.case.query!r}: wanted {o.case.expected}, got {o.found}" for o in report.misses()
    )
    assert report.recall_at_10 >= TARGET_RECALL, f"recall@10 {report.recall_at_10:.3f}\n{missed}"
