"""The tokens both search engines see, and the English word forms a query word stands for.

Documents and queries go through ``masthead.burmese.index_text`` (Zawgyi converted,
normalised, case-folded, split into syllables, words and digit runs). What is left to do
here is the same for both engines, so that SQLite FTS5 and PostgreSQL match exactly the
same documents: drop punctuation, split words at apostrophes (``ASEAN's`` is found by
``asean``) and leave nothing an engine would parse differently. Each engine then stores the
tokens as they are (FTS5's tokenizer is told to keep every character a token holds;
PostgreSQL receives a tsvector built here), and English stemming is done at query time
with the Snowball English stemmer (``english_forms``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Final

import snowballstemmer

from masthead.burmese import index_text, syllables

#: Tokens longer than this are dropped: no one searches for them, and PostgreSQL refuses
#: lexemes over 2 KB.
MAX_TOKEN_LENGTH: Final = 60
#: Myanmar characters that are not letters or digits but belong inside tokens: vowel signs,
#: medials, tones, asat, virama, and the word symbols ၌ ၍ ၎ ၏. The sentence marks ၊ and ။
#: are punctuation.
_MYANMAR_SENTENCE_MARKS: Final = frozenset("\u104a\u104b")
_APOSTROPHES = re.compile("['\u2019\u02bc]")


@cache
def myanmar_token_characters() -> str:
    """Characters FTS5's unicode61 tokenizer must be told are part of tokens: every
    non-letter, non-digit character of the Myanmar blocks except the two sentence marks,
    plus the separators kept inside numbers (``2,000``, ``၁.၅``)."""
    import unicodedata

    from masthead.burmese.script import MYANMAR_BLOCKS

    kept = [
        chr(code)
        for first, last in MYANMAR_BLOCKS
        for code in range(first, last + 1)
        if unicodedata.category(chr(code))[0] not in "LN"
        and unicodedata.category(chr(code)) != "Cn"
        and chr(code) not in _MYANMAR_SENTENCE_MARKS
    ]
    return "".join(kept) + ",."


@cache
def _token_character() -> re.Pattern[str]:
    """A letter or digit of any script, or a Myanmar character other than ၊ and ။."""
    from masthead.burmese.script import ALL as MYANMAR
    from masthead.burmese.script import character_class

    return re.compile(f"[^\\W_]|[{character_class(MYANMAR - _MYANMAR_SENTENCE_MARKS)}]")


def tokens_of_index_form(indexed: str) -> list[str]:
    """The engine tokens of text already in index form (``index_text``)."""
    is_token = _token_character().search
    found: list[str] = []
    for unit in indexed.split():
        parts = (
            _APOSTROPHES.split(unit)
            if ("'" in unit or "\u2019" in unit or "\u02bc" in unit)
            else (unit,)
        )
        for part in parts:
            part = part.strip(",.")
            if part and len(part) <= MAX_TOKEN_LENGTH and is_token(part):
                found.append(part)
    return found


def tokens(text: str) -> list[str]:
    """The engine tokens of any text: ``index_text``, then ``tokens_of_index_form``."""
    return tokens_of_index_form(index_text(text))


#: What only Zawgyi text holds: its extra glyph code points (Shan, Mon and Karen letters in
#: Unicode, rare in a Burmese newsroom's text, which then simply takes the slow path), or the
#: vowel sign e or a medial typed before its consonant (visual order).
_MAY_BE_ZAWGYI = re.compile("[\u1060-\u1097]|(?<![\u1000-\u102a\u1039\u103a-\u103f])[\u1031\u103b]")


def stored_text_tokens(text: str) -> list[str]:
    """The engine tokens of text the newsroom stored, the same as ``tokens`` but faster.

    Stored text is Unicode: Zawgyi is converted where text comes in (staff forms,
    importers) and ``masthead burmese`` audits what is stored. ``index_text`` spends most
    of its time asking the Zawgyi detector about every paragraph, twice; text with no sign
    of Zawgyi skips it and is cut into the same syllables directly. Anything that may be
    Zawgyi still goes through ``index_text``."""
    if _MAY_BE_ZAWGYI.search(text):
        return tokens(text)
    return tokens_of_index_form(" ".join(syllables(text.casefold())))


# --- English word forms --------------------------------------------------------------------
_ENGLISH_WORD = re.compile(r"[a-z]{3,30}")
#: Most useful first: a word stands for at most MAX_FORMS forms.
_SUFFIXES: Final = (
    "",
    "s",
    "e",
    "es",
    "ed",
    "d",
    "ing",
    "er",
    "ers",
    "ion",
    "ions",
    "ance",
    "ances",
    "ence",
    "ences",
    "ment",
    "ments",
    "y",
    "ies",
    "ied",
    "al",
    "ly",
)
#: How many forms a query word may stand for: the engine ORs them.
MAX_FORMS: Final = 20


@cache
def _stemmer() -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer("english")


def english_stem(word: str) -> str:
    return str(_stemmer().stemWord(word))


@lru_cache(maxsize=4096)
def english_forms(word: str) -> tuple[str, ...]:
    """The inflected forms of an English query word that share its Snowball stem, the word
    first: ``villages`` → village, villages, villager...; other tokens stand for themselves.

    Forms are generated from the stem with common suffixes and kept only if they stem back
    to the same stem, so ``elect`` never stands for ``electricity``."""
    if not _ENGLISH_WORD.fullmatch(word):
        return (word,)
    stem = english_stem(word)
    bases = [stem]
    if stem.endswith(("i", "e")):
        bases.append(stem[:-1])  # citi → city, cities; price → pricing
    else:
        bases.append(stem + "e")  # displac → displacement
    if len(stem) >= 3 and stem[-1] not in "aeiouwxy" and stem[-2] in "aeiou":
        bases.append(stem + stem[-1])  # stop → stopped, stopping
    forms = [word]
    for suffix in _SUFFIXES:
        for base in bases:
            if base.endswith("e") and suffix[:1] in ("e", "i"):
                continue  # not "priceed"
            form = base + suffix
            if form not in forms and english_stem(form) == stem:
                forms.append(form)
    return tuple(forms[:MAX_FORMS])
