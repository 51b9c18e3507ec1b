"""The match plan: a parsed query (query.py) turned into engine terms, with the vocabulary.

Each term the reader typed becomes a *clause*: the options that may stand in its place,
each a sequence of engine terms that must appear next to each other (terms.py). A clause
of a single English word lists the forms of the word that occur in the index; a word
being typed lists its most common completions (a Burmese one completes its last pair, so
"ရန်ကု" becomes the pairs that start with "ရန်၊ကု"); a Burmese word is a phrase of its
pairs. Both engines render the same plan in their own query language, quoting every
term, so they match the same stories; the plan's counts estimate how many stories match
(PostgreSQL chooses how to read its index by it) and weigh rare terms above common ones
when results are ranked (ranking.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Final

from django.conf import settings

from masthead.search import vocabulary
from masthead.search.query import Phrase, SearchQuery
from masthead.search.terms import PAIR_JOINER, facet, is_burmese, pair, phrase_terms

#: How many completions a word being typed stands for (the most common ones).
COMPLETIONS: Final = 10


@dataclass(frozen=True)
class Option:
    terms: tuple[str, ...]  # engine terms, a phrase when there are several
    words: tuple[str, ...]  # the tokens they stand for, for ranking
    documents: int  # stories that hold its rarest term


@dataclass(frozen=True)
class Clause:
    options: tuple[Option, ...]

    @property
    def documents(self) -> int:
        return sum(option.documents for option in self.options)

    @property
    def is_phrase(self) -> bool:
        return any(len(option.terms) > 1 for option in self.options)


@dataclass(frozen=True)
class MatchPlan:
    required: tuple[Clause, ...] = ()
    excluded: tuple[Clause, ...] = ()
    facets: tuple[str, ...] = ()
    facet_documents: tuple[int, ...] = ()
    stories: int = 1  # stories in the index
    impossible: bool = False  # a required term occurs nowhere: nothing can match
    edition_stories: dict[str, int] = field(default_factory=dict)

    @property
    def matches_nothing(self) -> bool:
        return self.impossible or not self.required

    @property
    def has_phrases(self) -> bool:
        return any(clause.is_phrase for clause in (*self.required, *self.excluded))

    def selectivity(self) -> float:
        """The share of stories expected to match, taking the terms as independent."""
        share = 1.0
        for documents in (*(c.documents for c in self.required), *self.facet_documents):
            share *= min(1.0, documents / self.stories)
        return share

    def rarity(self, clause: Clause) -> float:
        """How much a clause counts in ranking: BM25's inverse document frequency."""
        documents = min(clause.documents, self.stories)
        return math.log(1 + (self.stories - documents + 0.5) / (documents + 0.5))


def _edition_facets() -> list[str]:
    return [facet("l", code) for code, _ in settings.LANGUAGES]


@dataclass
class _Builder:
    counts: dict[str, int]
    completed: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def count(self, terms: Sequence[str]) -> int:
        return min((self.counts.get(term, 0) for term in terms), default=0)

    def option(self, terms: Sequence[str], words: Sequence[str]) -> Option | None:
        documents = self.count(terms)
        return Option(tuple(terms), tuple(words), documents) if documents else None

    def completions(self, prefix: str) -> list[tuple[str, int]]:
        if prefix not in self.completed:
            self.completed[prefix] = vocabulary.completions(prefix, limit=COMPLETIONS)
        return self.completed[prefix]

    def clause(self, phrase: Phrase) -> Clause:
        options: list[Option | None] = []
        if phrase.forms:
            options += [self.option((form,), (form,)) for form in phrase.forms]
            if phrase.prefix and phrase.variants()[0][1]:
                options += self._completed(phrase.tokens)
        else:
            for tokens, is_prefix in phrase.variants():
                if is_prefix:
                    options += self._completed(tokens)
                else:
                    options.append(self.option(phrase_terms(tokens), tokens))
        unique = {option.terms: option for option in options if option is not None}
        return Clause(tuple(unique.values()))

    def _completed(self, tokens: Sequence[str]) -> list[Option | None]:
        """Options for a phrase whose last token is being typed."""
        *before, last = tokens
        if before and all(is_burmese(token) for token in tokens):
            fixed = phrase_terms(before) if len(before) >= 2 else ()
            return [
                self._with_fixed(fixed, term, (*before, term.split(PAIR_JOINER, 1)[1]), count)
                for term, count in self.completions(pair(before[-1], last))
            ]
        return [
            self._with_fixed(tuple(before), term, (*before, term), count)
            for term, count in self.completions(last)
        ]

    def _with_fixed(
        self, fixed: tuple[str, ...], term: str, words: tuple[str, ...], documents: int
    ) -> Option | None:
        if fixed:
            documents = min(documents, self.count(fixed))
        return Option((*fixed, term), words, documents) if documents else None


def _fixed_terms(phrases: Iterable[Phrase]) -> set[str]:
    """Every term the plan may need counted, apart from completions."""
    wanted: set[str] = set()
    for phrase in phrases:
        wanted.update(phrase.forms)
        for tokens, is_prefix in phrase.variants():
            if is_prefix:
                wanted.update(tokens[:-1])
                wanted.update(phrase_terms(tokens[:-1]))
            else:
                wanted.update(phrase_terms(tokens))
    return wanted


def build_plan(query: SearchQuery, *, facets: Sequence[str] = ()) -> MatchPlan:
    """The plan of a query, with the filters' facets (terms.facet) it must also match."""
    if query.is_empty:
        return MatchPlan()
    editions = _edition_facets()
    phrases = (*query.required, *query.excluded)
    builder = _Builder(vocabulary.counts({*_fixed_terms(phrases), *editions, *facets}))
    required = tuple(builder.clause(phrase) for phrase in query.required)
    excluded = tuple(
        clause for clause in (builder.clause(p) for p in query.excluded) if clause.options
    )
    edition_stories = {
        code: builder.counts.get(term, 0)
        for (code, _), term in zip(settings.LANGUAGES, editions, strict=True)
    }
    facet_documents = tuple(builder.counts.get(term, 0) for term in facets)
    return MatchPlan(
        required=required,
        excluded=excluded,
        facets=tuple(facets),
        facet_documents=facet_documents,
        stories=max(1, sum(edition_stories.values())),
        impossible=any(not clause.options for clause in required) or not all(facet_documents),
        edition_stories=edition_stories,
    )
