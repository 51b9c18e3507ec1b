"""Periodic jobs without cron.

Domains register a task to run every so often (in their AppConfig.ready); the scheduler in
`masthead worker` (which `masthead serve` starts) calls `enqueue_due_jobs` every few seconds
and the task queue runs what is due.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import IntegrityError, close_old_connections, transaction
from django.utils import timezone

from masthead.core.models import PeriodicJobClaim

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    every: timedelta
    task: Any  # a django_tasks Task taking no arguments


_jobs: dict[str, PeriodicJob] = {}


def register_periodic_job(*, name: str, every: timedelta, task: Any) -> None:
    _jobs[name] = PeriodicJob(name=name, every=every, task=task)


def registered_jobs() -> list[PeriodicJob]:
    return list(_jobs.values())


def _claim(job: PeriodicJob, now: datetime) -> bool:
    claimed = PeriodicJobClaim.objects.filter(name=job.name, next_run_at__lte=now).update(
        next_run_at=now + job.every, last_run_at=now
    )
    if claimed:
        return True
    if PeriodicJobClaim.objects.filter(name=job.name).exists():
        return False
    try:
        with transaction.atomic():
            PeriodicJobClaim.objects.create(
                name=job.name, next_run_at=now + job.every, last_run_at=now
            )
    except IntegrityError:  # another process created it first and so owns this run
        return False
    return True


def enqueue_due_jobs(now: datetime | None = None) -> list[str]:
    """Enqueue every registered job whose time has come; returns their names."""
    now = now or timezone.now()
    enqueued = []
    for job in registered_jobs():
        if _claim(job, now):
            job.task.enqueue()
            enqueued.append(job.name)
    return enqueued


class Scheduler(threading.Thread):
    """Background thread that enqueues due periodic jobs every `tick` seconds."""

    def __init__(self, tick: float) -> None:
        super().__init__(name="masthead-scheduler", daemon=True)
        self.tick = tick
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                enqueue_due_jobs()
            except Exception:  # a dead database must not kill the scheduler; retry next tick
                logger.exception("periodic jobs could not be enqueued")
            finally:
                close_old_connections()
            self.stopped.wait(self.tick)

    def stop(self) -> None:
        self.stopped.set()
