"""Short counts for readers: "1.5k" views, "၁.၅ ထောင်" views."""

from __future__ import annotations

from typing import Final

from masthead.burmese.digits import to_burmese_digits
from masthead.burmese.languages import BURMESE, check_language

#: Units from the smallest, with the name shown after the number.
_ENGLISH_UNITS: Final = ((10**3, "k"), (10**6, "M"), (10**9, "B"), (10**12, "T"))
#: Burmese names each power of ten: thousand, ten thousand, hundred thousand (lakh),
#: million, ten million (crore).
_BURMESE_UNITS: Final = (
    (10**3, "ထောင်"),
    (10**4, "သောင်း"),
    (10**5, "သိန်း"),
    (10**6, "သန်း"),
    (10**7, "ကုဋေ"),
)
#: CLDR keeps a Burmese number and its unit on one line with a no-break space.
_NO_BREAK_SPACE: Final = "\u00a0"


def humanize_count(n: int, language: str) -> str:
    """``n`` in the compact style of the Unicode CLDR, as phones show counts.

    English: ``999``, ``1.5k``, ``12k``, ``123k``, ``1.2M``, ``3B``. Burmese uses its own
    name for every power of ten from a thousand, so a count never needs more than one
    decimal: ``၉၉၉``, ``၁.၅ ထောင်`` (1,500), ``၁.၂ သောင်း`` (12,000), ``၁.၂ သိန်း``
    (120,000), ``၁.၂ သန်း`` (1.2 million), ``၁၂ ကုဋေ`` (120 million), with Burmese digits
    and a no-break space before the unit (CLDR's style, as ICU formats it; Burmese news
    writes money as ``သိန်း ၅၀`` but counts this way). One decimal below 10 of a unit,
    none from 10; rounded half to even like CLDR (1,050 -> 1k, 1,150 -> 1.2k); a count
    that rounds up to the next unit takes it (999,999 -> 1M). English differs from CLDR
    only in the lower-case k.
    """
    check_language(language)
    sign = "-" if n < 0 else ""
    if language == BURMESE:
        number, unit = _compact(abs(n), _BURMESE_UNITS)
        shown = f"{sign}{number}{_NO_BREAK_SPACE}{unit}" if unit else f"{sign}{number}"
        return to_burmese_digits(shown)
    number, unit = _compact(abs(n), _ENGLISH_UNITS)
    return f"{sign}{number}{unit}"


def _compact(magnitude: int, units: tuple[tuple[int, str], ...]) -> tuple[str, str]:
    if magnitude < units[0][0]:
        return str(magnitude), ""
    index = max(i for i, (size, _) in enumerate(units) if size <= magnitude)
    while True:
        size, name = units[index]
        if magnitude < 10 * size:
            tenths = _rounded_half_even(magnitude * 10, size)
            whole, tenth = divmod(tenths, 10)
            shown_tenths = tenths
        else:
            whole, tenth = _rounded_half_even(magnitude, size), 0
            shown_tenths = whole * 10
        if index + 1 < len(units) and shown_tenths * size >= units[index + 1][0] * 10:
            index += 1
            continue
        return (f"{whole}.{tenth}" if tenth else str(whole)), name


def _rounded_half_even(numerator: int, denominator: int) -> int:
    quotient, remainder = divmod(numerator, denominator)
    if 2 * remainder > denominator or (2 * remainder == denominator and quotient % 2):
        quotient += 1
    return quotient
