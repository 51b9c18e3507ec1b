from __future__ import annotations

import os
import secrets
import signal
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

THREADS, CONNECTIONS_PER_WORKER = 4, 16


class Command(BaseCommand):
    help = (
        "Serve the site with gunicorn on HOST:PORT (default 127.0.0.1:8000) and run a task"
        " worker beside it, so nothing else needs starting."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=settings.PORT)
        parser.add_argument(
            "--workers",
            type=int,
            default=int(os.environ.get("WEB_CONCURRENCY", "0")) or (os.cpu_count() or 1) + 1,
            help="gunicorn worker processes (WEB_CONCURRENCY).",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="Do not start the task worker (run `masthead worker` elsewhere).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("check", fail_level="ERROR")
        children: list[subprocess.Popen[bytes]] = []
        if not options["no_worker"]:
            children.append(subprocess.Popen([sys.executable, "-m", "masthead", "worker"]))
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "masthead.config.wsgi:application",
                "--bind",
                f"{options['host']}:{options['port']}",
                "--workers",
                str(options["workers"]),
                # Threads keep connections alive and hold slow readers without blocking a
                # whole process: several times the throughput of sync workers for files.
                "--worker-class",
                "gthread",
                "--threads",
                str(THREADS),
                # A process takes new connections only while it holds fewer than this, and
                # keeps at most this many less its threads alive. Unbounded, one process
                # could take every keep-alive connection of a proxy or CDN that opens them
                # in a burst and serve them all from one core while the others idle: half
                # the throughput. Connections beyond wait in the kernel's queue for a
                # process with room.
                "--worker-connections",
                str(CONNECTIONS_PER_WORKER),
                # No access log: a log of who read what is what our readers must not leave.
                "--graceful-timeout",
                "10",
            ],
            # The workers share one secret, in memory only, from which each day's visitor
            # salt is drawn when there is no Redis (masthead/metrics/visitors.py).
            env={**os.environ, "MASTHEAD_VISITOR_SEED": secrets.token_hex(32)},
        )
        children.append(server)
        self.stdout.write(f"masthead is serving on http://{options['host']}:{options['port']}/")

        def stop(signum: int, frame: Any) -> None:
            for child in children:
                if child.poll() is None:
                    child.send_signal(signal.SIGTERM)

        signal.signal(signal.SIGTERM, stop)
        signal.signal(signal.SIGINT, stop)
        try:
            server.wait()
        finally:
            stop(signal.SIGTERM, None)
            for child in children:
                child.wait(timeout=15)
