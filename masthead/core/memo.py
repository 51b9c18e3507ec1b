"""Reads shared by many renders in a row.

Rendering a thousand pages, the publisher would read the same menu, footer and edition
settings a thousand times. Inside `shared_reads()` the first render's answer is kept for the
rest; outside it (a reader's request, the admin) every read is fresh.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Hashable, Iterator
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")
_shared: ContextVar[dict[Hashable, Any] | None] = ContextVar("masthead_shared_reads", default=None)


@contextlib.contextmanager
def shared_reads() -> Iterator[None]:
    token = _shared.set({})
    try:
        yield
    finally:
        _shared.reset(token)


def remembered(key: Hashable, read: Callable[[], T]) -> T:
    store = _shared.get()
    if store is None:
        return read()
    if key not in store:
        store[key] = read()
    value: T = store[key]
    return value
