"""Where the weather comes from: a small provider interface and Open-Meteo behind it.

A provider answers `current_weather(place)` with a `Weather` or None. None covers every
failure (no answer in time, an HTTP error, a body that is not what we expect): the header
keeps its last good reading and never shows a broken line.
"""

from __future__ import annotations

import http.client
import json
import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol
from urllib.parse import urlencode
from urllib.request import Request, urlopen

from django.conf import settings

from masthead.journalism.weather.codes import CONDITIONS

# The answer is a few hundred bytes; anything much larger is not the forecast API.
MAX_ANSWER_BYTES = 64 * 1024
# Colder or hotter than any temperature measured on Earth: a provider's error, not weather.
PLAUSIBLE_CELSIUS = (-95.0, 65.0)


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    # The city's name in each edition's language: {"en": "Yangon", "my": "ရန်ကုန်"}.
    names: dict[str, str] = field(default_factory=dict, compare=False)

    @property
    def key(self) -> str:
        return f"{self.latitude:.4f},{self.longitude:.4f}"

    def name_in(self, language: str) -> str:
        return self.names.get(language) or next(iter(self.names.values()), "")


@dataclass(frozen=True)
class Weather:
    temperature: float  # °C
    code: int  # WMO weather interpretation code
    observed_at: datetime | None = None


class WeatherProvider(Protocol):
    def current_weather(self, place: Place) -> Weather | None: ...


class OpenMeteo:
    """Open-Meteo's forecast API (no key needed): GET <url>?latitude=…&longitude=…
    &current=temperature_2m,weather_code."""

    def __init__(self, *, url: str, timeout: float = 5.0) -> None:
        self.url = url
        self.timeout = timeout

    def current_weather(self, place: Place) -> Weather | None:
        query = urlencode(
            {
                "latitude": f"{place.latitude:.4f}",
                "longitude": f"{place.longitude:.4f}",
                "current": "temperature_2m,weather_code",
                "temperature_unit": "celsius",
                "timezone": "GMT",
            }
        )
        request = Request(
            f"{self.url}?{query}",
            headers={"Accept": "application/json", "User-Agent": "masthead weather line"},
        )
        try:
            with urlopen(request, timeout=self.timeout) as response:  # http(s) only: settings check
                if response.status != 200:
                    return None
                body = response.read(MAX_ANSWER_BYTES + 1)
        except (OSError, http.client.HTTPException, ValueError):
            return None  # unreachable, refused, timed out, or a broken HTTP answer
        if len(body) > MAX_ANSWER_BYTES:
            return None
        return parse_open_meteo(body)


def parse_open_meteo(body: bytes) -> Weather | None:
    """The current conditions in an Open-Meteo answer, or None when it holds none we trust."""
    try:
        answer = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    current = answer.get("current") if isinstance(answer, dict) else None
    if not isinstance(current, dict):
        return None
    temperature = _number(current.get("temperature_2m"))
    code = current.get("weather_code")
    if isinstance(code, float) and code.is_integer():
        code = int(code)
    if temperature is None or isinstance(code, bool) or not isinstance(code, int):
        return None
    if code not in CONDITIONS or not PLAUSIBLE_CELSIUS[0] <= temperature <= PLAUSIBLE_CELSIUS[1]:
        return None
    return Weather(temperature=temperature, code=code, observed_at=_utc(current.get("time")))


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def _utc(value: Any) -> datetime | None:
    """Open-Meteo's "2025-10-10T06:15", which is GMT because we asked for GMT."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def configured_place() -> Place | None:
    """The city the newsroom configured (README: MASTHEAD_WEATHER_*), or None: no line."""
    names = {
        language: name
        for language, name in (
            ("en", settings.MASTHEAD_WEATHER_CITY_EN),
            ("my", settings.MASTHEAD_WEATHER_CITY_MY),
        )
        if name
    }
    latitude, longitude = settings.MASTHEAD_WEATHER_LATITUDE, settings.MASTHEAD_WEATHER_LONGITUDE
    if not names or latitude is None or longitude is None:
        return None
    return Place(latitude=latitude, longitude=longitude, names=names)


def configured_provider() -> WeatherProvider:
    return OpenMeteo(
        url=str(settings.MASTHEAD_WEATHER_URL), timeout=settings.MASTHEAD_WEATHER_TIMEOUT
    )
