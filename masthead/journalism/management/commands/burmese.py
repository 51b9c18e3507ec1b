from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masthead.journalism.queries import find_stored_zawgyi
from masthead.journalism.services import convert_stored_zawgyi


class Command(BaseCommand):
    help = (
        "Burmese text tools. `audit` lists stored text that is, or may be, Zawgyi;"
        " `audit --fix` converts what is surely Zawgyi and lists what needs a person."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["audit"])
        parser.add_argument(
            "--fix", action="store_true", help="Convert paragraphs that are surely Zawgyi."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        found = find_stored_zawgyi()
        if not found:
            self.stdout.write(self.style.SUCCESS("No Zawgyi found."))
            return
        for item in found:
            parts = []
            if item.converted:
                parts.append(f"{item.converted} Zawgyi paragraph(s)")
            if item.uncertain:
                parts.append(f"{item.uncertain} doubtful paragraph(s)")
            self.stdout.write(
                f"{item.model} #{item.pk} “{item.label[:60]}” {item.field}: {', '.join(parts)}"
            )
        sure = [item for item in found if item.converted]
        doubtful = [item for item in found if item.uncertain]
        if options["fix"]:
            fields: dict[tuple[str, int], set[str]] = defaultdict(set)
            for item in sure:
                fields[(item.model, item.pk)].add(item.field)
            for (model_label, pk), names in fields.items():
                convert_stored_zawgyi(model_label=model_label, pk=pk, fields=names)
            self.stdout.write(self.style.SUCCESS(f"Converted Zawgyi in {len(fields)} object(s)."))
            if doubtful:
                self.stdout.write(
                    f"{len(doubtful)} field(s) may hold Zawgyi: check them in the back office."
                )
            return
        if sure:
            raise CommandError(
                f"{len(sure)} field(s) hold Zawgyi; run `masthead burmese audit --fix`."
            )
