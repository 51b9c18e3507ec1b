from __future__ import annotations

from django.db import models


class PeriodicJobClaim(models.Model):
    """When a periodic job may next run; claimed by an atomic UPDATE, so that any number
    of worker processes on any number of hosts enqueue each run exactly once."""

    name = models.CharField(max_length=100, primary_key=True)
    next_run_at = models.DateTimeField()
    last_run_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return self.name
