"""Dates, times and "3 days ago" in Burmese and English, for the templates of both editions.

Formats follow the Unicode CLDR patterns (release 42, as shipped with ICU 72) so that they
match what phones and browsers show readers:

=============  ===================================  =========================
style          Burmese (``my``)                     English (``en``, en-GB)
=============  ===================================  =========================
long           ၂၀၂၅၊ အောက်တိုဘာ ၁၀                  10 October 2025
long+weekday   ၂၀၂၅၊ အောက်တိုဘာ ၁၀၊ သောကြာ          Friday, 10 October 2025
short          ၁၀/၁၀/၂၀၂၅                           10/10/2025
short+weekday  ၁၀/၁၀/၂၀၂၅၊ သောကြာ                   Fri, 10/10/2025
time           ၁၅:၀၅                                15:05
=============  ===================================  =========================

Short dates keep four-digit years (CLDR skeleton ``yMd``) because a news archive spans
decades, and English uses British day-month order, the order of the Burmese edition. Burmese
uses Burmese digits throughout. The functions format the wall-clock time of the value they
are given: convert aware datetimes to Myanmar time (Asia/Yangon) first.

The "ago" phrases are the short forms Burmese news sites use (``၃ ရက်က``, three days ago)
rather than CLDR's more formal ``ပြီးခဲ့သည့် ၃ ရက်``; the future form is CLDR's
(``၃ ရက်အတွင်း``, within three days).
"""

from __future__ import annotations

import datetime as dt
from typing import Final, Literal

from masthead.burmese.digits import to_burmese_digits
from masthead.burmese.languages import BURMESE, ENGLISH, check_language

DateStyle = Literal["long", "short"]

MONTHS: Final = {
    ENGLISH: (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    BURMESE: (
        "ဇန်နဝါရီ", "ဖေဖော်ဝါရီ", "မတ်", "ဧပြီ", "မေ", "ဇွန်",
        "ဇူလိုင်", "ဩဂုတ်", "စက်တင်ဘာ", "အောက်တိုဘာ", "နိုဝင်ဘာ", "ဒီဇင်ဘာ",
    ),
}  # fmt: skip
MONTHS_ABBREVIATED: Final = {
    ENGLISH: (
        "Jan", "Feb", "Mar", "Apr", "May", "Jun",
        "Jul", "Aug", "Sept", "Oct", "Nov", "Dec",
    ),
    BURMESE: (
        "ဇန်", "ဖေ", "မတ်", "ဧ", "မေ", "ဇွန်",
        "ဇူ", "ဩ", "စက်", "အောက်", "နို", "ဒီ",
    ),
}  # fmt: skip
#: Monday first, as ``date.weekday()`` counts.
WEEKDAYS: Final = {
    ENGLISH: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    BURMESE: ("တနင်္လာ", "အင်္ဂါ", "ဗုဒ္ဓဟူး", "ကြာသပတေး", "သောကြာ", "စနေ", "တနင်္ဂနွေ"),
}
#: CLDR abbreviates no Burmese weekday.
WEEKDAYS_ABBREVIATED: Final = {
    ENGLISH: ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    BURMESE: WEEKDAYS[BURMESE],
}

#: Burmese separates the parts of a date with the little section mark (U+104A).
_SECTION: Final = "\u104a"


def month_name(month: int, *, language: str = BURMESE, abbreviated: bool = False) -> str:
    """The name of ``month`` (1 = January) in ``language``."""
    names = MONTHS_ABBREVIATED if abbreviated else MONTHS
    if not 1 <= month <= 12:
        raise ValueError(f"month must be from 1 to 12, not {month!r}")
    return names[check_language(language)][month - 1]


def weekday_name(value: dt.date, *, language: str = BURMESE, abbreviated: bool = False) -> str:
    """The name of the day of the week of ``value`` in ``language``."""
    names = WEEKDAYS_ABBREVIATED if abbreviated else WEEKDAYS
    return names[check_language(language)][value.weekday()]


def format_date(
    value: dt.date,
    style: DateStyle = "long",
    weekday: bool = False,
    *,
    language: str = BURMESE,
) -> str:
    """``value`` (a date or datetime) as a date in ``language``, in the long or short style.

    >>> format_date(dt.date(2025, 10, 10))
    '၂၀၂၅၊ အောက်တိုဘာ ၁၀'
    >>> format_date(dt.date(2025, 10, 10), "short", weekday=True, language="en")
    'Fri, 10/10/2025'
    """
    check_language(language)
    if style == "long":
        return _long_date(value, weekday, language)
    if style == "short":
        return _short_date(value, weekday, language)
    raise ValueError(f"style must be 'long' or 'short', not {style!r}")


def _long_date(value: dt.date, weekday: bool, language: str) -> str:
    month = month_name(value.month, language=language)
    if language == BURMESE:
        date = to_burmese_digits(f"{value.year}{_SECTION} {month} {value.day}")
        if weekday:
            return f"{date}{_SECTION} {weekday_name(value, language=language)}"
        return date
    date = f"{value.day} {month} {value.year}"
    return f"{weekday_name(value, language=language)}, {date}" if weekday else date


def _short_date(value: dt.date, weekday: bool, language: str) -> str:
    day_name = weekday_name(value, language=language, abbreviated=True)
    if language == BURMESE:
        date = to_burmese_digits(f"{value.day}/{value.month}/{value.year}")
        return f"{date}{_SECTION} {day_name}" if weekday else date
    date = f"{value.day:02}/{value.month:02}/{value.year}"
    return f"{day_name}, {date}" if weekday else date


def format_time(value: dt.datetime | dt.time, *, language: str = BURMESE) -> str:
    """The wall-clock time of ``value`` on the 24-hour clock (``၁၅:၀၅``, ``15:05``)."""
    time = f"{value.hour:02}:{value.minute:02}"
    return to_burmese_digits(time) if check_language(language) == BURMESE else time


_MINUTE: Final = 60
_HOUR: Final = 60 * _MINUTE
_DAY: Final = 24 * _HOUR
_WEEK: Final = 7 * _DAY
_MONTH: Final = 30 * _DAY
_YEAR: Final = 365 * _DAY

#: (seconds in the unit, Burmese name, English name) from the largest unit down.
_UNITS: Final = (
    (_YEAR, "နှစ်", "year"),
    (_MONTH, "လ", "month"),
    (_WEEK, "ပတ်", "week"),
    (_DAY, "ရက်", "day"),
    (_HOUR, "နာရီ", "hour"),
    (_MINUTE, "မိနစ်", "minute"),
)
_JUST_NOW: Final = {ENGLISH: "just now", BURMESE: "ယခုလေးတင်"}


def relative_time(value: dt.datetime, now: dt.datetime, *, language: str = BURMESE) -> str:
    """How long before (or after) ``now`` the moment ``value`` is, in words.

    Under a minute either way is "just now" (``ယခုလေးတင်``); then whole minutes, hours,
    days, weeks (from 7 days), months of 30 days (from 30 days) and years of 365 days (from
    365 days), always rounded down: ``၅ မိနစ်က`` (5 minutes ago), ``၃ ရက်က``,
    ``၂ ပတ်က``, ``၁ နှစ်က``; in English "5 minutes ago", "1 day ago". A future moment
    reads ``၅ မိနစ်အတွင်း`` / "in 5 minutes". ``value`` and ``now`` must both be aware or
    both naive.
    """
    check_language(language)
    if (value.utcoffset() is None) != (now.utcoffset() is None):
        raise ValueError("value and now must both be timezone-aware or both naive")
    seconds = (now - value).total_seconds()
    elapsed = abs(seconds)
    if elapsed < _MINUTE:
        return _JUST_NOW[language]
    unit_seconds, burmese_unit, english_unit = next(unit for unit in _UNITS if elapsed >= unit[0])
    count = int(elapsed // unit_seconds)
    in_the_past = seconds > 0
    if language == BURMESE:
        amount = f"{to_burmese_digits(count)} {burmese_unit}"
        return f"{amount}က" if in_the_past else f"{amount}အတွင်း"
    amount = f"{count} {english_unit}{'' if count == 1 else 's'}"
    return f"{amount} ago" if in_the_past else f"in {amount}"
