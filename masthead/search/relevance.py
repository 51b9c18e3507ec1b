"""The relevance set: queries a reader types and the demo stories each must find.

Used by tests/search/test_relevance.py (on both engines, in CI) and
bench/search_relevance.py (which prints recall@10 and MRR). Stories are named by their
demo slug (masthead/demo/content/*.toml keys).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from masthead.search.backends import Filters
from masthead.search.models import SearchDocument
from masthead.search.queries import LIVE_CANDIDATES, MAX_RESULTS, best_matches
from masthead.search.query import parse_query

TOP = 10


@dataclass(frozen=True)
class Case:
    query: str
    expected: tuple[str, ...]
    edition: str | None  # None: both editions
    kind: str
    live: bool = False


@dataclass
class Outcome:
    case: Case
    found: list[str]  # slugs, best first

    @property
    def recall(self) -> float:
        top = set(self.found[:TOP])
        return sum(slug in top for slug in self.case.expected) / len(self.case.expected)

    @property
    def reciprocal_rank(self) -> float:
        for rank, slug in enumerate(self.found[:TOP], start=1):
            if slug in self.case.expected:
                return 1 / rank
        return 0.0


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    @property
    def recall_at_10(self) -> float:
        return sum(o.recall for o in self.outcomes) / max(len(self.outcomes), 1)

    @property
    def mrr(self) -> float:
        return sum(o.reciprocal_rank for o in self.outcomes) / max(len(self.outcomes), 1)

    def misses(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.recall < 1]


def load_cases(path: Path) -> list[Case]:
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    return [
        Case(
            query=item["q"],
            expected=tuple(item["find"]),
            edition=item.get("edition") or None,
            kind=item.get("kind", ""),
            live=item.get("live", False),
        )
        for item in data["query"]
    ]


def evaluate(cases: list[Case]) -> Report:
    """Each case searched as the search page (or, for live cases, the header box) ranks
    its results."""
    slugs = dict(SearchDocument.objects.values_list("key", "page__slug"))
    report = Report()
    for case in cases:
        found = best_matches(
            parse_query(case.query, live=case.live),
            Filters(language=case.edition),
            candidates=LIVE_CANDIDATES if case.live else MAX_RESULTS + 1,
        )
        report.outcomes.append(Outcome(case, [slugs.get(key, "?") for key in found[:TOP]]))
    return report
