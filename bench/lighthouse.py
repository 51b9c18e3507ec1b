"""Lighthouse mobile scores of the demo newsroom's reader pages: prints a table, asserts nothing.

    .venv/bin/python bench/lighthouse.py [--url http://127.0.0.1:8000] [--runs 3] [--reports DIR]

Without --url, in a temporary MASTHEAD_VAR_DIR it runs `masthead demo` (migrate, load Ayeyar
Chronicle, publish every page) and starts `masthead serve --no-worker` on a free 127.0.0.1
port, stopped again at the end (also on error or Ctrl-C). With --url it measures a demo that
is already running there (`make demo`), and starts nothing.

Pages, in both editions (English at /, Burmese at /my/): the front, the News section and the
first story linked from the News section. Each is measured --runs times (the median of each
score is shown) by Lighthouse 12 (npm devDependency, installed by ./scripts/build-assets) in
Debian's Chromium (CHROME_PATH=/usr/bin/chromium, headless) with Lighthouse's default mobile
preset: a Moto G Power-sized screen, simulated slow 4G and a 4x slower CPU. Targets:
performance >= 95, accessibility 100, best practices 100, SEO 100. Below the table, for each
score under target, the audits that cost points (from the last run), as Lighthouse words
them. --reports keeps Lighthouse's JSON and HTML reports.

No network beyond 127.0.0.1: Chromium runs with its background services, updates and QUIC
off, and Lighthouse with error reporting off. Needs node (Debian: nodejs) and Chromium.
Not part of `make test`: scores depend on the machine and what else it is doing.
"""

from __future__ import annotations

import argparse
import contextlib
import html.parser
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from urllib.parse import quote, unquote, urlsplit

from reader_throughput import free_port, load_demo, masthead_command, show

ROOT = Path(__file__).resolve().parent.parent
LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
CHROMIUM = Path("/usr/bin/chromium")
CATEGORIES = {  # Lighthouse's id: (column heading, target score)
    "performance": ("perf", 95),
    "accessibility": ("a11y", 100),
    "best-practices": ("best pr.", 100),
    "seo": ("SEO", 100),
}
METRICS = (
    "first-contentful-paint",
    "largest-contentful-paint",
    "total-blocking-time",
    "cumulative-layout-shift",
    "speed-index",
)
# Flags that keep Chromium from calling home; chrome-launcher adds its own defaults to these.
CHROMIUM_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-domain-reliability",
]
EDITIONS = {"en": "", "my": "/my"}
# Environment passed through to the server; everything else (DATABASE_URL, REDIS_URL...) is
# left out so the run is the embedded default.
PASSED_THROUGH = ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR")


@dataclass
class Measured:
    label: str
    path: str
    scores: dict[str, list[float]] = field(default_factory=dict)
    report: dict[str, object] = field(default_factory=dict)  # the last run's

    def median(self, category: str) -> float | None:
        values = self.scores.get(category, [])
        return statistics.median(values) if values else None


# --- Processes ------------------------------------------------------------------------------


def _raise_on_sigterm(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt  # so every `finally` below stops what it started


def get(base: str, path: str) -> tuple[int, str]:
    parts = urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=30)
    try:
        connection.request("GET", quote(path, safe="/%"))
        response = connection.getresponse()
        return response.status, response.read().decode("utf-8", errors="replace")
    finally:
        connection.close()


def wait_until_answering(process: subprocess.Popen[bytes], base: str, log: Path) -> None:
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"masthead serve exited with {process.returncode}:\n{tail(log)}")
        with contextlib.suppress(OSError, http.client.HTTPException):
            if get(base, "/")[0] == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"no answer from {base} within 90 s:\n{tail(log)}")


def tail(log: Path, lines: int = 30) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:]) if log.exists() else ""


def server_environment(var: Path) -> dict[str, str]:
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env.update(
        MASTHEAD_VAR_DIR=str(var),
        MASTHEAD_ENV="development",
        DJANGO_SETTINGS_MODULE="masthead.config.settings",
    )
    return env


@contextlib.contextmanager
def demo_served(folder: Path) -> Iterator[str]:
    """The demo newsroom, loaded into folder/var and served by `masthead serve`: its URL."""
    env = server_environment(folder / "var")
    load_demo(env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    command = [*masthead_command(), "serve", "--host", "127.0.0.1", "--port", str(port)]
    command.append("--no-worker")
    show(command)
    log = folder / "serve.log"
    with log.open("ab") as output:
        process = subprocess.Popen(
            command, env=env, cwd=ROOT, stdout=output, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
    try:
        wait_until_answering(process, base, log)
        yield base
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=20)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)  # stragglers: the group is ours alone
        process.wait()


# --- Pages ----------------------------------------------------------------------------------


class _Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.is_article = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.hrefs.append(unquote(values["href"] or ""))
        if tag == "meta" and values.get("property") == "og:type":
            self.is_article = values.get("content") == "article"


def parse(page: str) -> _Links:
    links = _Links()
    links.feed(page)
    return links


def pick_pages(base: str) -> list[Measured]:
    """Front, News section and the first story linked from it, in each edition."""
    pages = []
    for language, prefix in EDITIONS.items():
        section = f"{prefix}/news/"
        status, front_page = get(base, section)
        if status != 200:
            raise RuntimeError(f"{base}{section} answered {status}: is this the demo newsroom?")
        article = None
        for href in dict.fromkeys(parse(front_page).hrefs):
            path = urlsplit(href).path
            if path.startswith(section) and path != section and "/page/" not in path:
                status, text = get(base, path)
                if status == 200 and parse(text).is_article:
                    article = path
                    break
        if article is None:
            raise RuntimeError(f"no story linked from {base}{section}")
        pages += [
            Measured(f"{language} front", f"{prefix}/"),
            Measured(f"{language} section", section),
            Measured(f"{language} article", article),
        ]
    return pages


# --- Lighthouse -----------------------------------------------------------------------------


def lighthouse(url: str, output: Path) -> dict[str, object]:
    """One Lighthouse run (mobile preset, four categories): its JSON report."""
    command = [
        shutil.which("node") or "node",
        str(LIGHTHOUSE),
        url,
        f"--only-categories={','.join(CATEGORIES)}",
        "--output=json",
        "--output=html",
        f"--output-path={output}",
        f"--chrome-flags={' '.join(CHROMIUM_FLAGS)}",
        "--no-enable-error-reporting",
        "--quiet",
    ]
    env = {**os.environ, "CHROME_PATH": str(CHROMIUM)}
    done = subprocess.run(command, env=env, cwd=ROOT, capture_output=True, text=True)
    report_file = output.with_name(output.name + ".report.json")
    if done.returncode != 0 or not report_file.exists():
        output_tail = (done.stdout + done.stderr)[-3000:]
        raise RuntimeError(f"lighthouse failed on {url}:\n{output_tail}")
    report: dict[str, object] = json.loads(report_file.read_text())
    return report


def measure(base: str, pages: list[Measured], runs: int, reports: Path) -> None:
    for run in range(1, runs + 1):
        for page in pages:
            started = time.monotonic()
            name = f"{page.label.replace(' ', '-')}-{run}"
            report = lighthouse(base + quote(page.path, safe="/%"), reports / name)
            categories = report["categories"]
            assert isinstance(categories, dict)
            for category in CATEGORIES:
                score = categories[category]["score"]
                page.scores.setdefault(category, []).append(100 * (score or 0))
            page.report = report
            figures = " ".join(f"{CATEGORIES[c][0]} {page.scores[c][-1]:.0f}" for c in CATEGORIES)
            seconds = time.monotonic() - started
            print(f"  run {run}/{runs} {page.label:<12} {figures} ({seconds:.0f} s)", flush=True)


# --- Report ---------------------------------------------------------------------------------


def print_table(pages: list[Measured]) -> None:
    header = f"{'page':<13}{'path':<58}" + "".join(f"{h:>10}" for h, _ in CATEGORIES.values())
    print(header)
    print("-" * len(header))
    for page in pages:
        cells = ""
        for category, (_, target) in CATEGORIES.items():
            score = page.median(category)
            mark = "" if score is not None and score >= target else "*"
            cells += f"{'' if score is None else f'{score:.0f}{mark}':>10}"
        path = page.path if len(page.path) <= 56 else page.path[:55] + "…"
        print(f"{page.label:<13}{path:<58}{cells}")
    targets = ", ".join(f"{heading} >= {target}" for heading, target in CATEGORIES.values())
    print(f"Targets: {targets}; * marks a median under target.")


def print_causes(pages: list[Measured]) -> None:
    """For every score under target, the weighted audits that did not pass (last run)."""
    for page in pages:
        report = page.report
        audits = report.get("audits", {})
        categories = report.get("categories", {})
        assert isinstance(audits, dict) and isinstance(categories, dict)
        for category, (heading, target) in CATEGORIES.items():
            score = page.median(category)
            if score is None or score >= target:
                continue
            print(f"\n{page.label} {heading} {score:.0f}:")
            if category == "performance":
                values = [
                    f"{audits[m]['title']} {audits[m].get('displayValue', '')}" for m in METRICS
                ]
                print(f"  metrics: {'; '.join(values)}")
            for ref in categories[category]["auditRefs"]:
                audit = audits.get(ref["id"], {})
                failed = audit.get("score") is not None and audit["score"] < 1
                if failed and (ref.get("weight") or category == "performance"):
                    value = f" ({audit['displayValue']})" if audit.get("displayValue") else ""
                    print(f"  - {audit['title']}{value}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", help="a running demo newsroom (default: start one)")
    parser.add_argument("--runs", type=int, default=3, help="runs per page (default 3)")
    parser.add_argument("--reports", type=Path, help="keep Lighthouse's reports here")
    options = parser.parse_args()
    if not LIGHTHOUSE.exists():
        sys.exit(f"no {LIGHTHOUSE}: run ./scripts/build-assets (needs npm) first")
    if not CHROMIUM.exists():
        sys.exit(f"no Chromium at {CHROMIUM} (Debian: chromium)")
    signal.signal(signal.SIGTERM, _raise_on_sigterm)
    version = json.loads((LIGHTHOUSE.parents[1] / "package.json").read_text())["version"]
    print(f"Lighthouse {version}, mobile preset, {CHROMIUM}; {options.runs} run(s) per page")
    with tempfile.TemporaryDirectory(prefix="masthead-lighthouse-") as temporary:
        folder = Path(temporary)
        reports = options.reports or folder / "reports"
        reports.mkdir(parents=True, exist_ok=True)
        with contextlib.ExitStack() as stack:
            base = options.url.rstrip("/") if options.url else None
            if base is None:
                print("\nSet-up")
                base = stack.enter_context(demo_served(folder))
            pages = pick_pages(base)
            print(f"\nMeasuring {base}")
            measure(base, pages, options.runs, reports)
        print()
        print_table(pages)
        print_causes(pages)
        if options.reports:
            print(f"\nReports: {reports}/")


if __name__ == "__main__":
    main()
