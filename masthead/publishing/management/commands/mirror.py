from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.core.editions import get_edition
from masthead.publishing.build import Progress, progress_printer
from masthead.publishing.mirror.bundle import build_bundle
from masthead.publishing.mirror.export import build_mirror
from masthead.publishing.mirror.folder import MirrorError
from masthead.publishing.mirror.sources import PageFailed


class Command(BaseCommand):
    help = (
        "Copies of the public site that work without masthead. `build DEST` writes the whole"
        " site, both editions, with relative links, its assets, an in-browser search and"
        " SHA256SUMS; `bundle OUT.zip` writes the last days of both editions as one zip."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        build = actions.add_parser("build", help="Write the mirror into a folder.")
        build.add_argument("dest", type=Path, help="The mirror's folder (new, empty or a mirror).")
        build.add_argument(
            "--incremental",
            action="store_true",
            help="Write only the files whose content changed since the last build.",
        )
        build.add_argument(
            "--fresh",
            action="store_true",
            help="Render every page instead of copying the published files.",
        )
        bundle = actions.add_parser("bundle", help="Write the offline bundle (a zip).")
        bundle.add_argument("out", type=Path, help="The zip file to write, e.g. week.zip.")
        bundle.add_argument("--days", type=int, default=7, help="How many days (default 7).")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            if options["action"] == "build":
                self._build(options["dest"], options["incremental"], options["fresh"])
            else:
                self._bundle(options["out"], options["days"])
        except (MirrorError, PageFailed) as error:
            raise CommandError(str(error)) from None

    def _build(self, dest: Path, incremental: bool, fresh: bool) -> None:
        report = build_mirror(dest, incremental=incremental, fresh=fresh, progress=self._progress())
        files = report.folder
        self.stdout.write(
            f"Mirror in {dest}: {files.files:,} files ({report.pages:,} pages,"
            f" {report.assets:,} assets, search for each edition) in {report.seconds:.1f} s."
        )
        self.stdout.write(
            f"  {files.added:,} added, {files.changed:,} changed, {files.removed:,} removed,"
            f" {files.unchanged:,} unchanged."
        )
        self.stdout.write(
            f"  {report.reused:,} pages copied from the published tree,"
            f" {report.rendered:,} rendered."
        )
        for url in report.gone:
            self.stderr.write(f"  left out (no longer a page): {url}")

    def _bundle(self, out: Path, days: int) -> None:
        if days < 1:
            raise CommandError("--days must be at least 1.")
        report = build_bundle(out, days=days)
        stories = " and ".join(
            f"{count} {get_edition(language).name}" for language, count in report.stories.items()
        )
        self.stdout.write(
            f"Offline bundle {out}: {report.size / 1_000_000:.2f} MB ({report.size:,} bytes);"
            f" {report.pages} pages ({stories} stories) from {report.first_day} to"
            f" {report.last_day}, {report.assets} assets."
        )

    def _progress(self) -> Progress:
        return progress_printer(self.stderr.write)
