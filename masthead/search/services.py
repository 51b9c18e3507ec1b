"""Writes to the search index. The publisher's events reach these through tasks.py.

A story enters the index as a document row, its stored text, its row in the engine's index
and its terms in the vocabulary, all in one transaction; it leaves the same way, through
``forget_document``, which receivers.py calls before any document row is deleted (also when
a page is deleted and its document goes with it), because FTS5's contentless index and the
vocabulary need the terms the story went in with.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import datetime

from django.db import connection, connections, transaction

from masthead.journalism.models import ArticlePage
from masthead.search import keys, vocabulary
from masthead.search.backends import SearchEngine, engine
from masthead.search.documents import (
    IndexedStory,
    index_stories,
    stories_to_index,
)
from masthead.search.models import SearchDocument, SearchTerm, SearchText
from masthead.search.terms import distinct_terms

REINDEX_BATCH = 500


def _free_key(
    search_engine: SearchEngine, language: str, published_at: datetime, page_id: int
) -> int:
    """A key no document and no leftover engine row holds (keys.choose_key)."""
    first = keys.first_key_at(language, published_at)
    span = keys.SLOTS
    while True:
        last = first + span - 1
        taken = set(
            SearchDocument.objects.filter(key__range=(first, last)).values_list("key", flat=True)
        ) | search_engine.keys_between(first, last)
        if len(taken) < span:
            return keys.choose_key(language, published_at, page_id, taken)
        span *= 4


def _store(story: IndexedStory, search_engine: SearchEngine) -> None:
    """Index a story, in place of what the index held for it. Only the terms that changed
    are counted again in the vocabulary: a story edited and published again differs from
    its last version in a few words, not in the hundreds it holds."""
    before: set[str] = set()
    old = SearchDocument.objects.filter(page_id=story.page_id).values_list("key", flat=True)
    for key in old:
        text = search_engine.indexed_text(key)
        if text is not None:
            search_engine.forget(key, text)
            before = distinct_terms(text)
        _delete_rows(key)
    key = _free_key(search_engine, story.language, story.published_at, story.page_id)
    SearchDocument.objects.create(key=key, page_id=story.page_id, **story.document)
    search_engine.store([(key, story.stored, story.engine_text)])
    after = distinct_terms(story.engine_text)
    vocabulary.add(dict.fromkeys(after - before, 1))
    vocabulary.remove(before - after)


def _delete_rows(key: int) -> None:
    """A document's rows, without forgetting its terms (the caller did)."""
    with connection.cursor() as cursor:
        for model, column in ((SearchText, "document_id"), (SearchDocument, "key")):
            table = connection.ops.quote_name(model._meta.db_table)
            column = connection.ops.quote_name(column)
            cursor.execute(f"DELETE FROM {table} WHERE {column} = %s", [key])


@transaction.atomic
def index_pages(*, page_ids: Iterable[int]) -> int:
    """Index these pages if they are live stories; take them out of the index otherwise.
    Returns how many were indexed."""
    wanted = set(page_ids)
    search_engine = engine()
    indexed = 0
    for story in index_stories(stories_to_index(wanted)):
        _store(story, search_engine)
        wanted.discard(story.page_id)
        indexed += 1
    if wanted:
        _remove(wanted)
    return indexed


@transaction.atomic
def remove_pages(*, page_ids: Iterable[int]) -> None:
    _remove(set(page_ids))


def _remove(page_ids: set[int]) -> None:
    SearchDocument.objects.filter(page_id__in=page_ids).delete()


def forget_document(document: SearchDocument) -> None:
    """Take a document's terms out of the engine's index and the vocabulary, before its
    rows are deleted."""
    search_engine = engine()
    text = search_engine.indexed_text(document.key)
    if text is not None:
        search_engine.forget(document.key, text)
        vocabulary.remove(distinct_terms(text))


@dataclass(frozen=True)
class ReindexReport:
    indexed: int
    seconds: float


@dataclass(frozen=True)
class _Chunk:
    asked: int  # stories asked for (some may have been unpublished since)
    stories: list[IndexedStory]
    terms: Counter[str]  # in how many of these stories each term occurs


def _index_chunk(page_ids: Sequence[int]) -> _Chunk:
    stories = list(index_stories(stories_to_index(page_ids)))
    terms: Counter[str] = Counter()
    for story in stories:
        terms.update(distinct_terms(story.engine_text))
    return _Chunk(len(page_ids), stories, terms)


def _chunks(page_ids: list[int], workers: int) -> Iterator[_Chunk]:
    batches = [page_ids[i : i + REINDEX_BATCH] for i in range(0, len(page_ids), REINDEX_BATCH)]
    if workers <= 1 or len(batches) <= 1:
        yield from map(_index_chunk, batches)
        return
    connections.close_all()  # each forked worker opens its own
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        # A few batches ahead of the writer, in order, so memory stays bounded.
        pending: deque[Future[_Chunk]] = deque()
        for batch in batches:
            pending.append(pool.submit(_index_chunk, batch))
            if len(pending) > 2 * workers:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def _empty_index(search_engine: SearchEngine) -> None:
    """Everything out at once: no need to forget stories one by one. (PostgreSQL's
    TRUNCATE also gives the space back, where DELETE would leave every old row behind.)"""
    search_engine.clear()
    tables = [
        connection.ops.quote_name(model._meta.db_table)
        for model in (SearchText, SearchDocument, SearchTerm)
    ]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"TRUNCATE {', '.join(tables)}")
        else:
            for table in tables:
                cursor.execute(f"DELETE FROM {table}")


def rebuild_index(
    *, progress: Callable[[int, int], None] | None = None, workers: int = 1
) -> ReindexReport:
    """Empty the index and index every live story again, in batches, each its own
    transaction (readers keep searching while it runs). ``workers`` processes read and
    cut the stories while this one writes; more than one only outside a transaction."""
    started = time.monotonic()
    search_engine = engine()
    with transaction.atomic():
        _empty_index(search_engine)
    ids = list(ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True))
    taken: set[int] = set()
    terms: Counter[str] = Counter()
    done = 0
    for chunk in _chunks(ids, workers):
        rows = []
        for story in chunk.stories:
            key = keys.choose_key(story.language, story.published_at, story.page_id, taken)
            taken.add(key)
            rows.append((key, story))
        rows.sort(key=lambda row: row[0])
        with transaction.atomic():
            SearchDocument.objects.bulk_create(
                [SearchDocument(key=key, page_id=s.page_id, **s.document) for key, s in rows]
            )
            search_engine.store([(key, s.stored, s.engine_text) for key, s in rows])
        terms.update(chunk.terms)
        done += chunk.asked
        if progress is not None:
            progress(done, len(ids))
    with transaction.atomic():
        vocabulary.add(terms)
    search_engine.optimize()
    return ReindexReport(indexed=len(taken), seconds=time.monotonic() - started)
