"""Best match: the order of a bounded set of matching stories, the same on both engines.

The engines find the newest stories that match (at most a few hundred, keys.py); they are
ranked here from what each document row keeps: the tokens of its headline, standfirst and
extra field (section, tags, authors, kicker, captions). Each term the reader typed counts
by its rarity in the whole index (BM25's inverse document frequency, from the vocabulary)
times the weight of the best field it occurs in, saturating with repetition as BM25 does;
a term found only in the body counts with the body's weight. Ties go to the newest story.

Ranking outside the engines keeps it bounded (it never scores all the stories a common
word matches), identical on SQLite and PostgreSQL, and free of reading the stories'
full indexed text (PostgreSQL's ts_rank would fetch every candidate's vector).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from masthead.search.plan import Clause, MatchPlan

FIELD_SEPARATOR: Final = "\t"
#: Weights of headline, standfirst and extra, and of a term found only in the body.
FIELD_WEIGHTS: Final = (10.0, 5.0, 3.0)
BODY_WEIGHT: Final = 1.0
#: BM25's k1: how quickly repeating a term stops adding to its weight.
SATURATION: Final = 1.2


def ranking_text(headline: list[str], standfirst: list[str], extra: list[str]) -> str:
    """What a document row keeps for ranking: its fields' tokens."""
    return FIELD_SEPARATOR.join(" ".join(tokens) for tokens in (headline, standfirst, extra))


def _pattern(clauses: tuple[Clause, ...]) -> re.Pattern[str]:
    """One pattern for all the clauses, a named group each, read once through a text."""
    groups = []
    for number, clause in enumerate(clauses):
        options = sorted({" ".join(o.words) for o in clause.options}, key=len, reverse=True)
        groups.append(f"(?P<c{number}>" + "|".join(map(re.escape, options)) + ")")
    return re.compile("(?<![^ \\t])(?:" + "|".join(groups) + ")(?![^ \\t])")


def _weight(found: list[int]) -> float:
    """The weight of a term found this many times in each field (BM25's saturation)."""
    return max(
        [BODY_WEIGHT]
        + [
            w * n * (SATURATION + 1) / (n + SATURATION)
            for w, n in zip(FIELD_WEIGHTS, found, strict=False)
            if n
        ]
    )


def rank(candidates: Iterable[tuple[int, str]], plan: MatchPlan) -> list[int]:
    """Keys of (key, ranking text) candidates, best match first."""
    pattern = _pattern(plan.required)
    rarity = [plan.rarity(clause) for clause in plan.required]
    body_only = BODY_WEIGHT * sum(rarity)
    scored = []
    for key, text in candidates:
        found: dict[str, list[int]] = {}
        for match in pattern.finditer(text):
            clause = match.lastgroup or ""
            counts = found.setdefault(clause, [0] * len(FIELD_WEIGHTS))
            counts[text.count(FIELD_SEPARATOR, 0, match.start())] += 1
        score = body_only
        for clause, counts in found.items():
            score += rarity[int(clause[1:])] * (_weight(counts) - BODY_WEIGHT)
        scored.append((-score, key))
    scored.sort()
    return [key for _, key in scored]
