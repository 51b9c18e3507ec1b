import calendar
import datetime as dt

import icu
import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.burmese import (
    format_date,
    format_time,
    month_name,
    relative_time,
    weekday_name,
)

# Patterns come from ICU's copy of CLDR, so these tests check our data and layout
# against an independent source (ICU 72, CLDR 42).
ICU_LOCALES = {"my": "my", "en": "en_GB"}


def _icu_format(value: dt.datetime, skeleton: str, language: str) -> str:
    locale = icu.Locale(ICU_LOCALES[language])
    pattern = icu.DateTimePatternGenerator.createInstance(locale).getBestPattern(skeleton)
    formatter = icu.SimpleDateFormat(pattern, locale)
    formatter.setTimeZone(icu.TimeZone.getGMT())
    return str(formatter.format(float(calendar.timegm(value.timetuple()))))


def _icu_symbols(language: str) -> icu.DateFormatSymbols:
    return icu.DateFormatSymbols(icu.Locale(ICU_LOCALES[language]))


@pytest.mark.parametrize("language", ["my", "en"])
def test_month_names_are_cldr_month_names(language):
    symbols = _icu_symbols(language)

    assert [month_name(m, language=language) for m in range(1, 13)] == list(symbols.getMonths())
    assert [month_name(m, language=language, abbreviated=True) for m in range(1, 13)] == [
        name.rstrip(".") for name in symbols.getShortMonths()
    ]


@pytest.mark.parametrize("language", ["my", "en"])
def test_weekday_names_are_cldr_weekday_names(language):
    symbols = _icu_symbols(language)
    sunday_first = list(symbols.getWeekdays())[1:]
    monday = dt.date(2025, 10, 6)
    week = [monday + dt.timedelta(days=offset) for offset in range(7)]

    assert [weekday_name(day, language=language) for day in week] == [
        *sunday_first[1:],
        sunday_first[0],
    ]


@pytest.mark.parametrize(
    ("style", "weekday", "burmese", "english"),
    [
        ("long", False, "၂၀၂၅၊ အောက်တိုဘာ ၁၀", "10 October 2025"),
        ("long", True, "၂၀၂၅၊ အောက်တိုဘာ ၁၀၊ သောကြာ", "Friday, 10 October 2025"),
        ("short", False, "၁၀/၁၀/၂၀၂၅", "10/10/2025"),
        ("short", True, "၁၀/၁၀/၂၀၂၅၊ သောကြာ", "Fri, 10/10/2025"),
    ],
)
def test_date_is_written_in_burmese_with_burmese_digits_and_in_english(
    style, weekday, burmese, english
):
    friday = dt.date(2025, 10, 10)

    assert format_date(friday, style, weekday, language="my") == burmese
    assert format_date(friday, style, weekday, language="en") == english


def test_date_defaults_to_the_long_burmese_style():
    assert format_date(dt.datetime(2025, 3, 27, 23, 59)) == "၂၀၂၅၊ မတ် ၂၇"


SKELETONS = {
    ("long", False): "yMMMMd",
    ("long", True): "yMMMMEEEEd",
    ("short", False): "yMd",
    ("short", True): "yMEd",
}


@given(
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2200, 12, 31)),
    st.sampled_from(sorted(SKELETONS)),
    st.sampled_from(["my", "en"]),
)
def test_date_matches_cldr_pattern_for_any_day(value, style_and_weekday, language):
    style, weekday = style_and_weekday
    expected = _icu_format(value, SKELETONS[style_and_weekday], language)

    assert format_date(value, style, weekday, language=language) == expected


@given(st.datetimes(min_value=dt.datetime(1970, 1, 1)), st.sampled_from(["my", "en"]))
def test_time_matches_cldr_24_hour_pattern(value, language):
    assert format_time(value, language=language) == _icu_format(value, "Hm", language)


def test_time_is_written_with_burmese_digits():
    assert format_time(dt.time(9, 5)) == "၀၉:၀၅"
    assert format_time(dt.time(15, 5), language="en") == "15:05"


NOW = dt.datetime(2025, 10, 10, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("elapsed", "burmese", "english"),
    [
        (dt.timedelta(0), "ယခုလေးတင်", "just now"),
        (dt.timedelta(seconds=59), "ယခုလေးတင်", "just now"),
        (dt.timedelta(seconds=60), "၁ မိနစ်က", "1 minute ago"),
        (dt.timedelta(minutes=5), "၅ မိနစ်က", "5 minutes ago"),
        (dt.timedelta(minutes=59, seconds=59), "၅၉ မိနစ်က", "59 minutes ago"),
        (dt.timedelta(hours=1), "၁ နာရီက", "1 hour ago"),
        (dt.timedelta(hours=23, minutes=59), "၂၃ နာရီက", "23 hours ago"),
        (dt.timedelta(days=1), "၁ ရက်က", "1 day ago"),
        (dt.timedelta(days=3), "၃ ရက်က", "3 days ago"),
        (dt.timedelta(days=6, hours=23), "၆ ရက်က", "6 days ago"),
        (dt.timedelta(days=7), "၁ ပတ်က", "1 week ago"),
        (dt.timedelta(days=29), "၄ ပတ်က", "4 weeks ago"),
        (dt.timedelta(days=30), "၁ လက", "1 month ago"),
        (dt.timedelta(days=364), "၁၂ လက", "12 months ago"),
        (dt.timedelta(days=365), "၁ နှစ်က", "1 year ago"),
        (dt.timedelta(days=3 * 365 + 10), "၃ နှစ်က", "3 years ago"),
    ],
)
def test_past_moment_reads_as_time_ago_with_units_changing_at_boundaries(elapsed, burmese, english):
    assert relative_time(NOW - elapsed, NOW) == burmese
    assert relative_time(NOW - elapsed, NOW, language="en") == english


def test_moment_less_than_a_minute_ahead_is_also_just_now():
    assert relative_time(NOW + dt.timedelta(seconds=30), NOW) == "ယခုလေးတင်"


def test_future_moment_reads_as_within_or_in():
    later = NOW + dt.timedelta(minutes=5)

    assert relative_time(later, NOW) == "၅ မိနစ်အတွင်း"
    assert relative_time(later, NOW, language="en") == "in 5 minutes"


def test_moments_in_different_time_zones_compare_as_instants():
    yangon = dt.timezone(dt.timedelta(hours=6, minutes=30))

    assert relative_time(NOW.astimezone(yangon) - dt.timedelta(hours=2), NOW) == "၂ နာရီက"


def test_mixing_aware_and_naive_moments_is_refused():
    with pytest.raises(ValueError, match="both"):
        relative_time(NOW.replace(tzinfo=None), NOW)


@pytest.mark.parametrize(
    "call",
    [
        lambda: format_date(dt.date(2025, 1, 1), language="fr"),
        lambda: format_date(dt.date(2025, 1, 1), "medium"),  # type: ignore[arg-type]
        lambda: format_time(dt.time(1, 2), language="my-MM"),
        lambda: relative_time(NOW, NOW, language="EN"),
        lambda: month_name(13),
    ],
)
def test_unknown_language_style_or_month_is_refused(call):
    with pytest.raises(ValueError):
        call()
