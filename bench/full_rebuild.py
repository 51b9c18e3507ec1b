"""Full rebuild: every reader page of a 100,000-story archive rendered to files.

    .venv/bin/python bench/full_rebuild.py [--articles 100000] [--burmese-share 0.3]
                                           [--workers N] [--keep DIR] [--no-settle]

In a temporary MASTHEAD_VAR_DIR (embedded default: SQLite) it runs `masthead migrate` and
`masthead generate --articles 100000 --burmese-share 0.3` (synthetic stories over twenty
years, about 90 s), removes any published tree, then times `masthead publish --all
--workers N` (N: one per core by default) and prints the pages rendered, pages per second,
the total time and the size of the published tree (pages, .gz and .br variants).

Target: the full rebuild takes under 15 minutes. --keep DIR uses DIR as the var/ folder and
leaves it in place: a DIR that already holds a generated archive is reused as it is (no
migrate, no generate), so a second run measures the rebuild alone. The published tree is
always removed before the build, so every file is rendered and written; unless
--no-settle, the file system is then given seven minutes to settle (see SETTLE_SECONDS).
The load average before and after is printed: other work on the machine shows up in the
figures. A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MASTHEAD = [sys.executable, "-m", "masthead"]
TARGET_SECONDS = 15 * 60
# ext4 without a journal (as this machine's root file system is: /proc/fs/jbd2 is empty)
# passes over every inode freed in the last minute, or six while its table block is still
# to be written, each time it allocates one. Right after the bench deletes the last run's
# 700,000 files, that scan took a quarter of the build's CPU time for six minutes (perf:
# recently_deleted, find_inode_bit), then nothing. The bench waits it out, so it times the
# build rather than the deletion before it.
SETTLE_SECONDS = 7 * 60
# The embedded default: a database or cache configured for the shell is left out.
LEFT_OUT = ("DATABASE_URL", "REDIS_URL", "MASTHEAD_PUBLISHED_ROOT")


def environment(var: Path) -> dict[str, str]:
    env = {name: value for name, value in os.environ.items() if name not in LEFT_OUT}
    env.update(MASTHEAD_VAR_DIR=str(var), MASTHEAD_ENV="development")
    return env


def cpu_seconds() -> tuple[float, float]:
    """User and system CPU seconds of every finished child process (and theirs)."""
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime, used.ru_stime


def run(env: dict[str, str], *args: str) -> tuple[float, str]:
    """Run a masthead command; its wall-clock seconds and its output."""
    print(f"  $ masthead {' '.join(args)}", flush=True)
    started = time.monotonic()
    done = subprocess.run(
        [*MASTHEAD, *args], env=env, cwd=ROOT, capture_output=True, text=True, check=False
    )
    seconds = time.monotonic() - started
    if done.returncode != 0:
        print(done.stdout[-3000:], done.stderr[-3000:], sep="\n")
        raise SystemExit(f"masthead {' '.join(args)} exited with {done.returncode}")
    return seconds, done.stdout


def tree_size(folder: Path) -> dict[str, tuple[int, int]]:
    """Files and bytes in the published tree, by kind: pages, .gz and .br variants."""
    sizes = {"pages": [0, 0], ".gz": [0, 0], ".br": [0, 0]}
    for path in folder.rglob("*"):
        if not path.is_file():
            continue
        kind = path.suffix if path.suffix in (".gz", ".br") else "pages"
        sizes[kind][0] += 1
        sizes[kind][1] += path.stat().st_size
    return {kind: (files, size) for kind, (files, size) in sizes.items()}


def load_average() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def has_archive(var: Path) -> bool:
    return (var / "generated").exists()  # as bench/publish_to_live.py marks it


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000, help="stories (100000)")
    parser.add_argument("--burmese-share", type=float, default=0.3, help="Burmese share (0.3)")
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="publish workers (one per core)"
    )
    parser.add_argument("--keep", type=Path, help="var/ folder to use and keep (reused if set up)")
    parser.add_argument(
        "--no-settle",
        dest="settle",
        action="store_false",
        help="time the build right after deleting the last run's tree",
    )
    options = parser.parse_args()

    var = options.keep or Path(tempfile.mkdtemp(prefix="masthead-rebuild-bench-"))
    var.mkdir(parents=True, exist_ok=True)
    env = environment(var)
    print(f"Machine: {os.cpu_count()} cores, load average {load_average()} (before the run)")
    print(f"var/: {var}{' (kept)' if options.keep else ' (temporary)'}")
    try:
        if has_archive(var):
            print("Set-up: reusing the archive already generated there")
        else:
            print("Set-up")
            seconds, _ = run(env, "migrate", "--no-input")
            print(f"    migrate: {seconds:.0f} s")
            seconds, output = run(
                env,
                "generate",
                "--articles",
                str(options.articles),
                "--burmese-share",
                str(options.burmese_share),
            )
            added = next((line for line in output.splitlines() if "Added" in line), "")
            print(f"    generate: {seconds:.0f} s; {added.strip()}")
            (var / "generated").touch()
        published = var / "published"
        (var / "built").unlink(missing_ok=True)
        if published.exists():
            shutil.rmtree(published, ignore_errors=True)
            os.sync()  # the old tree's deletion is written out before the clock starts
            if options.settle:
                print(f"Deleted the last run's tree; waiting {SETTLE_SECONDS} s for it to settle")
                time.sleep(SETTLE_SECONDS)

        print("Full rebuild")
        user_before, system_before = cpu_seconds()
        seconds, output = run(env, "publish", "--all", "--workers", str(options.workers))
        user, system = (
            after - before
            for after, before in zip(cpu_seconds(), (user_before, system_before), strict=True)
        )
        (var / "built").touch()
        summary = next((line for line in output.splitlines() if "Published" in line), "")
        print(f"    {summary}")
        pages = re.search(r"Published ([\d,]+) URLs", summary)
        rendered = int(pages[1].replace(",", "")) if pages else 0
        sizes = tree_size(published)

        print("\nFigures")
        print(f"  workers          {options.workers}")
        print(f"  URLs rendered    {rendered:,}")
        print(f"  total time       {seconds:,.0f} s ({seconds / 60:.1f} min, command wall clock)")
        print(f"  pages/s          {rendered / max(seconds, 1e-9):,.0f}")
        # CPU time varies less than the wall clock when the machine's speed drifts.
        print(f"  CPU              {user:,.0f} s user, {system:,.0f} s system (all processes)")
        for kind, (files, size) in sizes.items():
            print(f"  tree {kind:<11} {files:,} files, {size / 1024**2:,.0f} MiB")
        total = sum(size for _, size in sizes.values())
        print(f"  tree total       {total / 1024**2:,.0f} MiB")
        verdict = "met" if seconds < TARGET_SECONDS else "NOT met"
        print(f"  target           under {TARGET_SECONDS // 60} min: {verdict}")
        print(f"  load average     {load_average()} (after the run)")
    finally:
        if not options.keep:
            shutil.rmtree(var, ignore_errors=True)


if __name__ == "__main__":
    main()
