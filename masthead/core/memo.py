"""Reads shared by many renders.

Every reader page shows the same menu, footer and edition settings; rendering them again for
each request or each published file is most of what a page costs. They are kept here, keyed
by the *content generation*: a token that every change to what reader pages show replaces
(masthead/publishing/generation.py keeps it in the database and replaces it in the same
transaction as the change). A request reads the token once, on its first shared read; a
change committed after that is seen by the next request, never by half of this one. Values
kept under an older token are dropped, so nothing stale is ever served.

Inside `shared_reads()` (a batch of renders) the first answer is kept for the rest of the
batch, without asking for the token again (inside a build chunk: for the rest of the chunk).
Without a source for the token (nothing registered, or it cannot say) every read is fresh.

Inside `build_batch()` (a chunk of a full build) what renders read is kept for the chunk
only, still under the token each render reads: a build renders most pages once, so keeping
their reads for the process would only push out the menus and footers every page shows.
Values read in bulk for the whole chunk are put there beforehand (`keep_for_batch`).

A value kept here is shared by every thread of the process: keep strings, tuples and
objects that renders only read. A key must name everything the value depends on apart from
the content (language, host, year...).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, TypeVar

T = TypeVar("T")
GenerationSource = Callable[[], "str | None"]

# Enough for both editions' menus, footers and settings and the bodies of the stories being
# read most; when full it starts again empty rather than tracking what was used last.
PROCESS_LIMIT = 2000

_shared: ContextVar[dict[Hashable, Any] | None] = ContextVar("masthead_shared_reads", default=None)
_OUTSIDE, _UNREAD = object(), object()
_request_generation: ContextVar[object] = ContextVar("masthead_generation", default=_OUTSIDE)
_source: list[GenerationSource] = []
_lock = threading.Lock()
_process_generation: str | None = None
_process_store: dict[Hashable, Any] = {}


@dataclass
class _Batch:
    """What one chunk of a build has read, valid under `generation` only."""

    generation: str | None = None
    values: dict[Hashable, Any] = field(default_factory=dict)

    def under(self, generation: str) -> dict[Hashable, Any]:
        if self.generation != generation:
            self.generation, self.values = generation, {}
        return self.values


_batch: ContextVar[_Batch | None] = ContextVar("masthead_build_batch", default=None)


def set_generation_source(source: GenerationSource | None) -> None:
    """Where the current content generation is read from (None: nowhere, nothing kept)."""
    _source[:] = [source] if source is not None else []
    forget_process_reads()


def begin_request() -> None:
    """A new request, or a new render: the generation is read again on its first shared
    read."""
    _request_generation.set(_UNREAD)


def end_request() -> None:
    _request_generation.set(_OUTSIDE)


@contextlib.contextmanager
def request_scope() -> Iterator[None]:
    """One render outside a server's request cycle (the publisher's)."""
    token = _request_generation.set(_UNREAD)
    try:
        yield
    finally:
        _request_generation.reset(token)


def content_changed() -> None:
    """This transaction changed content: its own later reads must not use what was kept."""
    if _request_generation.get() is not _OUTSIDE:
        _request_generation.set(_UNREAD)


def current_generation() -> str | None:
    """The generation this request works from: read once, on first use; None outside a
    request."""
    known = _request_generation.get()
    if known is _OUTSIDE:
        return None
    if known is _UNREAD:
        known = _source[0]() if _source else None
        _request_generation.set(known)
    return known  # type: ignore[return-value]


def forget_process_reads() -> None:
    global _process_generation, _process_store
    with _lock:
        _process_generation, _process_store = None, {}


@contextlib.contextmanager
def shared_reads() -> Iterator[None]:
    if _batch.get() is not None:  # inside a build chunk: kept for the chunk's renders too
        with request_scope():
            yield
        return
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


@contextlib.contextmanager
def build_batch() -> Iterator[None]:
    """Renders of one chunk of a full build: what they read is kept until the chunk ends."""
    token = _batch.set(_Batch())
    try:
        yield
    finally:
        _batch.reset(token)


def in_build_batch() -> bool:
    """Whether this is a render of a full build's chunk."""
    return _batch.get() is not None


def read_ahead_in_build(key: Hashable, *, ahead: Callable[[], T], alone: Callable[[], T]) -> T:
    """What one page shows. In a build chunk, `ahead()`: a read of this page's rows together
    with those of the pages the chunk renders next (it keeps theirs with `keep_for_batch`),
    remembered for the chunk under `key`. Anywhere else, `alone()`: a request renders one
    page, and a read for pages nobody asked for would only cost it."""
    if not in_build_batch():
        return alone()
    return remembered(key, ahead)


def keep_for_batch(values: Mapping[Hashable, Any]) -> None:
    """Put values read in bulk where this batch's reads will find them: a `shared_reads()`
    batch's, or a build chunk's under the current generation (a render that finds another
    generation reads afresh). Outside a batch nothing is kept."""
    shared = _shared.get()
    if shared is not None:
        shared.update(values)
        return
    batch = _batch.get()
    if batch is None:
        return
    with request_scope():
        generation = current_generation()
    if generation is not None:
        batch.under(generation).update(values)


def remembered(key: Hashable, read: Callable[[], T], *, across_chunks: bool = False) -> T:
    """`read()`, or the answer it gave for `key` earlier in this batch or under the current
    content generation. `across_chunks`: a value many chunks of a build read (a long
    listing's story ids), kept for the process even during a build."""
    batch = _shared.get()
    if batch is not None:
        if key not in batch:
            batch[key] = read()
        value: T = batch[key]
        return value
    generation = current_generation()
    if generation is None:
        return read()
    build = _batch.get()
    if build is not None and not across_chunks:
        return _remembered_for_build(build.under(generation), generation, key, read)
    store = _store_for(generation)
    try:
        kept: T = store[key]
        return kept
    except KeyError:
        pass
    fresh = read()
    store[key] = fresh
    return fresh


def _remembered_for_build(
    chunk: dict[Hashable, Any], generation: str, key: Hashable, read: Callable[[], T]
) -> T:
    """Kept for the chunk; what the process already keeps is used but not added to."""
    if key in chunk:
        value: T = chunk[key]
        return value
    process = _store_for(generation)
    if key in process:
        kept: T = process[key]
        return kept
    fresh = chunk[key] = read()
    return fresh


def _store_for(generation: str) -> dict[Hashable, Any]:
    global _process_generation, _process_store
    with _lock:
        if _process_generation != generation or len(_process_store) >= PROCESS_LIMIT:
            _process_generation, _process_store = generation, {}
        return _process_store
