"""Search latency on a large archive: the live endpoint and the results page, for 1-, 2- and
3-term queries in English and in Burmese; full reindex time; index size; time to index one
published story (indexed again, as after an edit, and indexed for the first time).

    .venv/bin/python bench/search_latency.py [--articles 100000] [--burmese-share 0.3]
        [--keep DIR] [--database-url postgres://...] [--queries 200] [--skip-reindex]

It builds a synthetic archive (`masthead generate`) in a temporary MASTHEAD_VAR_DIR (or in
DIR with --keep, generated once and reused), or in the PostgreSQL database named by
--database-url (created empty by the caller; give --keep a directory of its own for it),
runs `masthead search reindex` (one worker per CPU), then times requests through the whole
Django stack (Django's test client, in process: no network, no server) with queries drawn
from the archive's own headlines; live queries stop two characters short, as while typing.
On PostgreSQL it runs ANALYZE first, as autovacuum would on a server left running.
Targets (issue 6): live p95 ≤ 30 ms on SQLite, ≤ 20 ms on PostgreSQL; results page p95
≤ 60 ms; indexing one published story ≤ 50 ms.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASTHEAD = [sys.executable, "-m", "masthead"]


def run(*args: str) -> float:
    started = time.monotonic()
    subprocess.run([*MASTHEAD, *args], check=True, cwd=ROOT)
    seconds = time.monotonic() - started
    print(f"  masthead {' '.join(args)}: {seconds:.1f} s", flush=True)
    return seconds


def percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)

    def at(share: float) -> float:
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000

    return f"p50 {at(0.5):6.1f}  p95 {at(0.95):6.1f}  p99 {at(0.99):6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--burmese-share", default="0.3")
    parser.add_argument("--keep", help="reuse this var dir (generated once)")
    parser.add_argument("--database-url", help="a PostgreSQL database to fill and measure")
    parser.add_argument("--queries", type=int, default=200, help="queries per group")
    parser.add_argument("--skip-reindex", action="store_true")
    options = parser.parse_args()

    var = Path(options.keep or tempfile.mkdtemp(prefix="masthead-search-bench-"))
    os.environ["MASTHEAD_VAR_DIR"] = str(var)
    os.environ.pop("REDIS_URL", None)
    if options.database_url:
        os.environ["DATABASE_URL"] = options.database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    # The benchmark is one client asking many times: lift the per-client rate limits.
    os.environ["MASTHEAD_SEARCH_LIVE_PER_MINUTE"] = "100000"
    os.environ["MASTHEAD_SEARCH_PAGE_PER_MINUTE"] = "100000"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")
    print(f"Archive in {options.database_url or var}")

    import django

    django.setup()
    from masthead.journalism.models import ArticlePage

    run("migrate", "--verbosity", "0")
    if not ArticlePage.objects.exists():
        run(
            "generate",
            "--articles",
            str(options.articles),
            "--burmese-share",
            options.burmese_share,
        )
    if not options.skip_reindex:
        run("search", "reindex")
    if options.database_url:
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh planner statistics, whatever autovacuum does
    measure(options.queries)


def sample_queries(language: str, terms: int, count: int, rng: random.Random) -> list[str]:
    from masthead.burmese import syllables
    from masthead.search.models import SearchDocument

    headlines = list(
        SearchDocument.objects.filter(language=language)
        .order_by("?")
        .values_list("headline", flat=True)[:2000]
    )
    words: list[str] = []
    for headline in headlines:
        if language == "en":
            words += re.findall(r"[A-Za-z]{4,}", headline)
        else:
            units = [u for u in syllables(headline) if any("\u1000" <= c <= "\u109f" for c in u)]
            words += ["".join(units[i : i + 2]) for i in range(0, len(units) - 1, 2)]
    return [" ".join(rng.choice(words) for _ in range(terms)) for _ in range(count)]


def measure(count: int) -> None:
    from django.db import connection
    from django.test import Client

    from masthead.journalism.models import ArticlePage
    from masthead.search.backends import engine
    from masthead.search.services import index_pages, remove_pages

    client = Client()
    rng = random.Random(6)
    search_engine = engine()
    size = search_engine.size_bytes()
    print(f"Engine: {search_engine.name} ({connection.vendor})")
    if size is not None:
        print(f"Index size: {size / 1_048_576:,.1f} MB (documents and engine index)")
    print(f"Stories indexed: {ArticlePage.objects.live().count():,}")
    for language, prefix, script in (("en", "", "English"), ("my", "/my", "Burmese")):
        for terms in (1, 2, 3):
            queries = sample_queries(language, terms, count, rng)
            for name, url, typed in (
                ("live", f"{prefix}/api/search/", True),
                ("page", f"{prefix}/search/", False),
            ):
                for warm in queries[:5]:
                    client.get(url, {"q": warm})
                samples = []
                for query in queries:
                    # Live search asks while the last word is being typed.
                    asked = query[: max(1, len(query) - 2)] if typed else query
                    started = time.perf_counter()
                    response = client.get(url, {"q": asked})
                    samples.append(time.perf_counter() - started)
                    assert response.status_code == 200, (url, asked, response.status_code)
                label = f"{script:8} {terms} term{'s' if terms > 1 else ' '} {name:4}"
                print(f"  {label}  {percentiles(samples)}")
    story_ids = list(ArticlePage.objects.live().order_by("?").values_list("pk", flat=True)[:100])
    again, first = [], []
    for story_id in story_ids:
        started = time.perf_counter()
        index_pages(page_ids=[story_id])  # as when an edited story is published again
        again.append(time.perf_counter() - started)
        remove_pages(page_ids=[story_id])
        started = time.perf_counter()
        index_pages(page_ids=[story_id])  # as when a new story is published
        first.append(time.perf_counter() - started)
    print(f"  index one story, again         {percentiles(again)}")
    print(f"  index one story, first time    {percentiles(first)}")


if __name__ == "__main__":
    main()
