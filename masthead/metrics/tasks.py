"""Background work of audience signals."""

from __future__ import annotations

from django_tasks import task

from masthead.metrics.folding import fold_views


@task(priority=10)
def fold() -> None:
    fold_views()
