"""Time helpers: storage is UTC, display is the newsroom's time zone (Myanmar by default)."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone


def display_zone() -> ZoneInfo:
    return ZoneInfo(settings.MASTHEAD_DISPLAY_TIME_ZONE)


def to_display_time(value: datetime) -> datetime:
    """A stored (UTC) datetime as the newsroom's readers see it."""
    return timezone.localtime(value, display_zone())


def display_today() -> datetime:
    return to_display_time(timezone.now())


def local_midnight(day: date) -> datetime:
    """The first instant of a day in the newsroom's time zone: where a local day begins."""
    return datetime.combine(day, time.min, tzinfo=display_zone())


def from_display_time(naive: datetime) -> datetime:
    """A naive datetime typed in the newsroom's time zone, made aware and converted to UTC."""
    aware = naive.replace(tzinfo=display_zone())
    return aware.astimezone(ZoneInfo("UTC"))
