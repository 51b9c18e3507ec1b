"""Publish-to-live: how long after the publish service returns a new story, its section front
and its edition front are current on disk, with `masthead worker` doing the rendering.

    .venv/bin/python bench/publish_to_live.py [--articles 100000] [--publishes 50]

It builds a synthetic archive in a temporary MASTHEAD_VAR_DIR (`masthead generate`) and
publishes it (`masthead publish --all`, one worker per core: about 12 minutes on two cores),
starts a worker, waits for the queue that leaves (Wagtail's own index tasks) to empty,
publishes stories one by one through `masthead.journalism.services` and polls the published
files. --keep DIR reuses an archive generated and published there before (by this bench or
by `bench/full_rebuild.py --keep DIR`). Target (issue: static-first publishing): p95 under
2 s on 100,000 stories.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASTHEAD = [sys.executable, "-m", "masthead"]


def run(*args: str) -> None:
    started = time.monotonic()
    subprocess.run([*MASTHEAD, *args], check=True, cwd=ROOT)
    print(f"  masthead {' '.join(args)}: {time.monotonic() - started:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--publishes", type=int, default=50)
    parser.add_argument("--keep", help="reuse this var dir (generated once) instead of a temp one")
    options = parser.parse_args()

    var = Path(options.keep or tempfile.mkdtemp(prefix="masthead-bench-"))
    os.environ["MASTHEAD_VAR_DIR"] = str(var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")
    print(f"var dir: {var}")
    if not (var / "generated").exists():
        run("migrate", "--verbosity", "0")
        run("generate", "--articles", str(options.articles), "--burmese-share", "0.3")
        (var / "generated").touch()
    if not (var / "built").exists():  # a live site has every page on disk
        run("publish", "--all", "--workers", str(os.cpu_count() or 1))
        (var / "built").touch()

    import django

    django.setup()
    from django.utils import timezone

    from masthead.journalism.models import ArticlePage, SectionPage
    from masthead.journalism.services import (
        ArticleDraft,
        create_article,
        edition_home,
        publish_article,
    )
    from masthead.publishing import store

    total = ArticlePage.objects.count()
    home = edition_home("en")
    section = SectionPage.objects.live().child_of(home).order_by("path").first()
    assert section is not None
    print(f"{total:,} stories; publishing into {section.url}")

    worker = subprocess.Popen([*MASTHEAD, "worker", "--no-scheduler"], cwd=ROOT)
    delays = []
    try:
        from django_tasks_db.models import DBTaskResult

        waited = time.monotonic()
        while DBTaskResult.objects.filter(status="READY").exists():  # earlier work first
            time.sleep(0.5)
        print(f"  queue empty after {time.monotonic() - waited:.0f} s")
        for number in range(options.publishes):
            headline = f"Bench story {number} {time.time_ns()}"
            story = create_article(
                section=section,
                draft=ArticleDraft(
                    title=headline,
                    slug=f"bench-{time.time_ns()}",
                    body=[
                        {"type": "paragraph", "value": "<p>Residents said the road had closed.</p>"}
                    ],
                ),
            )
            publish_article(article=story, published_at=timezone.now())
            returned = time.monotonic()
            wanted = [story.url, section.url, home.url]
            while True:
                pages = [store.read(url) for url in wanted]
                if all(page is not None and headline.encode() in page for page in pages):
                    break
                if time.monotonic() - returned > 60:
                    raise SystemExit(f"not live after 60 s: {wanted}")
                time.sleep(0.01)
            delays.append(time.monotonic() - returned)
            print(f"  {number + 1:3}: {delays[-1] * 1000:6.0f} ms")
    finally:
        worker.terminate()
        worker.wait(10)
    delays.sort()
    p95 = delays[max(0, round(0.95 * len(delays)) - 1)]
    print()
    print(f"publish-to-live over {len(delays)} publishes on {total:,} stories")
    print(f"  p50 {statistics.median(delays) * 1000:.0f} ms")
    print(f"  p95 {p95 * 1000:.0f} ms   (target ≤ 2000 ms)")
    print(f"  max {delays[-1] * 1000:.0f} ms")


if __name__ == "__main__":
    main()
