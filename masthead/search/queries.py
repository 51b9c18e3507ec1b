"""Reads for the search page and live search: plain dataclasses for their templates.

A search asks the engine for the newest stories that match in each edition searched (at
most MAX_RESULTS + 1, or LIVE_CANDIDATES while typing), merges the editions newest first,
and, for best match, ranks those (ranking.py). The count is the number found, so beyond
MAX_RESULTS the page says "more than 200", and best match is the best of the newest
MAX_RESULTS + 1 matches: the work is bounded however common the words are.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from masthead.search import keys
from masthead.search.backends import Filters, engine
from masthead.search.documents import decompress
from masthead.search.models import SearchDocument, SearchText
from masthead.search.plan import MatchPlan, build_plan
from masthead.search.query import SearchQuery
from masthead.search.ranking import rank
from masthead.search.snippets import snippet
from masthead.search.terms import facet

RESULTS_PER_PAGE = 10
#: Results are counted up to this; the pages go no further.
MAX_RESULTS = 200
MAX_PAGE = MAX_RESULTS // RESULTS_PER_PAGE
LIVE_RESULTS = 5
#: Live search ranks the newest this many matches.
LIVE_CANDIDATES = 100


@dataclass
class SearchResult:
    url: str
    headline: str
    snippet: SafeString
    section: str
    published_at: datetime
    authors: list[str]
    language: str


@dataclass
class SearchResults:
    query: SearchQuery
    results: list[SearchResult] = field(default_factory=list)
    total: int = 0
    more: bool = False  # more than MAX_RESULTS
    page: int = 1

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // RESULTS_PER_PAGE))

    @property
    def previous_page(self) -> int | None:
        return self.page - 1 if self.page > 1 else None

    @property
    def next_page(self) -> int | None:
        return self.page + 1 if self.page < self.pages else None


def _author_names(authors: list[dict[str, str]]) -> list[str]:
    burmese = get_language() == "my"
    return [(a.get("name_my") if burmese else "") or a.get("name", "") for a in authors]


def _facets(filters: Filters) -> list[str]:
    found = []
    if filters.section_id:
        found.append(facet("s", filters.section_id))
    if filters.author_id:
        found.append(facet("a", filters.author_id))
    return found


def newest_matches(plan: MatchPlan, filters: Filters, limit: int) -> list[int]:
    """Keys of the newest stories the plan matches in the editions searched, newest
    first, at most ``limit``."""
    if plan.matches_nothing:
        return []
    languages = [filters.language] if filters.language else [c for c, _ in settings.LANGUAGES]
    search_engine = engine()
    found = []
    for language in languages:
        low, high = keys.edition_range(
            language, since=filters.published_from, before=filters.published_before
        )
        if low <= high and plan.edition_stories.get(language, 1):
            found.append(search_engine.newest_matches(plan, low, high, limit))
    merged = heapq.merge(*found, key=keys.age_order)
    return [key for key, _ in zip(merged, range(limit), strict=False)]


def _best_first(plan: MatchPlan, found: list[int]) -> list[int]:
    ranking = SearchDocument.objects.filter(key__in=found).values_list("key", "ranking")
    return rank(ranking, plan)


def best_matches(query: SearchQuery, filters: Filters, *, candidates: int) -> list[int]:
    """Keys of the best matches among the newest ``candidates`` matches, best first."""
    if query.is_empty:
        return []
    plan = build_plan(query, facets=_facets(filters))
    return _best_first(plan, newest_matches(plan, filters, candidates))


def search_stories(
    *, query: SearchQuery, filters: Filters, newest_first: bool = False, page: int = 1
) -> SearchResults:
    """One page of results, best first (or newest first), with snippets."""
    if query.is_empty:
        return SearchResults(query=query, page=page)
    plan = build_plan(query, facets=_facets(filters))
    found = newest_matches(plan, filters, MAX_RESULTS + 1)
    ordered = found if newest_first else _best_first(plan, found)
    shown = ordered[(page - 1) * RESULTS_PER_PAGE : page * RESULTS_PER_PAGE]
    documents = SearchDocument.objects.in_bulk(shown)
    texts = dict(SearchText.objects.filter(pk__in=shown).values_list("pk", "text"))
    results = [
        _result(documents[key], plan, texts.get(key, b"")) for key in shown if key in documents
    ]
    return SearchResults(
        query=query,
        results=results,
        total=min(len(found), MAX_RESULTS),
        more=len(found) > MAX_RESULTS,
        page=page,
    )


def _result(document: SearchDocument, plan: MatchPlan, text: bytes | memoryview) -> SearchResult:
    return SearchResult(
        url=document.url,
        headline=document.headline,
        snippet=snippet(decompress(text), plan, fallback=document.standfirst),
        section=document.section_title,
        published_at=document.published_at,
        authors=_author_names(document.authors),
        language=document.language,
    )


@dataclass
class LiveResult:
    headline: str
    url: str
    published_at: datetime


def live_results(*, query: SearchQuery, language: str) -> list[LiveResult]:
    """The top few stories of an edition for a query being typed."""
    if query.is_empty:
        return []
    plan = build_plan(query)
    found = newest_matches(plan, Filters(language=language), LIVE_CANDIDATES)
    rows = {
        row[0]: row
        for row in SearchDocument.objects.filter(key__in=found).values_list(
            "key", "ranking", "headline", "url", "published_at"
        )
    }
    best = rank(((key, row[1]) for key, row in rows.items()), plan)[:LIVE_RESULTS]
    return [
        LiveResult(headline=rows[key][2], url=rows[key][3], published_at=rows[key][4])
        for key in best
    ]
