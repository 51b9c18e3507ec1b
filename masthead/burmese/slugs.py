"""URL slugs that keep Burmese readable (see docs/decisions/0003-burmese-slugs.md).

Django's ``slugify(allow_unicode=True)`` keeps only "word" characters and so strips every
Burmese vowel sign, medial and asat: မြန်မာနိုင်ငံ becomes မနမနငင. These slugs keep the
script intact.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final

from masthead.burmese import script
from masthead.burmese.normalization import normalize
from masthead.burmese.segmentation import units
from masthead.burmese.zawgyi import fix_zawgyi

#: Characters past ``max_length`` looked at to find where the last unit that fits ends.
_MARGIN: Final = 16
#: Apostrophes vanish rather than split a word: "don't" -> "dont", as Django does.
_APOSTROPHES: Final = frozenset("'\u2019")


def _is_slug_character(character: str) -> bool:
    category = unicodedata.category(character)
    return category[0] in {"L", "M"} or category == "Nd" or character in script.WORD_SYMBOLS


def slugify(text: str, max_length: int = 80) -> str:
    """A URL slug for ``text``: Burmese kept whole, Latin in lower case, hyphens between.

    Steps: Zawgyi paragraphs are converted (``fix_zawgyi``); invisible format characters
    (zero width space and joiners, soft hyphen, direction marks) and apostrophes are
    removed; the text is case-folded and normalised (``normalize``); every run of other
    characters that are not letters, combining marks or digits of any script (whitespace,
    punctuation, symbols) becomes one hyphen, and hyphens at either end go. A slug longer
    than ``max_length`` characters is cut at the last syllable or word boundary that fits
    (inside a single over-long word only when nothing else fits, never before a sign).

    Returns "" when nothing is left (text of punctuation only, for instance); the caller
    then falls back to an ID-based slug.

    >>> slugify("မြန်မာနိုင်ငံ")
    'မြန်မာနိုင်ငံ'
    >>> slugify("COVID-19 ကာလ၊ Don't panic!")
    'covid-19-ကာလ-dont-panic'
    """
    if max_length < 1:
        raise ValueError(f"max_length must be at least 1, not {max_length!r}")
    unicode_text = fix_zawgyi(text).text
    kept = "".join(
        character
        for character in unicode_text
        if unicodedata.category(character) != "Cf" and character not in _APOSTROPHES
    )
    folded = normalize(kept.casefold())
    mapped = "".join(character if _is_slug_character(character) else "-" for character in folded)
    # Normalised again: a zero kept as a digit by "၀,၅" is read as wa in "၀-၅".
    slug = normalize(re.sub("-{2,}", "-", mapped).strip("-"))
    return _shortened(slug, max_length)


def _shortened(slug: str, max_length: int) -> str:
    if len(slug) <= max_length:
        return slug
    # Only the start of the slug matters; the margin covers a unit that ends at the limit.
    start = slug[: max_length + _MARGIN]
    cut = max((unit.end for unit in units(start) if unit.end <= max_length), default=0)
    if cut == 0:
        cut = _last_character_boundary(slug, max_length)
    return slug[:cut].rstrip("-")


def _last_character_boundary(slug: str, max_length: int) -> int:
    """The last position up to ``max_length`` that splits no character from its signs."""
    for position in range(max_length, 0, -1):
        attaches = unicodedata.category(slug[position])[0] == "M"
        if not attaches and slug[position - 1] != script.VIRAMA:
            return position
    return 0


def validate_slug(slug: str) -> None:
    """Raise ValueError, saying why, unless ``slug`` has the form ``slugify`` produces.

    A valid slug is non-empty; holds only letters, combining marks and digits of any
    script, the Burmese word symbols ၌ ၍ ၎ ၏, and hyphens; has no hyphen at either end
    and no two in a row; and is already lower-case and normalised. Anything ``slugify``
    returns (other than "") passes.
    """
    if not slug:
        raise ValueError("A slug cannot be empty.")
    for position, character in enumerate(slug):
        if character != "-" and not _is_slug_character(character):
            raise ValueError(
                f"Slug {slug!r} contains {character!r} (U+{ord(character):04X}) at position "
                f"{position}; a slug holds only letters, marks, digits and hyphens."
            )
    if slug.startswith("-") or slug.endswith("-"):
        raise ValueError(f"Slug {slug!r} cannot start or end with a hyphen.")
    if "--" in slug:
        raise ValueError(f"Slug {slug!r} cannot contain two hyphens in a row.")
    expected = normalize(slug.casefold())
    if expected != slug:
        raise ValueError(
            f"Slug {slug!r} is not in normal form (lower case, NFC, Burmese spelling "
            f"normalised); use {expected!r}."
        )
