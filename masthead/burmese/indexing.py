"""The search form of text: normalised Unicode syllables separated by spaces.

Search engines split text at spaces (PostgreSQL ``simple``) or at what they take for word
boundaries (SQLite FTS5), and neither finds Burmese words inside unspaced text. Indexing
documents and queries as space-separated syllables turns every Burmese substring search
into a phrase search that both engines answer exactly.
"""

from __future__ import annotations

from typing import Final

from masthead.burmese.normalization import normalize
from masthead.burmese.paragraphs import split_paragraphs
from masthead.burmese.segmentation import unit_texts
from masthead.burmese.zawgyi import CONVERT_ABOVE, zawgyi_probability, zawgyi_to_unicode

#: How many more conversions a paragraph gets if its index form still reads as Zawgyi.
#: Real text never needs one; this bounds the work on arbitrary input.
_MAX_SETTLING_ROUNDS: Final = 3


def index_text(text: str) -> str:
    """The form of ``text`` to store in a search index and to search with.

    Each paragraph (line) that reads as Zawgyi (probability above ``CONVERT_ABOVE``) is
    converted to Unicode; the text is normalised (``normalize``) and case-folded (Latin,
    Greek, Cyrillic...); its syllables, words, digit runs and punctuation marks are joined
    by single spaces, one line per non-empty paragraph. Index documents and queries with
    this same function, then search for the query as a phrase.

    The result is a fixed point: ``index_text(index_text(t)) == index_text(t)``. To keep
    that promise a paragraph whose spaced-out form reads as Zawgyi is converted too, even
    if the paragraph itself was not certain enough for ``fix_zawgyi``.

    >>> index_text("မြန်မာ COVID-19")
    'မြန် မာ covid - 19'
    """
    indexed = (_index_paragraph(paragraph) for paragraph, _ in split_paragraphs(text))
    return "\n".join(line for line in indexed if line)


def _index_paragraph(paragraph: str) -> str:
    is_zawgyi = zawgyi_probability(paragraph) > CONVERT_ABOVE
    indexed = _spaced_units(zawgyi_to_unicode(paragraph) if is_zawgyi else paragraph)
    if zawgyi_probability(indexed) <= CONVERT_ABOVE:
        return indexed
    if not is_zawgyi:
        # Converting the paragraph as typed keeps Zawgyi's visual order (vowel sign e
        # before its consonant) in one piece; the spaced form would have split it.
        indexed = _spaced_units(zawgyi_to_unicode(paragraph))
    for _ in range(_MAX_SETTLING_ROUNDS):
        if zawgyi_probability(indexed) <= CONVERT_ABOVE:
            break
        settled = _spaced_units(zawgyi_to_unicode(indexed))
        if settled == indexed:  # converting changes nothing more: a fixed point too
            break
        indexed = settled
    return indexed


def _spaced_units(unicode_text: str) -> str:
    return " ".join(unit_texts(normalize(unicode_text.casefold())))
