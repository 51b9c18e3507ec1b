"""Snippets: a short piece of a story's text around what the reader searched for, with the
matched words marked. Built in Python from the stored text, so both engines show the same.

The words looked for are the plan's (plan.py): the forms and completions that occur in the
index, as one pattern read once through the text. The stored text is already normalised
(documents.py), as the tokens the plan holds are.
"""

from __future__ import annotations

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from masthead.burmese.script import ALL as MYANMAR
from masthead.search.plan import MatchPlan

SNIPPET_LENGTH = 220
CONTEXT_BEFORE = 70
_ASAT_OR_VIRAMA = "\u103a\u1039"
_DOT_BELOW = "\u1037"


def _alternative(tokens: tuple[str, ...]) -> str:
    """Tokens in order, with at most a few spaces or marks of punctuation between them."""
    body = r"[\W_]{0,3}".join(re.escape(token) for token in tokens)
    before = r"(?<!\w)" if tokens[0][:1].isascii() else ""
    after = r"(?!\w)" if tokens[-1][-1:].isascii() else ""
    return before + body + after


@lru_cache(maxsize=512)
def _pattern(options: frozenset[tuple[str, ...]]) -> re.Pattern[str]:
    # Longest first: at one place in the text the longest form is the one marked.
    alternatives = sorted(map(_alternative, options), key=len, reverse=True)
    return re.compile("|".join(alternatives), re.IGNORECASE)


def _plan_pattern(plan: MatchPlan) -> re.Pattern[str] | None:
    options = frozenset(option.words for clause in plan.required for option in clause.options)
    return _pattern(options) if options else None


def _ends_a_syllable(text: str, end: int) -> bool:
    """A Burmese match must not stop inside a syllable: before a sign, or before a
    consonant that closes the syllable (one followed by asat or virama)."""
    if end >= len(text) or text[end] not in MYANMAR:
        return True
    following = text[end : end + 3]
    if following[0].isalpha() is False:  # a sign (vowel, medial, tone) of this syllable
        return False
    rest = following[1:].lstrip(_DOT_BELOW)
    return not rest[:1] or rest[0] not in _ASAT_OR_VIRAMA


def _matches(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text) if _ends_a_syllable(text, m.end())]


def snippet(text: str, plan: MatchPlan, fallback: str = "") -> SafeString:
    """About SNIPPET_LENGTH characters of ``text`` around the first match, matches marked;
    the start of ``fallback`` (the standfirst) or of the text when nothing matches."""
    pattern = _plan_pattern(plan)
    first = None
    if pattern is not None:
        first = next(
            (m.start() for m in pattern.finditer(text) if _ends_a_syllable(text, m.end())), None
        )
    if pattern is None or first is None:
        return mark_safe(escape(_cut(fallback or text, 0)))  # nothing to mark: all escaped
    start = max(0, first - CONTEXT_BEFORE)
    if start:
        space = text.rfind(" ", 0, start + 1)
        start = space + 1 if space > start - 20 else start
    window = text[start : start + SNIPPET_LENGTH]
    lead = "…" if start else ""
    tail = "…" if start + SNIPPET_LENGTH < len(text) else ""
    return mark_safe(lead + _mark(window, pattern) + tail)  # every piece went through escape()


def _mark(window: str, pattern: re.Pattern[str]) -> str:
    pieces: list[str] = []
    position = 0
    for start, end in _matches(window, pattern):
        pieces.append(escape(window[position:start]))
        pieces.append(f"<mark>{escape(window[start:end])}</mark>")
        position = end
    pieces.append(escape(window[position:]))
    return "".join(pieces)


def _cut(text: str, start: int) -> str:
    piece = text[start : start + SNIPPET_LENGTH]
    return piece + ("…" if start + SNIPPET_LENGTH < len(text) else "")
