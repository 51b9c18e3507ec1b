"""Whole-site work: rebuild every published file, or check every file against a fresh render.

Both split the site among worker processes (forked, so each starts with Django ready and
opens its own database connection) and report progress as they go.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from typing import Any

from django.db import connections
from django.utils import timezone

from masthead.core import memo
from masthead.core.collector import settled_for_rendering
from masthead.journalism.models import ArticlePage
from masthead.publishing import store
from masthead.publishing.footprints import record_all
from masthead.publishing.generation import advance as advance_generation
from masthead.publishing.inventory import StoryAddresses, all_urls
from masthead.publishing.priming import prime_chunk, prime_stories
from masthead.publishing.publisher import Outcome, publish_urls
from masthead.publishing.render import render
from masthead.publishing.tasks import drop_work_before
from masthead.publishing.volatile import without_volatile_regions

CHUNK = 200  # pages rendered by a worker between two reports
STORIES_PER_CHUNK = 100  # with their light parts, about CHUNK pages
Progress = Callable[[int, int], None]
Task = tuple[Callable[[Any], Any], Sequence[Any]]  # a chunk's work and what it is given


@dataclass
class BuildReport:
    outcomes: Counter[Outcome] = field(default_factory=Counter)
    orphans_removed: int = 0
    superseded: int = 0  # queued tasks and renders the build made moot
    seconds: float = 0.0

    @property
    def pages(self) -> int:
        return sum(self.outcomes.values())


@dataclass
class ChunkDone:
    """What a worker did with one chunk: its outcomes, and the addresses of its stories."""

    outcomes: Counter[Outcome]
    stories: dict[int, StoryAddresses] = field(default_factory=dict)
    items: int = 0  # stories or pages done, for the progress report
    files: list[str] = field(default_factory=list)  # the URLs with a file before the build


def build_all(workers: int = 1, progress: Progress | None = None) -> BuildReport:
    """Render every URL of the site, remove every file that no longer has a page and drop
    the queued work the build made moot (`tasks.drop_work_before`).

    Stories go to the workers by id, a chunk at a time: each worker works out its stories'
    addresses (cutting a long story into light parts measures it, and the render of those
    parts reuses the cutting) and renders them. Every other page goes by URL. `progress`
    counts stories (with their light parts) and other pages."""
    started, began = time.monotonic(), timezone.now()
    advance_generation()  # whatever was kept in any process is read afresh
    story_ids = list(ArticlePage.objects.live().order_by("path").values_list("pk", flat=True))
    other_urls = all_urls(with_stories=False)
    tasks: list[Task] = [(_files_before, ())]
    tasks += [
        (_publish_stories, story_ids[i : i + STORIES_PER_CHUNK])
        for i in range(0, len(story_ids), STORIES_PER_CHUNK)
    ]
    tasks += [(_publish_chunk, other_urls[i : i + CHUNK]) for i in range(0, len(other_urls), CHUNK)]
    report = BuildReport()
    stories: dict[int, StoryAddresses] = {}
    files: list[str] = []
    done, total = 0, len(story_ids) + len(other_urls)
    for chunk in _in_parallel(tasks, workers):
        report.outcomes.update(chunk.outcomes)
        stories.update(chunk.stories)
        files += chunk.files
        done += chunk.items
        if progress:
            progress(done, total)
    record_all(stories)
    wanted = set(other_urls)
    wanted.update(url for found in stories.values() for url in (found.url, *found.light) if url)
    for url in files:
        if url not in wanted and store.remove(url):
            report.orphans_removed += 1
    report.superseded = drop_work_before(began)
    report.seconds = time.monotonic() - started
    return report


def _files_before(_: Sequence[Any]) -> ChunkDone:
    """The URLs with a file in the tree as the build begins: those the build has no page for
    are orphans. Listed while the pages render (walking a tree of 700,000 files takes a
    core several seconds); what the build writes is wanted, and a file a publisher writes
    meanwhile is of a page published since, which the build must not take away."""
    return ChunkDone(Counter(), files=list(store.published_urls()))


def _publish_stories(story_ids: Sequence[int]) -> ChunkDone:
    """Publish these stories' own and light pages, with what their renders read read in
    bulk beforehand and kept for the chunk alone (most pages of a build are rendered
    once)."""
    with memo.build_batch():
        found = prime_stories(story_ids)
        urls = [url for pk in story_ids if pk in found for url in _pages_of(found[pk])]
        return ChunkDone(publish_urls(urls), found, items=len(story_ids))


def _pages_of(story: StoryAddresses) -> list[str]:
    return [story.url, *story.light] if story.url else []


def _publish_chunk(urls: Sequence[str]) -> ChunkDone:
    """Publish a chunk of pages other than stories (fronts, listings, archives, feeds)."""
    with memo.build_batch():
        prime_chunk(urls)
        return ChunkDone(publish_urls(urls), items=len(urls))


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
    tasks: list[Task] = [(_verify_chunk, urls[i : i + CHUNK]) for i in range(0, len(urls), CHUNK)]
    for found in _in_parallel(tasks, workers):
        result.stale += found.stale
        result.missing += found.missing
        result.failed += found.failed
        result.checked += found.checked
        if progress:
            progress(result.checked, len(urls))
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


def _in_parallel(tasks: list[Task], workers: int) -> Iterator[Any]:
    """Each task's result, as each is done: in this process with one worker, else in
    forked worker processes (which inherit the collector's settings)."""
    with settled_for_rendering():
        if workers <= 1 or len(tasks) <= 1:
            for work, items in tasks:
                yield work(items)
            return
        connections.close_all()  # each forked worker opens its own
        # What the workers inherit stays out of their collections, which would otherwise
        # go over it (and copy every page of memory they touch); `settled_for_rendering`
        # unfreezes it when the work is done.
        gc.freeze()
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(max_workers=workers, mp_context=context) as pool:
            futures = [pool.submit(work, items) for work, items in tasks]
            for future in as_completed(futures):
                yield future.result()


def progress_printer(write: Callable[[str], object], unit: str = "pages") -> Progress:
    """A Progress that writes "  done/total pages (rate/s)" at most every two seconds."""
    started = time.monotonic()
    shown = [0.0]

    def report(done: int, total: int) -> None:
        now = time.monotonic()
        if now - shown[0] < 2 and done < total:
            return
        shown[0] = now
        rate = done / max(now - started, 1e-6)
        write(f"  {done:,}/{total:,} {unit} ({rate:,.0f}/s)")

    return report


def default_workers() -> int:
    return os.cpu_count() or 1
