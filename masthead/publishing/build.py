"""Whole-site work: rebuild every published file, or check every file against a fresh render.

Both split the site's URLs among worker processes (forked, so each starts with Django ready
and opens its own database connection) and report progress as they go.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import TypeVar

from django.db import connections

from masthead.core import memo
from masthead.publishing import store
from masthead.publishing.footprints import record_all
from masthead.publishing.generation import advance as advance_generation
from masthead.publishing.inventory import StoryAddresses, all_urls, live_stories, story_addresses
from masthead.publishing.priming import prime_chunk
from masthead.publishing.publisher import Outcome, publish_urls
from masthead.publishing.render import render
from masthead.publishing.volatile import without_volatile_regions

CHUNK = 200
Result = TypeVar("Result")
Progress = Callable[[int, int], None]


@dataclass
class BuildReport:
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    orphans_removed: int = 0
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return sum(self.outcomes.values())


def build_all(workers: int = 1, progress: Progress | None = None) -> BuildReport:
    """Render every URL of the site and remove every file that no longer has a page."""
    started = time.monotonic()
    advance_generation()  # whatever was kept in any process is read afresh
    addresses = all_story_addresses(workers)
    light_urls = {pk: found.light for pk, found in addresses.items()}
    record_all(light_urls)
    urls = all_urls(light_urls, {pk: found.url for pk, found in addresses.items()})
    report = BuildReport()
    for outcomes in _in_parallel(_publish_chunk, urls, workers, progress):
        report.outcomes.update(outcomes)
    wanted = set(urls)
    for url in list(store.published_urls()):
        if url not in wanted and store.remove(url):
            report.orphans_removed += 1
    report.seconds = time.monotonic() - started
    return report


def all_story_addresses(workers: int) -> dict[int, StoryAddresses]:
    """Every live story's own and light addresses, worked out by the workers in parallel."""
    story_ids = [str(pk) for pk in live_stories().values_list("pk", flat=True)]
    found: dict[int, StoryAddresses] = {}
    for addresses in _in_parallel(_addresses_chunk, story_ids, workers, None, chunk_size=2000):
        found.update(addresses)
    return found


def _addresses_chunk(story_ids: Sequence[str]) -> dict[int, StoryAddresses]:
    return story_addresses(int(pk) for pk in story_ids)


def _publish_chunk(urls: Sequence[str]) -> Counter[Outcome]:
    """Publish a chunk with its stories read in bulk beforehand, and what its renders read
    kept for the chunk alone (most pages of a build are rendered once)."""
    with memo.build_batch():
        prime_chunk(urls)
        return publish_urls(urls)


@dataclass
class Verification:
    stale: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    orphaned: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    checked: int = 0

    @property
    def ok(self) -> bool:
        return not (self.stale or self.missing or self.orphaned or self.failed)


def verify_all(workers: int = 1, progress: Progress | None = None) -> Verification:
    """Compare every file with a fresh render of its URL, volatile regions aside."""
    urls = all_urls()
    result = Verification()
    for found in _in_parallel(_verify_chunk, urls, workers, progress):
        result.stale += found.stale
        result.missing += found.missing
        result.failed += found.failed
        result.checked += found.checked
    wanted = set(urls)
    result.orphaned = sorted(url for url in store.published_urls() if url not in wanted)
    return result


def _verify_chunk(urls: Sequence[str]) -> Verification:
    found = Verification()
    for url in urls:
        found.checked += 1
        stored = store.read(url)
        fresh = render(url)
        if fresh.error or not fresh.is_page:
            # Every URL of the inventory is a page: one that fails or is gone is a fault
            # of the site, and any file it still has is stale.
            found.failed.append(url)
            if stored is not None and not fresh.error:
                found.stale.append(url)
        elif stored is None:
            found.missing.append(url)
        elif without_volatile_regions(stored) != without_volatile_regions(fresh.body):
            found.stale.append(url)
    return found


def _in_parallel(
    work: Callable[[Sequence[str]], Result],
    urls: list[str],
    workers: int,
    progress: Progress | None,
    chunk_size: int = CHUNK,
) -> Iterator[Result]:
    chunks = [urls[i : i + chunk_size] for i in range(0, len(urls), chunk_size)]
    done = 0
    if workers <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield work(chunk)
            done += len(chunk)
            if progress:
                progress(done, len(urls))
        return
    connections.close_all()  # each forked worker opens its own
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
        futures = {pool.submit(work, chunk): len(chunk) for chunk in chunks}
        for future in as_completed(futures):
            yield future.result()
            done += futures[future]
            if progress:
                progress(done, len(urls))


def progress_printer(write: Callable[[str], object]) -> Progress:
    """A Progress that writes "  done/total pages (rate/s)" at most every two seconds."""
    started = time.monotonic()
    shown = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if now - shown[0] < 2 and done < total:
            return
        shown[0] = now
        rate = done / max(now - started, 1e-6)
        write(f"  {done:,}/{total:,} pages ({rate:,.0f}/s)")

    return report


def default_workers() -> int:
    return os.cpu_count() or 1
