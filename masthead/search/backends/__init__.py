"""One interface over two engines: SQLite FTS5 (the embedded default) and PostgreSQL
full-text search. Both index the same engine text (terms.py) under the same keys (keys.py)
and render the same match plan (plan.py), quoting every term, so they find the same
stories. An engine only finds: the newest matching stories of a key range, at most a
given number; ranking, counting and paging are done above it (queries.py, ranking.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Protocol

from django.db import connection

from masthead.search.plan import MatchPlan


@dataclass(frozen=True)
class Filters:
    language: str | None = None  # None: both editions
    section_id: int | None = None  # stories filed below this section or also listed in it
    author_id: int | None = None
    published_from: datetime | None = None
    published_before: datetime | None = None


class SearchEngine(Protocol):
    name: str

    def store(self, rows: list[tuple[int, dict[str, Any], str]]) -> None:
        """Store (key, SearchText fields, engine text) rows: each story's stored text and
        its entry in the engine's index."""

    def indexed_text(self, key: int) -> str | None:
        """The terms a story is indexed with, space-separated (on SQLite, the engine text
        it went in with, as FTS5 needs it to forget the story)."""

    def forget(self, key: int, text: str) -> None:
        """Take a story out of the index (``text``: what it was indexed with)."""

    def clear(self) -> None: ...

    def optimize(self) -> None: ...

    def keys_between(self, low: int, high: int) -> set[int]:
        """Keys the engine holds in this range (to give a new story a free one)."""

    def newest_matches(self, plan: MatchPlan, low: int, high: int, limit: int) -> list[int]:
        """The keys in [low, high] of the stories the plan matches, ascending (newest
        first), at most ``limit``."""

    def size_bytes(self) -> int | None: ...


def engine() -> SearchEngine:
    """The engine of the database in use."""
    if connection.vendor == "postgresql":
        from masthead.search.backends.postgres import PostgresEngine

        return PostgresEngine()
    from masthead.search.backends.sqlite_fts5 import SqliteFts5Engine

    return SqliteFts5Engine()
