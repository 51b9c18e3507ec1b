"""View beacons under load: `wrk` POSTing beacons from many distinct visitors for 20 s.

    .venv/bin/python bench/beacons.py [--seconds 20] [--stories 300]

For each storage (the embedded default: SQLite; and Redis, with REDIS_URL on database 9 of
127.0.0.1:6379), in a temporary MASTHEAD_VAR_DIR: migrate, add synthetic stories with
`masthead generate`, start `masthead serve --no-worker` on a free 127.0.0.1 port, and run
`wrk -t2 -c64` with bench/beacons.lua, which sends every visitor-story pair twice. Then
fold the counts and compare the stored totals with the first views wrk sent: they must be
equal, exactly. Targets: 3,000 accepted beacons/s with Redis, 500/s on the embedded
default, no errors. A benchmark, not a test: it prints figures and asserts nothing.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import tempfile
from pathlib import Path

from reader_throughput import (
    ROOT,
    WRK,
    free_port,
    load_average,
    masthead_command,
    masthead_serving,
    print_machine,
    server_environment,
    show,
)

SCRIPT = Path(__file__).with_name("beacons.lua")
REDIS_URL = "redis://127.0.0.1:6379/9"
TOTALS = (
    "from masthead.metrics.folding import fold_views;"
    "from masthead.metrics.models import StoryViews;"
    "from django.db.models import Sum;"
    "report = fold_views();"
    "print('stored_total', StoryViews.objects.aggregate(n=Sum('total'))['n'] or 0);"
    "print('dropped', report.dropped)"
)
STORY_IDS = (
    "from masthead.journalism.models import ArticlePage;"
    "print(','.join(str(pk) for pk in ArticlePage.objects.live().values_list('pk', flat=True)))"
)


def masthead(env: dict[str, str], *args: str) -> str:
    command = [*masthead_command(), *args]
    show(command)
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stdout}\n{done.stderr}")
    return done.stdout


def clear_redis_counts() -> None:
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter("masthead:metrics:*"):
        client.delete(key)


def run(storage: str, seconds: int, stories: int) -> dict[str, str]:
    with tempfile.TemporaryDirectory(prefix="masthead-beacons-") as folder:
        var = Path(folder)
        env = server_environment(var)
        if storage == "redis":
            env["REDIS_URL"] = REDIS_URL
            clear_redis_counts()
        masthead(env, "migrate", "--verbosity", "0")
        masthead(env, "generate", "--articles", str(stories))
        ids = masthead(env, "shell", "--no-imports", "-c", STORY_IDS).strip()
        port = free_port()
        with masthead_serving(env, port, "/robots.txt", var / "serve.log"):
            command = [str(WRK), "-t2", "-c64", f"-d{seconds}s", "--latency", "-s", str(SCRIPT)]
            command += [f"http://127.0.0.1:{port}", "--", str(seconds), ids]
            show([*command[:-1], "<story ids>"])
            output = subprocess.run(command, capture_output=True, text=True).stdout
        totals = masthead(env, "shell", "--no-imports", "-c", TOTALS)
    figures = {"storage": storage}
    for name, pattern in {
        "requests_per_s": r"Requests/sec:\s+([\d.]+)",
        "requests": r"(\d+) requests in",
        "p50": r"(?m)^\s+50%\s+(\S+)",
        "p99": r"(?m)^\s+99%\s+(\S+)",
        "first_views_sent": r"first_views_sent (\d+)",
    }.items():
        found = re.search(pattern, output)
        figures[name] = found.group(1) if found else "?"
    errors = re.search(r"Socket errors: (.*)", output)
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    figures["errors"] = (
        ", ".join(
            part
            for part in [
                errors.group(1) if errors else "",
                f"non-2xx {non_2xx.group(1)}" if non_2xx else "",
            ]
            if part
        )
        or "none"
    )
    for line in totals.splitlines():
        name, _, value = line.partition(" ")
        figures[name] = value
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--stories", type=int, default=300)
    options = parser.parse_args()
    print_machine()
    rows = [run(storage, options.seconds, options.stories) for storage in ("embedded", "redis")]
    print()
    print(
        f"{'storage':<10}{'beacons/s':>11}{'p50':>9}{'p99':>9}{'sent':>9}"
        f"{'first views':>13}{'stored':>9}  exact  errors"
    )
    for row in rows:
        exact = "yes" if row["first_views_sent"] == row.get("stored_total") else "NO"
        print(
            f"{row['storage']:<10}{row['requests_per_s']:>11}{row['p50']:>9}{row['p99']:>9}"
            f"{row['requests']:>9}{row['first_views_sent']:>13}{row.get('stored_total', '?'):>9}"
            f"  {exact:<5}  {row['errors']}"
        )
    print(f"targets: redis >= 3,000 beacons/s, embedded >= 500/s, no errors; load {load_average()}")


if __name__ == "__main__":
    main()
