"""WMO weather interpretation codes (the `weather_code` Open-Meteo and most providers
report) as a few words a reader understands at a glance. Codes of the same kind share one
wording: the header has room for "rain", not for "moderate intermittent rain"."""

from __future__ import annotations

from django.utils.functional import Promise
from django.utils.translation import pgettext_lazy

CLEAR = pgettext_lazy("weather", "clear")
PARTLY_CLOUDY = pgettext_lazy("weather", "partly cloudy")
CLOUDY = pgettext_lazy("weather", "cloudy")
FOG = pgettext_lazy("weather", "fog")
DRIZZLE = pgettext_lazy("weather", "drizzle")
LIGHT_RAIN = pgettext_lazy("weather", "light rain")
RAIN = pgettext_lazy("weather", "rain")
HEAVY_RAIN = pgettext_lazy("weather", "heavy rain")
SNOW = pgettext_lazy("weather", "snow")
THUNDERSTORM = pgettext_lazy("weather", "thunderstorm")

CONDITIONS: dict[int, Promise] = {
    0: CLEAR,
    1: CLEAR,  # mainly clear
    2: PARTLY_CLOUDY,
    3: CLOUDY,  # overcast
    45: FOG,
    48: FOG,  # depositing rime fog
    51: DRIZZLE,
    53: DRIZZLE,
    55: DRIZZLE,
    56: DRIZZLE,  # freezing drizzle
    57: DRIZZLE,
    61: LIGHT_RAIN,
    63: RAIN,
    65: HEAVY_RAIN,
    66: RAIN,  # freezing rain
    67: HEAVY_RAIN,
    71: SNOW,
    73: SNOW,
    75: SNOW,
    77: SNOW,  # snow grains
    80: LIGHT_RAIN,  # rain showers
    81: RAIN,
    82: HEAVY_RAIN,  # violent rain showers
    85: SNOW,
    86: SNOW,
    95: THUNDERSTORM,
    96: THUNDERSTORM,  # with hail
    99: THUNDERSTORM,
}


def conditions(code: int) -> str | None:
    """The words for `code` in the active language; None for a code WMO does not define."""
    words = CONDITIONS.get(code)
    return None if words is None else str(words)
