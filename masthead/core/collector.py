"""Python's cycle collector, set for processes that render pages.

Rendering a page makes tens of thousands of short-lived objects. By default the collector
runs every 700 of them, and each run goes over everything Django and Wagtail loaded at
start-up too. Frozen start-up objects are left out of every later run (and, in forked
workers, their memory pages stay shared), and a first threshold of 20,000 makes runs rarer.
Rendering a full build's story chunks, files aside, went from about 345 to about 395 pages
a second on two workers with a threshold of 10,000; 20,000 took a chunk of 100 stories'
collections from 35 to 15 ms (bench/full_rebuild.py measures the whole build).
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

THRESHOLDS = (20_000, 50, 100)


def settle_for_rendering() -> None:
    """Freeze what is loaded now and make collections rarer, for the rest of the process."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(*THRESHOLDS)


@contextlib.contextmanager
def settled_for_rendering() -> Iterator[None]:
    """`settle_for_rendering` for a while (forked workers inherit it), then as before."""
    before = gc.get_threshold()
    settle_for_rendering()
    try:
        yield
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()
