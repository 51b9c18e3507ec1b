"""`masthead worker` runs queued tasks and says only what an operator needs to read."""

from __future__ import annotations

import logging

import pytest
from django.core.management import call_command
from django_tasks import task

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@task()
def tidy_up() -> None:
    """A task that does its work."""


@task()
def break_down() -> None:
    raise RuntimeError("the disk is full")


def test_a_task_run_is_quiet_and_a_failed_one_is_logged(caplog):
    caplog.set_level(logging.INFO)
    done, failed = tidy_up.enqueue(), break_down.enqueue()

    call_command("worker", batch=True, no_scheduler=True)

    done.refresh()
    failed.refresh()
    assert (done.status, failed.status) == ("SUCCESSFUL", "FAILED")
    from_the_queue = [r for r in caplog.records if r.name.startswith("django_tasks")]
    assert [r.levelno for r in from_the_queue if r.levelno < logging.WARNING] == []
    assert any(
        r.levelno >= logging.ERROR and "the disk is full" in str(r.exc_info) for r in from_the_queue
    )
