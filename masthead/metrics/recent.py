"""Audience figures read at most once a minute in each process.

View counts, Most read, Trending and Similar picks change without a publish: templates show
them in volatile regions, which published files refresh every few minutes. Every reader page
shows some of them, so reading them afresh for each page Django renders was half of its
queries. A figure kept here is at most FRESH_SECONDS old:

- folding views in this process forgets every figure at once, so the process that folds (and
  then refreshes the published pages) renders what it has just counted;
- a change of content forgets them too (they are kept under the content generation,
  masthead/core/memo.py), so an unpublished story leaves Most read with its page.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable, Mapping
from typing import TypeVar

from masthead.core import memo

T = TypeVar("T")
FRESH_SECONDS = 60
_folds = [0]


def kept(key: tuple[Hashable, ...], read: Callable[[], T]) -> T:
    """`read()`, or its answer for `key` earlier in this minute of this process."""
    return memo.remembered(_full_key(key), read)


def keep_for_batch(values: Mapping[tuple[Hashable, ...], object]) -> None:
    """Figures read in bulk for a batch of renders (a build chunk), where `kept` finds
    them for the rest of the chunk (elsewhere: this minute)."""
    memo.keep_for_batch({_full_key(key): value for key, value in values.items()})


def _full_key(key: tuple[Hashable, ...]) -> tuple[Hashable, ...]:
    # A build chunk keeps what it reads for its few seconds alone: the figures it read in
    # bulk serve all its renders, even across the turn of a minute.
    when = "chunk" if memo.in_build_batch() else int(time.monotonic() // FRESH_SECONDS)
    return ("audience", _folds[0], when, *key)


def forget() -> None:
    """New views were folded: read every figure afresh."""
    _folds[0] += 1
