"""The Myanmar script as character classes.

Unicode places the Myanmar script in three blocks: Myanmar (U+1000-U+109F), Myanmar
Extended-A (U+AA60-U+AA7F) and Myanmar Extended-B (U+A9E0-U+A9FF). The classes here are
derived from the Unicode database shipped with Python, so Shan, Mon and Karen letters and
signs are classified the same way as Burmese ones.

Code points that look alike or are invisible are written as escapes on purpose.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Final

MYANMAR_BLOCKS: Final = ((0x1000, 0x109F), (0xA9E0, 0xA9FF), (0xAA60, 0xAA7F))

VIRAMA: Final = "\u1039"  # stacks the next consonant below this one (မန္တ)
ASAT: Final = "\u103a"  # silences a consonant: it closes the syllable (ကန်)
DOT_BELOW: Final = "\u1037"  # creaky tone; NFC stores it before asat
VISARGA: Final = "\u1038"  # high tone, the last sign of a syllable
GREAT_SA: Final = "\u103f"  # ဿ, a ligature of သ္သ
ZERO_WIDTH_SPACE: Final = "\u200b"

LETTER_NGA: Final = "\u1004"  # င
LETTER_NYA: Final = "\u1009"  # ဉ (small nya, takes asat)
LETTER_RA: Final = "\u101b"  # ရ
LETTER_WA: Final = "\u101d"  # wa
LETTER_U: Final = "\u1025"  # ဥ (independent vowel, never takes asat)
DIGIT_ZERO: Final = "\u1040"  # looks like the letter wa
DIGIT_FOUR: Final = "\u1044"  # ၄, looks like ၎
DIGIT_SEVEN: Final = "\u1047"  # ၇, looks like ရ
SYMBOL_AFOREMENTIONED: Final = "\u104e"  # ၎, written ၎င်း

#: Independent vowels start a syllable of their own (ဣ ဤ ဥ ဦ ဧ ဩ ဪ, Mon ဨ, Pali vocalic r/l).
INDEPENDENT_VOWELS: Final = frozenset(
    "\u1023\u1024\u1025\u1026\u1027\u1028\u1029\u102a\u1052\u1053\u1054\u1055"
)

#: ၌ ၍ ၎ ၏ are classified as punctuation but are written words (locative, "and then",
#: "the aforementioned", genitive), so they behave like letters.
WORD_SYMBOLS: Final = frozenset("\u104c\u104d\u104e\u104f")


def _myanmar_characters(*categories: str) -> frozenset[str]:
    return frozenset(
        chr(code_point)
        for first, last in MYANMAR_BLOCKS
        for code_point in range(first, last + 1)
        if unicodedata.category(chr(code_point)) in categories
    )


#: Every code point of the three Myanmar blocks, assigned or not.
ALL: Final = frozenset(
    chr(code_point) for first, last in MYANMAR_BLOCKS for code_point in range(first, last + 1)
)
LETTERS: Final = _myanmar_characters("Lo", "Lm")
#: Letters that take asat, virama and medials; independent vowels and ဿ are not among them.
CONSONANTS: Final = _myanmar_characters("Lo") - INDEPENDENT_VOWELS - {GREAT_SA}
#: Dependent vowel signs, medials, tone marks, asat and virama.
MARKS: Final = _myanmar_characters("Mn", "Mc")
DIGITS: Final = _myanmar_characters("Nd")
#: Characters a syllable can start with.
SYLLABLE_STARTERS: Final = LETTERS | WORD_SYMBOLS


def character_class(characters: Iterable[str]) -> str:
    """The body of a regular-expression character class matching exactly ``characters``.

    Consecutive code points become ranges; every code point is escaped, so the result is
    safe inside ``[...]`` whatever the characters are.
    """
    code_points = sorted({ord(character) for character in characters})
    parts: list[str] = []
    index = 0
    while index < len(code_points):
        first = code_points[index]
        last = first
        while index + 1 < len(code_points) and code_points[index + 1] == last + 1:
            index += 1
            last = code_points[index]
        parts.append(f"\\U{first:08x}" if first == last else f"\\U{first:08x}-\\U{last:08x}")
        index += 1
    return "".join(parts)


#: Planes holding every combining mark and format character (BMP, SMP, SIP, TIP and SSP);
#: the others are unassigned or private use.
_PLANES_WITH_MARKS: Final = (0, 1, 2, 3, 14)


@cache
def combining_characters() -> str:
    """Character-class body of everything that attaches to the character before it.

    That is every combining mark of any script (Unicode categories Mn, Mc, Me) and every
    invisible format character (Cf: joiners, bidirectional marks, soft hyphen) except the
    zero width space, which separates. Built on first use because it scans the Unicode
    database (about 60 ms).
    """
    attaching = (
        chr(code_point)
        for plane in _PLANES_WITH_MARKS
        for code_point in range(plane << 16, (plane + 1) << 16)
        if unicodedata.category(chr(code_point)) in {"Mn", "Mc", "Me", "Cf"}
    )
    return character_class(character for character in attaching if character != ZERO_WIDTH_SPACE)


MYANMAR_CLASS: Final = character_class(ALL)
LETTERS_AND_MARKS_CLASS: Final = character_class(LETTERS | MARKS)
MARKS_CLASS: Final = character_class(MARKS)
CONSONANTS_CLASS: Final = character_class(CONSONANTS)
DIGITS_CLASS: Final = character_class(DIGITS)
SYLLABLE_STARTERS_CLASS: Final = character_class(SYLLABLE_STARTERS)
#: Separators between units of text: whitespace and the zero width space.
SEPARATORS_CLASS: Final = r"\s" + character_class(ZERO_WIDTH_SPACE)

_MYANMAR_TEXT = re.compile(f"[{MYANMAR_CLASS}]")


def contains_myanmar(text: str) -> bool:
    """Whether ``text`` holds at least one character of the Myanmar script."""
    return _MYANMAR_TEXT.search(text) is not None
