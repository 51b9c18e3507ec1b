"""Burmese digits (U+1040 to U+1049) and ASCII digits (0-9)."""

from __future__ import annotations

from typing import Final

_TO_BURMESE: Final = str.maketrans("0123456789", "၀၁၂၃၄၅၆၇၈၉")
_FROM_BURMESE: Final = str.maketrans("၀၁၂၃၄၅၆၇၈၉", "0123456789")


def to_burmese_digits(text_or_number: str | int) -> str:
    """Write every ASCII digit of ``text_or_number`` as a Burmese digit.

    >>> to_burmese_digits(2025)
    '၂၀၂၅'
    >>> to_burmese_digits("10/10/2025")
    '၁၀/၁၀/၂၀၂၅'
    """
    return str(text_or_number).translate(_TO_BURMESE)


def from_burmese_digits(text: str) -> str:
    """Write every Burmese digit of ``text`` as an ASCII digit.

    >>> from_burmese_digits("၁၀ ရက်")
    '10 ရက်'
    """
    return text.translate(_FROM_BURMESE)
