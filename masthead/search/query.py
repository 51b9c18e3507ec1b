"""The query pipeline: what a reader typed → a structure the engines render themselves.

A query is split into terms at whitespace, except inside "double quotes" (a phrase), and a
term with a leading minus is excluded. Each term goes through ``index_text`` (Zawgyi
converted, normalised, syllables) and ``tokens_of_index_form``; a term is then matched as
a phrase of its tokens, so a Burmese word is found inside longer unspaced text. A single
English word also matches its inflected forms (``english_forms``), unless quoted. For live
search the last term, if the reader is still typing it, matches as a prefix.

Nothing of what the reader typed is passed to an engine as syntax: the engines build their
query language from these tokens, quoting every one of them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from typing import Final

from masthead.search.tokens import english_forms, tokens

#: Longer queries are refused with a clear message (400), not cut silently.
MAX_QUERY_LENGTH: Final = 200
#: Terms beyond this many are ignored: they would only narrow the results to nothing.
MAX_TERMS: Final = 8
#: A word being typed is matched as a prefix from this many characters.
MIN_PREFIX_LENGTH: Final = 2
#: Syllables or words in one phrase.
MAX_PHRASE_TOKENS: Final = 32

_TERM = re.compile(r'(-?)"([^"]*)"?|(-?)(\S+)')
#: Zero width joiner and non-joiner select glyph forms and are kept; other format and
#: control characters are dropped (a pasted query often carries them).
_KEPT_FORMAT_CHARACTERS: Final = frozenset("\u200c\u200d")
#: Phones type curly quotes and some keyboards a true minus sign: read them as " and -.
_TYPED_PUNCTUATION: Final = str.maketrans(
    {"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "\u2212": "-"}
)


class QueryError(ValueError):
    """The query cannot be searched; the message says why, for the reader."""


@dataclass(frozen=True)
class Phrase:
    """Tokens that must appear in this order, next to each other. ``forms`` (a single
    English word) lists the words that may stand in its place; ``prefix`` marks the last
    token as a prefix (the reader is still typing it)."""

    tokens: tuple[str, ...]
    forms: tuple[str, ...] = ()
    prefix: bool = False

    def variants(self) -> list[tuple[tuple[str, ...], bool]]:
        """The token sequences this phrase may be, each with whether its last token is a
        prefix. A word being typed is a prefix from MIN_PREFIX_LENGTH characters: a shorter
        one (a lone Burmese consonant) would expand to a large share of the vocabulary. A
        Burmese word being typed may end in the consonant that will close its last
        syllable once asat is typed (ရန်ကုန → ရန်ကုန်); the syllable rule reads that
        consonant as a syllable of its own, so the phrase may also end in the two joined,
        as a prefix."""
        if not self.prefix:
            return [(self.tokens, False)]
        found = [(self.tokens, len(self.tokens[-1]) >= MIN_PREFIX_LENGTH)]
        if len(self.tokens) >= 2 and _may_close_syllable(self.tokens[-1]):
            found.append(((*self.tokens[:-2], self.tokens[-2] + self.tokens[-1]), True))
        return found


def _may_close_syllable(token: str) -> bool:
    from masthead.burmese.script import CONSONANTS

    return token[0] in CONSONANTS and all(c in CONSONANTS or c == "\u1037" for c in token)


@dataclass(frozen=True)
class SearchQuery:
    text: str  # the query as cleaned, for showing back to the reader
    required: tuple[Phrase, ...] = ()
    excluded: tuple[Phrase, ...] = ()
    ignored_terms: int = 0
    words: tuple[str, ...] = field(default=())  # every required token, for highlighting

    @property
    def is_empty(self) -> bool:
        """Nothing to look for: no text, or only exclusions."""
        return not self.required


def clean_text(raw: str) -> str:
    """The query without control and invisible format characters, NFC, spaces collapsed."""
    kept = "".join(
        " " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") or ch.isspace() else ch
        for ch in raw
        if unicodedata.category(ch) not in ("Cf", "Cs", "Co", "Cn") or ch in _KEPT_FORMAT_CHARACTERS
    )
    return " ".join(unicodedata.normalize("NFC", kept).translate(_TYPED_PUNCTUATION).split())


def parse_query(raw: str, *, live: bool = False) -> SearchQuery:
    """Parse what the reader typed. ``live``: the last term may be a word being typed.

    Raises ``QueryError`` for a query longer than ``MAX_QUERY_LENGTH`` characters."""
    if len(raw) > MAX_QUERY_LENGTH * 4:  # before any work on a huge input
        raise QueryError(f"Please search for at most {MAX_QUERY_LENGTH} characters.")
    text = clean_text(raw)
    if len(text) > MAX_QUERY_LENGTH:
        raise QueryError(f"Please search for at most {MAX_QUERY_LENGTH} characters.")
    still_typing = live and bool(raw) and not raw[-1].isspace() and not raw.endswith('"')
    matches = list(_TERM.finditer(text))
    required: list[Phrase] = []
    excluded: list[Phrase] = []
    considered = matches[:MAX_TERMS]
    for position, match in enumerate(considered):
        quoted = match.group(2) is not None
        negated = bool(match.group(1) if quoted else match.group(3))
        term = match.group(2) if quoted else match.group(4)
        found = tokens(term)[:MAX_PHRASE_TOKENS]
        if not found:
            continue
        is_last = position == len(matches) - 1
        prefix = still_typing and is_last and not quoted and not negated
        forms: tuple[str, ...] = ()
        if not quoted and len(found) == 1:
            forms = english_forms(found[0])
            if len(forms) == 1:
                forms = ()
        phrase = Phrase(tokens=tuple(found), forms=forms, prefix=prefix)
        (excluded if negated else required).append(phrase)
    words = tuple(dict.fromkeys(t for p in required for t in (*p.tokens, *p.forms)))
    return SearchQuery(
        text=text,
        required=tuple(required),
        excluded=tuple(excluded),
        ignored_terms=max(0, len(matches) - MAX_TERMS),
        words=words,
    )
