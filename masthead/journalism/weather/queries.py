"""What the header shows: today's date and the weather line, in the active edition's
language and script."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from masthead import burmese
from masthead.core.time import display_today
from masthead.journalism.weather.codes import conditions
from masthead.journalism.weather.models import WeatherReading
from masthead.journalism.weather.providers import Place, configured_place


@dataclass(frozen=True)
class HeaderFacts:
    iso_date: str  # 2025-10-10, in the newsroom's time zone
    date: str  # "Friday, 10 October 2025" or its Burmese form
    weather: str | None  # "Yangon 31 °C, cloudy"; None hides the line


def _language() -> str:
    return "my" if get_language() == "my" else "en"


def header_facts() -> HeaderFacts:
    today = display_today()
    return HeaderFacts(
        iso_date=today.date().isoformat(),
        date=burmese.format_date(today, style="long", weekday=True, language=_language()),
        weather=weather_line(configured_place()),
    )


def weather_line(place: Place | None, *, now: datetime | None = None) -> str | None:
    """The line for the active language, as in "Yangon 31 °C, cloudy" or
    "ရန်ကုန် ၃၁ °C၊ တိမ်ထူ"; None when no city is configured or no reading is recent enough."""
    if place is None:
        return None
    reading = WeatherReading.objects.for_place(place.key).fresh_at(now or timezone.now()).first()
    if reading is None:
        return None
    words = conditions(reading.weather_code)
    if words is None:
        return None
    language = _language()
    degrees = f"{round(reading.temperature):d}".replace("-", "\u2212")
    if language == "my":
        degrees = burmese.to_burmese_digits(degrees)
    return _("%(place)s %(degrees)s °C, %(conditions)s") % {
        "place": place.name_in(language),
        "degrees": degrees,
        "conditions": words,
    }
