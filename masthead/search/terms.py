"""The engine text of a story: the terms both engines index, in the order they see them.

A story's fields (headline, standfirst, body, extra) become one stream of terms:

- its tokens (tokens.py), field after field, with a separator between fields so a phrase
  never runs from one field into the next;
- then *pairs*: every two neighbouring Burmese tokens of a field joined into one term
  (``ရန်`` ``ကုန်`` → ``ရန်၊ကုန်``), in runs. A Burmese word of two syllables is then
  one term, not a phrase; a longer word is a phrase of its pairs, whose terms are far
  rarer than its syllables. Both engines answer such queries from their index alone:
  FTS5 without intersecting the positions of common syllables, PostgreSQL's GIN index
  without rechecking the stories' vectors;
- then *facets*: the story's edition, sections and authors as terms (``။s12``), so the
  section and author filters are part of the match, not a join.

The separator ``။`` and the joiner ``၊`` are Burmese sentence marks: tokens.py drops them
from every token, so no word a reader types ever reaches a pair, a facet or a separator.
SQLite's tokenizer is told they are token characters; PostgreSQL receives the terms as
they are. The stream is stored (compressed) with the story, because a story can only be
taken out of FTS5's contentless index and out of the vocabulary with the terms it went in
with.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import Final

SEPARATOR: Final = "\u104b"  # ။
PAIR_JOINER: Final = "\u104a"  # ၊


@cache
def _myanmar() -> frozenset[str]:
    from masthead.burmese.script import ALL

    return ALL


def is_burmese(token: str) -> bool:
    myanmar = _myanmar()
    return any(character in myanmar for character in token)


def pair(first: str, second: str) -> str:
    return first + PAIR_JOINER + second


def is_pair(term: str) -> bool:
    return PAIR_JOINER in term


def facet(kind: str, value: object) -> str:
    """A filter's term: ``facet("s", 12)`` for section 12, "a" authors, "l" editions."""
    return f"{SEPARATOR}{kind}{value}"


def is_facet(term: str) -> bool:
    return term.startswith(SEPARATOR) and term != SEPARATOR


def _pair_runs(tokens: Sequence[str]) -> Iterator[list[str]]:
    run: list[str] = []
    for first, second in itertools.pairwise(tokens):
        if is_burmese(first) and is_burmese(second):
            run.append(pair(first, second))
        elif run:
            yield run
            run = []
    if run:
        yield run


def phrase_terms(tokens: Sequence[str]) -> tuple[str, ...]:
    """The engine terms a phrase of tokens is searched as: its pairs when every token is
    Burmese (two syllables are one pair term), else the tokens themselves."""
    if len(tokens) >= 2 and all(is_burmese(token) for token in tokens):
        return tuple(pair(a, b) for a, b in itertools.pairwise(tokens))
    return tuple(tokens)


def engine_text(fields: Sequence[Sequence[str]], facets: Iterable[str]) -> str:
    """The one stream of terms a story is indexed as, space-separated."""
    stream: list[str] = []
    for tokens in fields:
        if stream:
            stream.append(SEPARATOR)
        stream.extend(tokens)
    for tokens in fields:
        for run in _pair_runs(tokens):
            stream.append(SEPARATOR)
            stream.extend(run)
    stream.append(SEPARATOR)
    stream.extend(facets)
    return " ".join(stream)


def distinct_terms(text: str) -> set[str]:
    """The terms of an engine text, each once, without separators."""
    found = set(text.split())
    found.discard(SEPARATOR)
    return found
