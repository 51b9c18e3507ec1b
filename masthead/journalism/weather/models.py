from __future__ import annotations

from datetime import datetime, timedelta

from django.db import models

# A provider that stops answering leaves the last reading on the page this long; after that
# the line is hidden rather than show the weather of a morning long gone.
SHOWN_FOR = timedelta(hours=3)


class WeatherReadingQuerySet(models.QuerySet["WeatherReading"]):
    def for_place(self, place_key: str) -> WeatherReadingQuerySet:
        return self.filter(place_key=place_key)

    def fresh_at(self, now: datetime) -> WeatherReadingQuerySet:
        return self.filter(fetched_at__gt=now - SHOWN_FOR, fetched_at__lte=now)


class WeatherReading(models.Model):
    """The last conditions a provider reported for a place. Kept in the database, not in a
    process's memory, so the worker that fetches it and every process that renders pages
    see the same reading."""

    place_key = models.CharField(max_length=40, unique=True, help_text="latitude,longitude")
    temperature = models.FloatField(help_text="°C")
    weather_code = models.PositiveSmallIntegerField(help_text="WMO weather interpretation code")
    observed_at = models.DateTimeField(null=True, blank=True)
    fetched_at = models.DateTimeField()

    objects = WeatherReadingQuerySet.as_manager()

    def __str__(self) -> str:
        return f"{self.place_key}: {self.temperature} °C, code {self.weather_code}"

    def is_fresh_at(self, now: datetime) -> bool:
        return now - SHOWN_FOR < self.fetched_at <= now
