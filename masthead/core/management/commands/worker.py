from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django_tasks_db.management.commands import db_worker

from masthead.core.periodic import Scheduler


class QueueWorker(db_worker.Command):
    """The task queue's own worker, logging at settings.MASTHEAD_TASK_LOG_LEVEL at the
    default verbosity: a warning and up, so a failed task stands out. Left to itself it
    logs every task run at INFO, eight lines a minute for the periodic jobs alone. -v 2
    shows them all; -v 0 logs nothing."""

    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        if verbosity == 1:
            for name in (db_worker.TASKS_LOGGER, db_worker.logger.name):
                logging.getLogger(name).setLevel(settings.MASTHEAD_TASK_LOG_LEVEL)


class Command(BaseCommand):
    help = "Run background tasks (publishing, email, rollups) and the periodic-job scheduler."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-scheduler",
            action="store_true",
            help="Only run queued tasks; do not enqueue periodic jobs from this process.",
        )
        parser.add_argument(
            "--max-tasks", type=int, default=None, help="Exit after running this many tasks."
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run every queued task, then exit."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        scheduler = None
        if not options["no_scheduler"]:
            scheduler = Scheduler(tick=settings.MASTHEAD_SCHEDULER_TICK)
            scheduler.start()
        # A quarter second between looks at an empty queue: a published story goes live in
        # well under two seconds, for one cheap indexed query four times a second.
        worker_options: dict[str, Any] = {"interval": 0.25, "verbosity": options["verbosity"]}
        if options["batch"]:
            worker_options.update(batch=True, no_startup_delay=True)
        if options["max_tasks"] is not None:
            worker_options["max_tasks"] = options["max_tasks"]
        try:
            call_command(QueueWorker(), **worker_options)
        finally:
            if scheduler:
                scheduler.stop()
