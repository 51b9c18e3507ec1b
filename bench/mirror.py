"""Mirror and offline bundle of the demo newsroom: prints figures, asserts nothing.

    .venv/bin/python bench/mirror.py [--keep DIR] [--fresh]

Loads the demo newsroom into a temporary MASTHEAD_VAR_DIR (`masthead demo`, which also
publishes every page) and builds the mirror; publishes one story through the journalism
services, lets the publisher re-render what it changed (as `masthead worker` does once the
burst of edits is over), rebuilds the mirror with --incremental and prints how many files
changed; unpublishes the story and does it again; finally builds the offline bundle of the
last 7 days and prints its size (target: 5 MB or less). --fresh also times a mirror whose
every page is rendered.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASTHEAD = [sys.executable, "-m", "masthead"]


def run(*args: str, show: bool = True) -> str:
    started = time.monotonic()
    done = subprocess.run([*MASTHEAD, *args], check=True, cwd=ROOT, capture_output=True, text=True)
    print(f"  masthead {' '.join(args)}: {time.monotonic() - started:.1f} s")
    if show:
        for line in done.stdout.splitlines():
            print(f"    {line}")
    return done.stdout


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def settle_publisher(page_id: int) -> float:
    """Render what the change of one page affects, as `masthead worker` would once the
    burst of edits is over; the seconds it took."""
    from datetime import timedelta

    from django.utils import timezone

    from masthead.publishing.affected import page_changed
    from masthead.publishing.publisher import drain, request_renders

    started = time.monotonic()
    request_renders(page_changed(page_id))
    report = drain(now=timezone.now() + timedelta(minutes=10))
    print(f"  publisher rendered {report.rendered} URLs", end="")
    return time.monotonic() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", help="use this var dir (the demo is loaded once)")
    parser.add_argument("--fresh", action="store_true", help="also time a fully rendered mirror")
    options = parser.parse_args()

    var = Path(options.keep or tempfile.mkdtemp(prefix="masthead-bench-mirror-"))
    os.environ["MASTHEAD_VAR_DIR"] = str(var)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "masthead.config.settings")
    print(f"var dir: {var}")
    if not (var / "demo-loaded").exists():
        run("demo", show=False)
        (var / "demo-loaded").touch()

    import django

    django.setup()
    from django.utils import timezone

    from masthead.journalism.models import ArticlePage, SectionPage
    from masthead.journalism.services import (
        ArticleDraft,
        create_article,
        edition_home,
        publish_article,
        unpublish_article,
    )

    mirror = var / "mirror"
    print("Mirror, first build:")
    run("mirror", "build", str(mirror))
    files, size = folder_size(mirror)
    print(f"  {files:,} files, {size / 1e6:.1f} MB")

    section = SectionPage.objects.live().child_of(edition_home("en")).order_by("path").first()
    assert section is not None
    story = create_article(
        section=section,
        draft=ArticleDraft(
            title=f"Bench story {time.time_ns()}",
            slug=f"bench-{time.time_ns()}",
            body=[{"type": "paragraph", "value": "<p>Residents said the road had closed.</p>"}],
            standfirst="A story published by the mirror benchmark.",
        ),
    )
    publish_article(article=story, published_at=timezone.now())
    print(f"Published {ArticlePage.objects.get(pk=story.pk).url} in {section.url}")
    print(f" in {settle_publisher(story.pk):.1f} s")
    print("Mirror, incremental after one new story:")
    run("mirror", "build", str(mirror), "--incremental")

    unpublish_article(article=ArticlePage.objects.get(pk=story.pk))
    print("Unpublished it;")
    print(f" in {settle_publisher(story.pk):.1f} s")
    print("Mirror, incremental after unpublishing:")
    run("mirror", "build", str(mirror), "--incremental")

    if options.fresh:
        print("Mirror with every page rendered (--fresh), into a new folder:")
        run("mirror", "build", str(var / "mirror-fresh"), "--fresh")

    bundle = var / "week.zip"
    print("Offline bundle, last 7 days:")
    run("mirror", "bundle", "--days", "7", str(bundle))
    print(f"  {bundle.stat().st_size / 1e6:.2f} MB (target: 5 MB or less)")


if __name__ == "__main__":
    main()
