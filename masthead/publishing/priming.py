"""Reads of a whole build chunk, done in bulk before its pages render.

A full build renders its URLs in inventory order: a story, then its light parts, then the
next story of the section. Rendered one by one, each story asks the database for its page,
its section, neighbours, counterpart, bylines, tags, corrections and claims: a dozen small
queries, and Python building each of them. Here the chunk's stories are read in a few
queries and put where the renders look them up (`memo.keep_for_batch`), under the very keys
the one-story path keeps them by, so a page rendered either way is the same bytes.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

from django.db.models import Prefetch

from masthead.core import memo
from masthead.journalism.models import ArticlePage, HomePage, NewsRendition
from masthead.journalism.queries import article_pages, may_be_restricted
from masthead.metrics.templatetags.signals import read_similar_for_batch, read_totals_for_batch
from masthead.publishing.lite.links import LiteLinks
from masthead.publishing.lite.queries import Found, found_page_key, lite_stories, lite_story_key


def prime_chunk(urls: Sequence[str]) -> None:
    """Read the stories among `urls` in bulk, for the renders of this build chunk."""
    with memo.request_scope():  # what the reads below share is kept for the chunk too
        _prime(urls)


def _prime(urls: Sequence[str]) -> None:
    tails = _address_tails(urls)
    stories = _stories_named(tails, _candidate_slugs(urls))
    if not stories:
        return
    homes = {home.locale_id: home for home in HomePage.objects.filter(depth=2).order_by("-path")}
    values: dict[Hashable, Any] = {}
    in_light_edition = []
    for story in stories:
        home = homes.get(story.locale_id)
        if home is not None and story.url_path.startswith(home.url_path):
            values.update(_addresses_of(story, home))
            if not may_be_restricted(story):  # the light edition shows public pages only
                values.update(_light_addresses_of(story, home, tails))
                in_light_edition.append(story)
    views = article_pages(stories)
    for story in stories:
        if story.pk in views:
            values[("article-view", story.pk, story.live_revision_id)] = views[story.pk]
    # A story page shows its own count and its related stories' (in that order of reads).
    related = [tuple(story.pk for story in view.related) for view in views.values()]
    read_totals_for_batch([(story.pk,) for story in stories] + related)
    read_similar_for_batch(stories)
    light = lite_stories(in_light_edition, LiteLinks.load(), views)
    for story in in_light_edition:
        if story.pk in light:
            values[lite_story_key(story)] = light[story.pk]
    memo.keep_for_batch(values)


def _address_tails(urls: Iterable[str]) -> set[str]:
    """Every trailing run of path segments of the URLs ("lite/news/x/2", "news/x/2",
    "x/2", "2"...), decoded: a story is in the chunk when its path under its edition's
    front is one of them, whatever the edition's prefix."""
    tails: set[str] = set()
    for url in urls:
        segments = [part for part in unquote(urlsplit(url).path).split("/") if part]
        tails.update("/".join(segments[start:]) for start in range(len(segments)))
    return tails


def _candidate_slugs(urls: Iterable[str]) -> set[str]:
    """The slug each URL could name a story by: its last segment, or the one before when
    the last is a light part's number."""
    slugs: set[str] = set()
    for url in urls:
        segments = [part for part in unquote(urlsplit(url).path).split("/") if part]
        if segments:
            slugs.add(segments[-1])
            if segments[-1].isdigit() and len(segments) > 1:
                slugs.add(segments[-2])
    return slugs


def _stories_named(tails: set[str], slugs: set[str]) -> list[ArticlePage]:
    """Live stories with one of the slugs (looked up by slug: its index is the one that
    stays small on a large archive), whose address is among the chunk's."""
    if not slugs:
        return []
    found = (
        ArticlePage.objects.live()
        .filter(slug__in=slugs)
        .select_related("locale", "featured_image")
        # The story page shows its picture in several sizes: every size already made is
        # read here rather than looked up one by one during the render.
        .prefetch_related(
            Prefetch(
                "featured_image__renditions",
                queryset=NewsRendition.objects.all(),
                to_attr="prefetched_renditions",
            )
        )
    )
    return [story for story in found.order_by("path") if _in_tails(story, tails)]


def _in_tails(story: ArticlePage, tails: set[str]) -> bool:
    # Below the site root and edition front: "/home/news/x/" holds "news/x".
    segments = story.url_path.strip("/").split("/")
    return "/".join(segments[1:]) in tails


def _addresses_of(story: ArticlePage, home: HomePage) -> dict[Hashable, Any]:
    """What `HomePage.route` keeps for the story's address: the story itself."""
    return {("route", home.pk, _components(story, home)): story}


def _light_addresses_of(story: ArticlePage, home: HomePage, tails: set[str]) -> dict[Hashable, Any]:
    """What the light edition's `find_page` keeps for each of the story's light parts in
    the chunk."""
    relative = story.url_path[len(home.url_path) :]
    values: dict[Hashable, Any] = {found_page_key(home, relative): Found(page=story, part=1)}
    number = 2
    while "/".join((*_components(story, home), str(number))) in tails:
        values[found_page_key(home, f"{relative}{number}/")] = Found(page=story, part=number)
        number += 1
    return values


def _components(story: ArticlePage, home: HomePage) -> tuple[str, ...]:
    """The story's address under its edition's front, as the router splits it."""
    return tuple(part for part in story.url_path[len(home.url_path) :].split("/") if part)
