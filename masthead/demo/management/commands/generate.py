from __future__ import annotations

import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.demo.generator import generate_archive
from masthead.publishing.receivers import paused


def _share(value: str) -> float:
    number = float(value)
    if not 0 <= number <= 1:
        raise ValueError
    return number


class Command(BaseCommand):
    help = "Add N synthetic stories (both editions, twenty years) for scale tests and benchmarks."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--articles", type=int, required=True, help="How many stories.")
        parser.add_argument(
            "--burmese-share", type=_share, default=0.3, help="Share of Burmese stories, 0..1."
        )
        parser.add_argument("--seed", type=int, default=2021)
        parser.add_argument("--years", type=int, default=20)

    def handle(self, *args: Any, **options: Any) -> None:
        count = options["articles"]
        if not 1 <= count <= 5_000_000:
            raise CommandError("--articles must be between 1 and 5,000,000.")

        def progress(done: int, total: int) -> None:
            if sys.stdout.isatty() or done == total or done % 10_000 == 0:
                self.stdout.write(f"\r  {done:,} / {total:,} stories", ending="")
                self.stdout.flush()

        with paused():  # bulk rows: `masthead publish --all` renders them afterwards
            report = generate_archive(
                count=count,
                burmese_share=options["burmese_share"],
                seed=options["seed"],
                years=options["years"],
                progress=progress,
            )
        rate = report.created / max(report.seconds, 0.001)
        self.stdout.write("")
        self.stdout.write(
            self.style.SUCCESS(
                f"Added {report.created:,} stories ({report.burmese:,} in Burmese)"
                f" in {report.seconds:.1f} s ({rate:,.0f} per second)."
            )
        )
        self.stdout.write("Run `masthead publish --all` to publish them as files.")
