"""Story keys: where a story sits in its edition's newest-first order, as one integer.

A key is the edition's number, then the minutes from the story's publication to a fixed
end of time (so newer stories have smaller keys), then a small slot that tells apart
stories published in the same minute::

    key = edition << 40 | minutes before END << 4 | slot

It is the story's row id in the engine's index (the FTS5 rowid on SQLite, the primary key
of the indexed rows on PostgreSQL). An edition is then a range of keys, a date range a
smaller range inside it, and "newest first" is ascending key order, which both engines
read straight from their index, stopping after the first few hundred matches. Minutes
keep date filters exact (every time zone's midnight falls on a whole minute) and keep the
gaps between neighbouring keys small, so the engine's index stays compact.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from typing import Final

from django.conf import settings

END: Final = datetime(2300, 1, 1, tzinfo=UTC)
MINUTE_BITS: Final = 36
SLOT_BITS: Final = 4
EDITION_SHIFT: Final = MINUTE_BITS + SLOT_BITS
#: Stories published in the same minute that get a key of that minute; more take the next
#: free keys, which sort them a minute or so older.
SLOTS: Final = 1 << SLOT_BITS
MAX_EDITIONS: Final = 8


def edition_number(language: str) -> int:
    """The edition's place among the site's languages; an unknown one gets the last."""
    codes = [code for code, _ in settings.LANGUAGES]
    return codes.index(language) if language in codes else MAX_EDITIONS - 1


def _minutes_before_end(moment: datetime) -> int:
    # Rounded up: minute k holds the stories published in [END - k minutes, a minute later).
    minutes = -((moment - END) // timedelta(minutes=1))
    return min(max(minutes, 0), (1 << MINUTE_BITS) - 1)


def first_key_at(language: str, moment: datetime) -> int:
    """The smallest key a story of this edition published at ``moment`` may have."""
    return (edition_number(language) << EDITION_SHIFT) | (_minutes_before_end(moment) << SLOT_BITS)


def edition_range(
    language: str, *, since: datetime | None = None, before: datetime | None = None
) -> tuple[int, int]:
    """The keys of an edition's stories published in [since, before), both ends inclusive.

    ``before`` is exclusive: a story published at that very minute is left out."""
    edition = edition_number(language) << EDITION_SHIFT
    low, high = edition, edition | ((1 << EDITION_SHIFT) - 1)
    if before is not None:
        low = max(low, first_key_at(language, before) + SLOTS)
    if since is not None:
        high = min(high, first_key_at(language, since) + SLOTS - 1)
    return low, high


def age_order(key: int) -> int:
    """A key without its edition: merges the newest-first lists of several editions."""
    return key & ((1 << EDITION_SHIFT) - 1)


def choose_key(language: str, moment: datetime, page_id: int, taken: Collection[int]) -> int:
    """A free key for a story: its minute's slot (chosen by page id, so a story keeps its key
    when indexed again), else the next free key after it."""
    first = first_key_at(language, moment)
    wanted = first + page_id % SLOTS
    if wanted not in taken:
        return wanted
    candidate = first
    while candidate in taken:
        candidate += 1
    return candidate
