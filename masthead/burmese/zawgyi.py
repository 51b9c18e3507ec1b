"""Detecting and converting Zawgyi, the legacy font encoding of Burmese.

Zawgyi reuses Myanmar code points with other meanings, so Zawgyi text is valid Unicode that
reads as nonsense in a Unicode font. Detection uses Google's myanmar-tools model
(``myanmartools``), conversion ICU's ``Zawgyi-my`` transliterator (PyICU), which reproduces
the reference conversion of a real news page on every line. Both are probabilistic or
rule-based guesses about short strings, so callers get a probability and decide with the
thresholds below; ``fix_zawgyi`` applies them per paragraph.
"""

from __future__ import annotations

import itertools
import re
import threading
import warnings
from dataclasses import dataclass, field
from functools import cache
from typing import Final

import icu
from myanmartools import ZawgyiDetector

from masthead.burmese.paragraphs import split_paragraphs

#: Above this probability a paragraph is converted without asking.
CONVERT_ABOVE: Final = 0.95
#: Above this (and up to CONVERT_ABOVE) a paragraph may be Zawgyi: a person should decide.
ASK_ABOVE: Final = 0.05


@cache
def _detector() -> ZawgyiDetector:
    # Loading the model takes a few milliseconds; the detector is read-only afterwards,
    # so one instance serves every thread.
    with warnings.catch_warnings():
        # myanmartools 1.2 reads its model with importlib.resources.open_binary.
        warnings.filterwarnings("ignore", "open_binary is deprecated", DeprecationWarning)
        return ZawgyiDetector()


def zawgyi_probability(text: str) -> float:
    """The probability (0 to 1) that ``text`` is Zawgyi rather than Unicode Burmese.

    Returns ``-inf`` when ``text`` holds no Myanmar letter, sign or punctuation mark
    (digits and other scripts do not count). Short strings are ambiguous (``"၊ ။"`` alone
    scores 0.84); a full sentence scores close to 0 or 1.
    """
    return float(_detector().get_zawgyi_probability(text))


_per_thread = threading.local()


def _transliterator() -> icu.Transliterator:
    # ICU transliterators are not documented as thread-safe: one per thread.
    transliterator = getattr(_per_thread, "zawgyi_to_unicode", None)
    if transliterator is None:
        transliterator = icu.Transliterator.createInstance("Zawgyi-my")
        _per_thread.zawgyi_to_unicode = transliterator
    return transliterator


#: ICU stores text as UTF-16 and would merge two unpaired surrogates into one character.
_SURROGATES = re.compile("([\ud800-\udfff]+)")
#: ICU's time grows faster than linearly with the length of the string it is given (with
#: the square of a run of signs that have no consonant: 40,000 vowel signs e take 100 s),
#: so longer lines are converted in pieces of at most this many characters.
_LONGEST_PIECE: Final = 2000
#: A stretch of a line with no safe place to cut that is longer than this is not Burmese
#: (a long URL, or signs with no consonant); it is cut every this many characters.
_LONGEST_UNBROKEN: Final = 32
#: Zawgyi stores these before their consonant (visual order): vowel sign e and the forms
#: of medial ra.
_ZAWGYI_PREFIXES: Final = "\u1031\u103b\u107e-\u1084"
#: Places where cutting a line changes nothing on the reference texts (checked at every
#: such place of every line): after whitespace that is not followed by a digit, and before
#: a consonant, independent vowel or prefix that follows no prefix, whitespace or digit.
#: Digits are avoided because the converter reads them in context (a zero may be wa).
_SAFE_CUT = re.compile(
    r"(?<=\s)(?=[^\s\d])"
    f"|(?<![{_ZAWGYI_PREFIXES}\\s\\d])(?=[\u1000-\u102a{_ZAWGYI_PREFIXES}])"
)


def zawgyi_to_unicode(text: str) -> str:
    """Convert Zawgyi-encoded ``text`` to Unicode with ICU's ``Zawgyi-my`` transliterator.

    Converts unconditionally: Unicode text passed in is damaged. Use ``fix_zawgyi`` unless
    the text is known to be Zawgyi. Characters outside the Myanmar script pass through
    unchanged, but the converter drops zero width spaces at the ends of the pieces it is
    given. Lines are converted one by one, and long lines in pieces cut where cutting
    changes nothing (so time stays linear in the length of the text).
    """
    converted: list[str] = []
    for index, piece in enumerate(_SURROGATES.split(text)):
        if index % 2:  # a run of unpaired surrogates
            converted.append(piece)
            continue
        for paragraph, line_break in split_paragraphs(piece):
            converted.extend(_transliterate(chunk) for chunk in _chunks(paragraph))
            converted.append(line_break)
    return "".join(converted)


def _transliterate(chunk: str) -> str:
    return str(_transliterator().transliterate(chunk)) if chunk else chunk


def _chunks(line: str) -> list[str]:
    if len(line) <= _LONGEST_UNBROKEN:
        return [line]
    bounds = sorted({0, len(line), *(cut.start() for cut in _SAFE_CUT.finditer(line))})
    stretches = [line[start:end] for start, end in itertools.pairwise(bounds)]
    if len(line) <= _LONGEST_PIECE and max(map(len, stretches)) <= _LONGEST_UNBROKEN:
        return [line]
    chunks: list[str] = []
    piece: list[str] = []
    piece_length = 0
    for stretch in stretches:
        if len(stretch) > _LONGEST_UNBROKEN or piece_length + len(stretch) > _LONGEST_PIECE:
            chunks.append("".join(piece))
            piece, piece_length = [], 0
        if len(stretch) > _LONGEST_UNBROKEN:
            chunks.extend(
                stretch[start : start + _LONGEST_UNBROKEN]
                for start in range(0, len(stretch), _LONGEST_UNBROKEN)
            )
        else:
            piece.append(stretch)
            piece_length += len(stretch)
    chunks.append("".join(piece))
    return [chunk for chunk in chunks if chunk]


@dataclass(frozen=True)
class ZawgyiFix:
    """The outcome of ``fix_zawgyi``.

    ``text`` is the input with every confidently-Zawgyi paragraph converted; ``converted``
    lists the indexes of those paragraphs and ``uncertain`` those that may be Zawgyi and
    were left as they were (ask a person). Paragraphs are counted from 0 and split at line
    breaks, empty ones included.
    """

    text: str
    converted: list[int] = field(default_factory=list)
    uncertain: list[int] = field(default_factory=list)

    @property
    def needs_review(self) -> bool:
        """Whether some paragraph may be Zawgyi and was left unconverted."""
        return bool(self.uncertain)


def fix_zawgyi(text: str) -> ZawgyiFix:
    """Convert the paragraphs of ``text`` that are Zawgyi, and report the doubtful ones.

    Each paragraph (split at line breaks, which are kept) is scored with
    ``zawgyi_probability``: above ``CONVERT_ABOVE`` (0.95) it is converted; above
    ``ASK_ABOVE`` (0.05) it is left as it is and listed as uncertain; otherwise (including
    ``-inf``, no Myanmar text) it is left alone. Form fields, importers and search queries
    call this at the edge so only Unicode is stored.
    """
    parts: list[str] = []
    converted: list[int] = []
    uncertain: list[int] = []
    for index, (paragraph, line_break) in enumerate(split_paragraphs(text)):
        probability = zawgyi_probability(paragraph)
        if probability > CONVERT_ABOVE:
            parts.append(zawgyi_to_unicode(paragraph))
            converted.append(index)
        else:
            parts.append(paragraph)
            if probability > ASK_ABOVE:
                uncertain.append(index)
        parts.append(line_break)
    return ZawgyiFix(text="".join(parts), converted=converted, uncertain=uncertain)
