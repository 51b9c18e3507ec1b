from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate

from masthead.core.periodic import register_periodic_job


def create_editions_after_migrate(sender: AppConfig, **kwargs: Any) -> None:
    from masthead.journalism.services import ensure_editions

    ensure_editions()


def connect() -> None:
    from masthead.journalism.tasks import publish_scheduled_pages

    post_migrate.connect(
        create_editions_after_migrate,
        sender=apps.get_app_config("journalism"),
        dispatch_uid="masthead-ensure-editions",
    )
    register_periodic_job(
        name="publish-scheduled-pages", every=timedelta(seconds=30), task=publish_scheduled_pages
    )
