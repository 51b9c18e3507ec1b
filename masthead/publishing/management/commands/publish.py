from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.publishing.build import (
    Progress,
    build_all,
    default_workers,
    progress_printer,
    verify_all,
)
from masthead.publishing.publisher import Outcome, publish_url


class Command(BaseCommand):
    help = (
        "Render reader pages to the published tree. --all rebuilds everything; --verify"
        " compares every file with a fresh render and exits 1 if any is stale, missing or"
        " orphaned; URLs given as arguments are rendered now."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("urls", nargs="*", help="URLs to render now, e.g. /news/")
        group = parser.add_mutually_exclusive_group()
        group.add_argument("--all", action="store_true", help="Rebuild every page.")
        group.add_argument("--verify", action="store_true", help="Check every page.")
        parser.add_argument(
            "--workers",
            type=int,
            default=default_workers(),
            help="Processes rendering at once (default: one per core).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["workers"] < 1:
            raise CommandError("--workers must be at least 1.")
        if options["all"]:
            self._build(options["workers"])
        elif options["verify"]:
            self._verify(options["workers"])
        elif options["urls"]:
            for url in options["urls"]:
                if not url.startswith("/"):
                    raise CommandError(f"{url!r} is not a site path; paths start with /.")
                self.stdout.write(f"{publish_url(url).value}: {url}")
        else:
            raise CommandError("Say what to publish: --all, --verify or one or more URLs.")

    def _progress(self, unit: str = "pages") -> Progress:
        return progress_printer(self.stderr.write, unit)

    def _build(self, workers: int) -> None:
        # A story counts once, with its light pages.
        report = build_all(workers=workers, progress=self._progress("stories and other pages"))
        counts = ", ".join(f"{report.outcomes[o]:,} {o.value}" for o in Outcome)
        self.stdout.write(
            f"Published {report.pages:,} URLs in {report.seconds:.1f} s"
            f" ({report.pages / max(report.seconds, 1e-6):,.0f}/s): {counts};"
            f" {report.orphans_removed:,} orphaned files removed;"
            f" {report.superseded:,} queued tasks and renders made moot, dropped."
        )
        if report.outcomes[Outcome.FAILED]:
            raise CommandError(
                f"{report.outcomes[Outcome.FAILED]} pages failed to render; their old files"
                " stay. See Publishing › Failed renders in the admin."
            )

    def _verify(self, workers: int) -> None:
        result = verify_all(workers=workers, progress=self._progress())
        for label, urls in (
            ("stale", result.stale),
            ("missing", result.missing),
            ("orphaned", result.orphaned),
            ("failed to render", result.failed),
        ):
            for url in urls:
                self.stdout.write(f"{label}: {url}")
        self.stdout.write(
            f"Checked {result.checked:,} URLs: {len(result.stale)} stale,"
            f" {len(result.missing)} missing, {len(result.orphaned)} orphaned,"
            f" {len(result.failed)} failed."
        )
        if not result.ok:
            sys.exit(1)
