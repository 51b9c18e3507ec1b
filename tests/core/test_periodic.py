from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from masthead.core.models import PeriodicJobClaim
from masthead.core.periodic import enqueue_due_jobs, registered_jobs

pytestmark = pytest.mark.django_db


def test_scheduled_publishing_is_registered_to_run_every_half_minute():
    jobs = {job.name: job for job in registered_jobs()}
    assert jobs["publish-scheduled-pages"].every == timedelta(seconds=30)


def test_a_job_is_enqueued_once_per_interval_however_many_schedulers_ask():
    now = timezone.now()
    first = enqueue_due_jobs(now=now)
    second = enqueue_due_jobs(now=now)  # another worker process, same moment
    later = enqueue_due_jobs(now=now + timedelta(seconds=31))
    assert "publish-scheduled-pages" in first
    assert "publish-scheduled-pages" not in second
    assert "publish-scheduled-pages" in later
    claim = PeriodicJobClaim.objects.get(name="publish-scheduled-pages")
    assert claim.next_run_at == now + timedelta(seconds=61)
