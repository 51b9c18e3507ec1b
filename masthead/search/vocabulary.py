"""The vocabulary: in how many indexed stories each engine term occurs.

Kept up to date as stories enter and leave the index (one statement each way), and read by
the query plan (plan.py): which English word forms occur at all, the most common words a
word being typed may become, and how rare each term is, for ranking. Both engines read the
same vocabulary, so they expand a query into the same terms.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import islice
from typing import Any

from django.db import connection

from masthead.search.models import SearchTerm
from masthead.search.terms import PAIR_JOINER

_CHUNK = 500
_HIGHEST = "\U0010ffff"


def _chunks(items: Iterable[Any], size: int = _CHUNK) -> Iterable[list[Any]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _table() -> str:
    return connection.ops.quote_name(SearchTerm._meta.db_table)


def add(counts: Mapping[str, int]) -> None:
    """Count these terms in this many more stories each."""
    table = _table()
    with connection.cursor() as cursor:
        for chunk in _chunks(sorted(counts.items())):  # sorted: the same lock order for all
            values = ", ".join(["(%s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} (term, documents) VALUES {values}"
                f" ON CONFLICT (term) DO UPDATE SET documents = {table}.documents"
                " + excluded.documents",
                [value for item in chunk for value in item],
            )


def remove(terms: Iterable[str]) -> None:
    """Count these terms in one story fewer each; forget those no story holds any more."""
    table = _table()
    with connection.cursor() as cursor:
        for chunk in _chunks(sorted(set(terms))):
            marks = ", ".join(["%s"] * len(chunk))
            cursor.execute(
                f"UPDATE {table} SET documents = documents - 1 WHERE term IN ({marks})", chunk
            )
            cursor.execute(f"DELETE FROM {table} WHERE term IN ({marks}) AND documents <= 0", chunk)


def clear() -> None:
    SearchTerm.objects.all().delete()


def counts(terms: Iterable[str]) -> dict[str, int]:
    """How many stories hold each of these terms (terms no story holds are left out)."""
    found: dict[str, int] = {}
    for chunk in _chunks(sorted(set(terms))):
        found.update(SearchTerm.objects.filter(term__in=chunk).values_list("term", "documents"))
    return found


def completions(prefix: str, *, limit: int) -> list[tuple[str, int]]:
    """The most common terms that start with ``prefix``, with their counts. A prefix of a
    pair (it holds the joiner) completes to pairs, any other to single tokens."""
    if connection.vendor == "sqlite":
        # SQLite's LIKE ignores case and cannot use the index; a range of strings can.
        terms = SearchTerm.objects.filter(term__gte=prefix, term__lt=prefix + _HIGHEST)
    else:
        # A range would follow the database's collation; LIKE 'prefix%' uses the index.
        terms = SearchTerm.objects.filter(term__startswith=prefix)
    if PAIR_JOINER not in prefix:
        terms = terms.exclude(term__contains=PAIR_JOINER)
    return list(terms.order_by("-documents", "term").values_list("term", "documents")[:limit])
