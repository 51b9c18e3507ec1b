"""Breaking text into syllables: the unit Burmese search and reading time are built on.

Burmese writes no spaces between words, and dictionary word breakers make visible mistakes;
syllables can be found by rule. The rule used here: a syllable starts at a consonant, except
a consonant that

- follows a virama (U+1039): it is stacked under the previous consonant (မန္တ), or
- is followed by asat (U+103A) or a virama, possibly after a dot below (U+1037, which NFC
  stores before asat): it closes the previous syllable (ကန့်, ကျွန်, the င of kinzi
  ``င်္``).

Independent vowels (ဥ ဦ ဧ ဩ ...) and the word symbols ၌ ၍ ၎ ၏ start a syllable too; great
sa ဿ, which stands for the stack သ္သ, joins the syllable before it as the stack would. Signs
(vowels, medials, tones, asat, virama) always join the character before them. Around the
Myanmar script:

- a run of Myanmar digits, with single ``,`` or ``.`` between digits, is one unit (၁,၂၀၀.၅);
- a run of letters and digits of other scripts is one unit (COVID, 2025, 1,000.5, don't);
- every other character (punctuation such as ၊ and ။, symbols, emoji) is a unit alone;
- whitespace and the zero width space separate units and never appear in them.

Nothing else is dropped: joining the units gives back the text without its separators.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from masthead.burmese import script
from masthead.burmese.normalization import normalize


class UnitKind(enum.Enum):
    """What a unit of segmented text is."""

    SYLLABLE = "syllable"  # Myanmar letters and signs
    DIGITS = "digits"  # Myanmar digits
    WORD = "word"  # letters and digits of other scripts
    OTHER = "other"  # one punctuation mark, symbol or other character


@dataclass(frozen=True, slots=True)
class Unit:
    """One unit of segmented text and where it sits in the (normalised) text."""

    text: str
    kind: UnitKind
    start: int
    end: int


@cache
def _unit_pattern() -> re.Pattern[str]:
    attaching = script.combining_characters()
    consonant = f"[{script.CONSONANTS_CLASS}]"
    digit = f"[{script.DIGITS_CLASS}]"
    not_myanmar = script.MYANMAR_CLASS
    other_letter_or_digit = rf"[^\W_{not_myanmar}]"
    other_digit = rf"[^\D{not_myanmar}]"
    other_letter = rf"[^\W\d_{not_myanmar}]"
    syllable = (
        f"[{script.SYLLABLE_STARTERS_CLASS}{script.MARKS_CLASS}]"
        f"(?:[{attaching}]"
        f"|(?<={script.VIRAMA}){consonant}"
        f"|{consonant}(?={script.DOT_BELOW}*[{script.ASAT}{script.VIRAMA}])"
        f"|{script.GREAT_SA})*"
    )
    digits = f"{digit}+(?:[,.]{digit}+)*[{attaching}]*"
    word = (
        f"(?:{other_letter_or_digit}|[{attaching}])"
        f"(?:{other_letter_or_digit}|[{attaching}]"
        f"|(?<={other_digit})[,.](?={other_digit})"
        f"|(?<={other_letter})['\u2019](?={other_letter}))*"
    )
    other = f"[^{script.SEPARATORS_CLASS}][{attaching}]*"
    return re.compile(
        f"(?P<syllable>{syllable})|(?P<digits>{digits})|(?P<word>{word})|(?P<other>{other})"
    )


def units(normalized: str) -> Iterator[Unit]:
    """The units of already normalised text, in order (see the module documentation)."""
    for match in _unit_pattern().finditer(normalized):
        kind = UnitKind(match.lastgroup)
        yield Unit(text=match.group(), kind=kind, start=match.start(), end=match.end())


def unit_texts(normalized: str) -> list[str]:
    """The text of each unit of already normalised text: ``units`` without the details."""
    return [match.group() for match in _unit_pattern().finditer(normalized)]


def count_units(normalized: str) -> dict[UnitKind, int]:
    """How many units of each kind already normalised text holds.

    Syllables that do not begin with a letter and words without a letter or digit (signs
    typed with nothing before them) are kept by ``units`` but not counted: there is
    nothing in them to read.
    """
    counts = dict.fromkeys((kind.value for kind in UnitKind), 0)
    syllable, word = UnitKind.SYLLABLE.value, UnitKind.WORD.value
    for match in _unit_pattern().finditer(normalized):
        kind = str(match.lastgroup)
        if kind == syllable and match.group()[0] not in script.SYLLABLE_STARTERS:
            continue
        if kind == word and not any(character.isalnum() for character in match.group()):
            continue
        counts[kind] += 1
    return {UnitKind(kind): count for kind, count in counts.items()}


def syllables(text: str) -> list[str]:
    """Split ``text`` into Burmese syllables and whole words, digit runs and punctuation.

    The text is normalised first (``normalize``); Zawgyi is not converted (call
    ``fix_zawgyi`` first for input from outside). ``"".join(syllables(t))`` equals
    ``normalize(t)`` without whitespace and zero width spaces.

    >>> syllables("မန္တလေးမှာ COVID-19 ကာလ၊")
    ['မန္တ', 'လေး', 'မှာ', 'COVID', '-', '19', 'ကာ', 'လ', '၊']
    """
    return unit_texts(normalize(text))
