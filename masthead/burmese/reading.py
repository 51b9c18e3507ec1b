"""Reading time of Burmese, English and mixed text.

No published reading speed for Burmese exists. The default of 300 syllables a minute is the
IReST study's 255 syllables a minute read aloud in Chinese (also one syllable per character)
times 1.3 for silent reading; Latin-script words, in English text or inside Burmese text, are
read at 230 words a minute. Both are parameters.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from masthead.burmese.normalization import normalize
from masthead.burmese.segmentation import UnitKind, count_units


@dataclass(frozen=True, slots=True)
class ReadingUnits:
    """What there is to read in a text: Burmese syllables and words of other scripts."""

    burmese_syllables: int
    latin_words: int


def count_reading_units(text: str) -> ReadingUnits:
    """Count the Burmese syllables and the Latin (or other-script) words of ``text``.

    A run of Burmese digits counts as one syllable, a run of ASCII digits as one word;
    punctuation and signs typed with no letter before them count as nothing. Text is
    expected to be Unicode (stored text is); Zawgyi is not converted here.
    """
    counts = count_units(normalize(text))
    return ReadingUnits(
        burmese_syllables=counts[UnitKind.SYLLABLE] + counts[UnitKind.DIGITS],
        latin_words=counts[UnitKind.WORD],
    )


def reading_minutes(text: str, syllables_per_minute: int = 300, words_per_minute: int = 230) -> int:
    """Minutes needed to read ``text``: syllables and words at their speeds, summed, rounded up.

    At least 1 for text with anything to read, 0 for text with nothing (empty, or only
    whitespace and punctuation). 1,800 Burmese syllables take 6 minutes; 460 English words
    take 2.
    """
    if syllables_per_minute <= 0 or words_per_minute <= 0:
        raise ValueError("reading speeds must be positive")
    counted = count_reading_units(text)
    minutes = Fraction(counted.burmese_syllables, syllables_per_minute) + Fraction(
        counted.latin_words, words_per_minute
    )
    return math.ceil(minutes)
