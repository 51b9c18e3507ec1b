from datetime import timedelta

from django.apps import AppConfig


class MetricsConfig(AppConfig):
    name = "masthead.metrics"
    label = "metrics"
    verbose_name = "Audience signals"

    def ready(self) -> None:
        from masthead.core.periodic import register_periodic_job
        from masthead.metrics import tasks

        # Often enough that a Redis restart loses at most about a minute of views
        # (this interval plus the scheduler's tick): see docs/decisions/0014.
        register_periodic_job(name="fold-views", every=timedelta(seconds=30), task=tasks.fold)
