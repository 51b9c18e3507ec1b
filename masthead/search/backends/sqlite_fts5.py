"""SQLite FTS5 on the embedded default.

One contentless FTS5 table: each story is one row (rowid = its key, keys.py) of one column,
its engine text (terms.py). Contentless, because FTS5 would otherwise store a second copy of
that text; the text is kept compressed with the story instead and handed back to FTS5 when
the story leaves the index. No prefix indexes (each would hold every term's positions
again): a word being typed is completed from the vocabulary (plan.py).

FTS5's unicode61 tokenizer would split Burmese syllables at every vowel sign (Unicode marks
are separators to it), so it is told the Myanmar marks, and the two sentence marks that
build pairs, separators and facets, are token characters; the text it receives is already
cut into terms, so it only splits at the spaces. Diacritics are kept, as PostgreSQL keeps
them.

A query reads its matches in rowid order, which is newest first, and stops after the
number asked for: the cost is bounded however common the words are.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from masthead.search.documents import decompress
from masthead.search.models import SearchText
from masthead.search.plan import Clause, MatchPlan
from masthead.search.terms import PAIR_JOINER, SEPARATOR

FTS_TABLE = "search_fts"


def create_table_sql() -> str:
    from masthead.search.tokens import myanmar_token_characters

    token_characters = (myanmar_token_characters() + PAIR_JOINER + SEPARATOR).replace("'", "''")
    tokenizer = f"unicode61 remove_diacritics 0 tokenchars '{token_characters}'"
    return (
        f"CREATE VIRTUAL TABLE IF NOT EXISTS {FTS_TABLE} USING fts5("
        f"terms, content = '', tokenize = \"{tokenizer}\")"
    )


def _quoted(terms: tuple[str, ...]) -> str:
    """A phrase as an FTS5 string: inside double quotes nothing is an operator."""
    return '"' + " ".join(terms).replace('"', '""') + '"'


def _clause(clause: Clause) -> str:
    options = [_quoted(option.terms) for option in clause.options]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def match_expression(plan: MatchPlan) -> str:
    """The FTS5 MATCH expression of a plan: every term inside a double-quoted string."""
    parts = [_clause(clause) for clause in plan.required]
    parts += [_quoted((term,)) for term in plan.facets]
    expression = "(" + " AND ".join(parts) + ")"
    for clause in plan.excluded:
        expression += " NOT " + _clause(clause)
    return expression


class SqliteFts5Engine:
    name = "sqlite-fts5"

    def store(self, rows: list[tuple[int, dict[str, Any], str]]) -> None:
        SearchText.objects.bulk_create(
            [SearchText(document_id=key, **fields) for key, fields, _ in rows]
        )
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {FTS_TABLE} (rowid, terms) VALUES (%s, %s)",
                [(key, text) for key, _, text in rows],
            )

    def indexed_text(self, key: int) -> str | None:
        stored = SearchText.objects.filter(pk=key).values_list("terms", flat=True).first()
        return None if stored is None else decompress(stored)

    def forget(self, key: int, text: str) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rowid, terms) VALUES ('delete', %s, %s)",
                [key, text],
            )

    def clear(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('delete-all')")

    def optimize(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}) VALUES ('optimize')")

    def keys_between(self, low: int, high: int) -> set[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE rowid BETWEEN %s AND %s", [low, high]
            )
            return {row[0] for row in cursor.fetchall()}

    def newest_matches(self, plan: MatchPlan, low: int, high: int, limit: int) -> list[int]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
                " AND rowid BETWEEN %s AND %s ORDER BY rowid LIMIT %s",
                [match_expression(plan), low, high, limit],
            )
            return [row[0] for row in cursor.fetchall()]

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            try:
                cursor.execute(
                    "SELECT sum(pgsize) FROM dbstat WHERE name IN"
                    " (SELECT name FROM sqlite_master WHERE tbl_name LIKE %s ESCAPE '!')",
                    ["search!_%"],
                )
            except Exception:  # SQLite built without the dbstat table
                return None
            row = cursor.fetchone()
        return int(row[0]) if row and row[0] is not None else None
