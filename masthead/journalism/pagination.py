"""Listings numbered from their oldest story, so their pages stay put as stories arrive.

A listing's front (/news/) shows its newest stories. Its numbered pages (/news/page/N/)
hold fixed slices counted from the oldest story: page 1 is the oldest twenty, page 2 the
next twenty, and so on. Publishing a story changes the front and the newest numbered page
only, never the thousands of pages behind them (docs/decisions/0008-stable-pagination.md).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

STORIES_PER_PAGE = 20
MAX_PAGE_NUMBER = 100_000


@dataclass
class ListingPage:
    """One page of a listing: its stories, newest first, and the pages around it."""

    object_list: list[Any]
    number: int | None  # None on the listing's front
    older: int | None  # the numbered page of the stories just before these
    newer: int | None  # the numbered page just after this one
    newer_is_front: bool = False

    @property
    def has_other_pages(self) -> bool:
        return bool(self.older or self.newer or self.newer_is_front)


def number_of_page_holding(position: int, per_page: int = STORIES_PER_PAGE) -> int:
    """The numbered page that holds the story with `position` stories older than it."""
    return position // per_page + 1


def last_page_number(total: int, per_page: int = STORIES_PER_PAGE) -> int:
    return max(1, -(-total // per_page))


def listing_page(
    newest_first: QuerySet[Any],
    number: int | None,
    per_page: int = STORIES_PER_PAGE,
    total: int | None = None,
) -> ListingPage:
    """The front (`number` None) or numbered page of a listing given newest first; `total`
    is its length when the caller can count it faster than `newest_first.count()`.

    Numbered pages exist once a listing outgrows its front; any other number is a 404."""
    total = newest_first.count() if total is None else total
    if number is None:
        older = number_of_page_holding(total - per_page - 1) if total > per_page else None
        return ListingPage(list(newest_first[:per_page]), None, older=older, newer=None)
    last = last_page_number(total, per_page)
    if total <= per_page or not 1 <= number <= min(last, MAX_PAGE_NUMBER):
        raise Http404(_("No such page."))
    oldest, newest = (number - 1) * per_page, min(number * per_page, total)
    if oldest < total - newest:  # read from whichever end is nearer: OFFSET is a scan
        stories = list(newest_first.reverse()[oldest:newest])[::-1]
    else:
        stories = list(newest_first[total - newest : total - oldest])
    return ListingPage(
        stories,
        number,
        older=number - 1 if number > 1 else None,
        newer=number + 1 if number < last else None,
        newer_is_front=number == last,
    )
