from datetime import timedelta

from django.apps import AppConfig


class PublishingConfig(AppConfig):
    name = "masthead.publishing"
    label = "publishing"
    verbose_name = "Publishing"

    def ready(self) -> None:
        from masthead.core.periodic import register_periodic_job
        from masthead.publishing import generation, receivers, tasks

        receivers.connect()
        generation.connect()
        register_periodic_job(
            name="refresh-daily-pages", every=timedelta(minutes=10), task=tasks.refresh_daily_pages
        )
        register_periodic_job(
            name="refresh-signal-pages",
            every=timedelta(minutes=5),
            task=tasks.refresh_signal_pages,
        )
