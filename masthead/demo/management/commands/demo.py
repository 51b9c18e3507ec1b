from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

from masthead.demo.loader import load_demo
from masthead.publishing.build import build_all, default_workers
from masthead.publishing.receivers import paused
from masthead.search.services import rebuild_index


class Command(BaseCommand):
    help = "Load the demo newsroom (Ayeyar Chronicle): safe to run again, it adds what is missing."

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        with paused():  # one full build below instead of a render per story
            report = load_demo(log=lambda line: self.stdout.write(f"  {line}"))
        built = build_all(workers=default_workers())
        self.stdout.write(f"  {built.pages} pages published in {built.seconds:.1f} s")
        indexed = rebuild_index()  # the worker would index the stories later, one by one
        self.stdout.write(
            f"  {indexed.indexed} stories indexed for search in {indexed.seconds:.1f} s"
        )
        base = settings.BASE_URL
        self.stdout.write(self.style.SUCCESS("The demo newsroom is ready."))
        self.stdout.write(f"  English edition  {base}/")
        self.stdout.write(f"  Burmese edition  {base}/my/")
        self.stdout.write(f"  Back office      {base}/admin/")
        self.stdout.write("  Accounts (one per role; passwords kept in var/demo-credentials.json):")
        for username, password in report.credentials.items():
            self.stdout.write(f"    {username:<10} {password}")
