from __future__ import annotations

from datetime import timedelta

from django_tasks import task

from masthead.journalism.weather.providers import configured_place, configured_provider
from masthead.journalism.weather.services import refresh_weather

# Conditions change slowly; Open-Meteo's own current values move every 15 minutes.
REFRESH_EVERY = timedelta(minutes=30)


@task()
def refresh_configured_weather() -> None:
    """The periodic job: fetch the configured city's weather; nothing when none is set."""
    place = configured_place()
    if place is not None:
        refresh_weather(provider=configured_provider(), place=place)
