"""Audience signals on reader pages: view counts, Most read, Similar picks.

Everything here changes without a publish, so templates wrap each piece in a volatile region
(<!--volatile-->...<!--/volatile-->, masthead/publishing/volatile.py; regions do not nest):
`publish --verify` ignores it and the periodic refresh re-renders the pages whose figures
changed. The figures are read once a minute per process (masthead/metrics/recent.py).
"""

from __future__ import annotations

import copy
from typing import Any

from django import template
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext

from masthead import burmese
from masthead.journalism.models import ArticlePage
from masthead.metrics import rankings, recent
from masthead.metrics.beacon import beacon_url

register = template.Library()

SIMILAR_PER_PAGE = 4


def views_text(count: int) -> str:
    """ "1.5k views" / "ကြည့်ရှုမှု ၁.၅ ထောင်", in the active edition's language."""
    language = "my" if get_language() == "my" else "en"
    shown = burmese.humanize_count(count, language)
    return ngettext("%(views)s view", "%(views)s views", count) % {"views": shown}


@register.simple_tag
def view_beacon(story: ArticlePage) -> str:
    return beacon_url(story.pk)


@register.simple_tag
def load_view_totals(*groups: Any) -> str:
    """Read the totals of many stories (lists of them, or single ones) in one query, for
    `view_count` to show."""
    listed = [
        story
        for group in groups
        if group is not None
        for story in ([group] if isinstance(group, ArticlePage) else group)
        if story is not None
    ]
    totals = _totals(tuple(story.pk for story in listed))
    for story in listed:
        story.view_total = totals.get(story.pk, 0)
    return ""


@register.simple_tag
def view_count(story: ArticlePage, total: int | None = None) -> SafeString:
    """A story's humanised count; nothing until it has been read."""
    if total is None:
        total = getattr(story, "view_total", None)
    if total is None:
        total = _totals((story.pk,)).get(story.pk, 0)
    if not total:
        return mark_safe("")
    return format_html('<span class="views">{}</span>', views_text(total))


@register.simple_tag
def most_read(locale_id: int, section_path: str = "", limit: int = 5) -> list[rankings.Ranked]:
    return _copies(
        recent.kept(
            ("most-read", locale_id, section_path, limit),
            lambda: rankings.most_read(
                locale_id=locale_id, section_path=section_path or None, limit=limit
            ),
        )
    )


@register.simple_tag
def trending_stories(locale_id: int, limit: int = 5) -> list[rankings.Ranked]:
    """Trending for the home front, each with its all-time count (as everywhere else)."""

    def read() -> list[rankings.Ranked]:
        ranked = rankings.trending(locale_id=locale_id, limit=limit)
        totals = rankings.totals_for(item.story.pk for item in ranked)
        return [rankings.Ranked(item.story, totals.get(item.story.pk, 0)) for item in ranked]

    return _copies(recent.kept(("trending", locale_id, limit), read))


@register.simple_tag
def similar_picks(story: ArticlePage) -> list[rankings.Ranked]:
    """The first picks, and one more when there is a next page for "Load more"."""
    section_path = story.path[: -ArticlePage.steplen]
    return _copies(
        recent.kept(
            _similar_key(story),
            lambda: rankings.popular_before(
                story=story, section_path=section_path, limit=SIMILAR_PER_PAGE + 1
            ),
        )
    )


def _similar_key(story: ArticlePage) -> tuple[Any, ...]:
    return ("similar", story.pk, story.path[: -ArticlePage.steplen], story.first_published_at)


def read_similar_for_batch(stories: list[ArticlePage]) -> None:
    """The picks `similar_picks` will ask for, read for a batch of story pages at once."""
    picks = rankings.popular_before_each(stories, limit=SIMILAR_PER_PAGE + 1)
    kept = {_similar_key(story): picks[story.pk] for story in stories if story.pk in picks}
    recent.keep_for_batch(kept)


def _totals(story_ids: tuple[int, ...]) -> dict[int, int]:
    """All-time totals (kept: read them, never change them)."""
    return recent.kept(("totals", story_ids), lambda: rankings.totals_for(story_ids))


def read_totals_for_batch(groups: list[tuple[int, ...]]) -> None:
    """The totals `load_view_totals` and `view_count` will ask for, group by group, read
    in one query for a batch of renders (a chunk of a full build)."""
    totals = rankings.totals_for({pk for group in groups for pk in group})
    recent.keep_for_batch(
        {("totals", group): {pk: totals[pk] for pk in group if pk in totals} for group in groups}
    )


def _copies(ranked: list[rankings.Ranked]) -> list[rankings.Ranked]:
    """Kept rankings, with stories of this render's own: templates may set attributes on
    them."""
    return [rankings.Ranked(copy.copy(item.story), item.views) for item in ranked]
