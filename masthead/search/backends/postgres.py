"""PostgreSQL full-text search when DATABASE_URL points at PostgreSQL.

Each story's tsvector sits in its SearchText row (column ``vector``, GIN index, added by the
migration), keyed like everything else by the story's key (keys.py). The vector is built
here, not by to_tsvector: the engine text (terms.py) is already cut into terms, and a text
search parser would cut Burmese again at its vowel signs in some locales. The terms go in
unchanged, as the ``simple`` configuration would leave them, each at its place in the
engine text, so phrases (pairs of Burmese tokens, quoted words) mean what they mean to
FTS5. Queries are tsquery values built here with every lexeme quoted.

The newest matches of a key range can be read two ways, and the plan's estimate of how
many stories match picks the cheaper: walking the primary key in order and testing each
story's vector (cheap when most stories match: it stops after a few hundred), or the GIN
index's bitmap of every match, then the newest of them (cheap when few match). The
planner's own estimate for a tsquery cannot tell the two apart well, so the choice is made
here and fixed for the query with SET LOCAL.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.db import connection, transaction

from masthead.search.models import SearchDocument, SearchTerm, SearchText
from masthead.search.plan import Clause, MatchPlan
from masthead.search.terms import SEPARATOR

#: PostgreSQL keeps positions up to this and at most this many per lexeme.
MAX_POSITION = 16383
MAX_POSITIONS_PER_LEXEME = 255
#: Reading one story's vector costs about this many bitmap entries (both measured on the
#: 100,000-story archive): the break-even of the two ways of reading the index.
VECTOR_COST = 4.0


def _table() -> str:
    return connection.ops.quote_name(SearchText._meta.db_table)


def _lexeme(term: str) -> str:
    return "'" + term.replace("\\", "\\\\").replace("'", "''") + "'"


def tsvector_literal(text: str) -> str:
    """The tsvector of an engine text, as tsvector input: each term at its place."""
    positions: dict[str, list[str]] = defaultdict(list)
    for position, term in enumerate(text.split(), start=1):
        if term == SEPARATOR:
            continue
        found = positions[term]
        if len(found) < MAX_POSITIONS_PER_LEXEME and position <= MAX_POSITION:
            found.append(str(position))
    return " ".join(
        f"{_lexeme(term)}:{','.join(found)}" if found else _lexeme(term)
        for term, found in positions.items()
    )


def _clause(clause: Clause) -> str:
    options = ["(" + " <-> ".join(map(_lexeme, option.terms)) + ")" for option in clause.options]
    return options[0] if len(options) == 1 else "(" + " | ".join(options) + ")"


def tsquery_literal(plan: MatchPlan) -> str:
    """The tsquery of a plan, every lexeme quoted."""
    parts = [_clause(clause) for clause in plan.required]
    parts += [_lexeme(term) for term in plan.facets]
    parts += ["!" + _clause(clause) for clause in plan.excluded]
    return " & ".join(parts)


def reads_in_key_order(plan: MatchPlan, stories: int, limit: int) -> bool:
    """Whether walking the keys in order costs less than the bitmap of every match."""
    share = max(plan.selectivity(), 1 / max(stories, 1))
    walked = min(stories, limit / share) * VECTOR_COST
    bitmap = share * stories * (VECTOR_COST if plan.has_phrases else 1.0)
    return walked < bitmap


class PostgresEngine:
    name = "postgresql"

    def store(self, rows: list[tuple[int, dict[str, Any], str]]) -> None:
        """In one INSERT with the vector (adding it by UPDATE would leave a dead copy of
        every row behind, doubling the table until vacuumed). The engine text is not kept:
        the vector holds the story's terms."""
        if not rows:
            return
        names = sorted(rows[0][1])
        columns = ", ".join(connection.ops.quote_name(name) for name in names)
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {_table()} (document_id, {columns}, vector)"
                f" VALUES (%s, {', '.join(['%s'] * len(names))}, %s::tsvector)",
                [
                    (
                        key,
                        *({**fields, "terms": b""}[name] for name in names),
                        tsvector_literal(text),
                    )
                    for key, fields, text in rows
                ],
            )

    def indexed_text(self, key: int) -> str | None:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT array_to_string(tsvector_to_array(vector), ' ') FROM {_table()}"
                " WHERE document_id = %s",
                [key],
            )
            row = cursor.fetchone()
        return None if row is None else row[0] or ""

    def forget(self, key: int, text: str) -> None:
        pass  # the vector lives in the SearchText row, deleted with the story's document

    def clear(self) -> None:
        pass

    def optimize(self) -> None:
        """Fresh statistics for the planner after a rebuild (autovacuum may be off)."""
        tables = [
            connection.ops.quote_name(model._meta.db_table)
            for model in (SearchText, SearchDocument, SearchTerm)
        ]
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {', '.join(tables)}")

    def keys_between(self, low: int, high: int) -> set[int]:
        found = SearchText.objects.filter(pk__gte=low, pk__lte=high)
        return set(found.values_list("pk", flat=True))

    def newest_matches(self, plan: MatchPlan, low: int, high: int, limit: int) -> list[int]:
        stories = sum(plan.edition_stories.values()) or plan.stories
        in_key_order = reads_in_key_order(plan, stories, limit)
        avoid = "enable_bitmapscan" if in_key_order else "enable_indexscan"
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL {avoid} = off; SET LOCAL enable_seqscan = off")
            cursor.execute(
                f"SELECT document_id FROM {_table()} WHERE vector @@ %s::tsquery"
                " AND document_id BETWEEN %s AND %s ORDER BY document_id LIMIT %s",
                [tsquery_literal(plan), low, high, limit],
            )
            found = [row[0] for row in cursor.fetchall()]
            # Inside a caller's transaction the settings would outlive this query.
            cursor.execute(f"SET LOCAL {avoid} = on; SET LOCAL enable_seqscan = on")
        return found

    def size_bytes(self) -> int | None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c"
                " JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE c.relkind = 'r' AND n.nspname = current_schema()"
                " AND c.relname LIKE %s",
                ["search\\_%"],
            )
            row = cursor.fetchone()
        return int(row[0]) if row and row[0] is not None else None
