from __future__ import annotations

import os
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from masthead.search.backends import engine
from masthead.search.services import rebuild_index

BAR_WIDTH = 30


class Command(BaseCommand):
    help = "The reader search index: `masthead search reindex` rebuilds it from live stories."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        reindex = actions.add_parser("reindex", help="Rebuild the index of every live story.")
        reindex.add_argument(
            "--workers",
            type=int,
            default=os.cpu_count() or 1,
            help="processes that read and cut the stories (default: one per CPU)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        interactive = sys.stdout.isatty()

        def progress(done: int, total: int) -> None:
            filled = BAR_WIDTH * done // max(total, 1)
            bar = "#" * filled + "-" * (BAR_WIDTH - filled)
            line = f"\r  [{bar}] {done:,} / {total:,} stories"
            if interactive or done == total or done % 10_000 < 500:
                self.stdout.write(line, ending="" if interactive and done < total else "\n")
                self.stdout.flush()

        search_engine = engine()
        self.stdout.write(f"Rebuilding the search index ({search_engine.name})...")
        report = rebuild_index(progress=progress, workers=options["workers"])
        size = search_engine.size_bytes()
        size_text = f", {size / 1_048_576:,.1f} MB" if size is not None else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Indexed {report.indexed:,} stories in {report.seconds:.1f} s{size_text}."
            )
        )
