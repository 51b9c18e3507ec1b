from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from masthead.journalism.weather.models import WeatherReading
from masthead.journalism.weather.providers import Place, WeatherProvider
from masthead.journalism.weather.signals import weather_changed


def refresh_weather(
    *, provider: WeatherProvider, place: Place, now: datetime | None = None
) -> bool:
    """Ask the provider for the place's weather and keep it. Returns True when the line
    readers see changed. A provider that fails changes nothing: the last reading stays
    until it is too old to show (models.SHOWN_FOR)."""
    now = now or timezone.now()
    weather = provider.current_weather(place)
    if weather is None:
        return False
    with transaction.atomic():
        reading = WeatherReading.objects.select_for_update().for_place(place.key).first()
        changed = (
            reading is None
            or not reading.is_fresh_at(now)
            or round(reading.temperature) != round(weather.temperature)
            or reading.weather_code != weather.code
        )
        if reading is None:
            reading = WeatherReading(place_key=place.key)
        reading.temperature = weather.temperature
        reading.weather_code = weather.code
        reading.observed_at = weather.observed_at
        reading.fetched_at = now
        reading.save()
        if changed:
            transaction.on_commit(lambda: weather_changed.send(sender=WeatherReading))
    return changed
