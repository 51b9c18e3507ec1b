"""Reads of a whole build chunk, done in bulk before its pages render.

A full build renders its URLs in inventory order: a story, then its light parts, then the
next story of the section. Rendered one by one, each story asks the database for its page,
its section, neighbours, counterpart, bylines, tags, corrections and claims: a dozen small
queries, and Python building each of them. Here the chunk's stories are read in a few
queries and put where the renders look them up (`memo.keep_for_batch`), under the very keys
the one-story path keeps them by, so a page rendered either way is the same bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Any
from urllib.parse import unquote, urlsplit

from django.db.models import Prefetch, QuerySet

from masthead.core import memo
from masthead.journalism.models import ArticlePage, HomePage, NewsRendition
from masthead.journalism.queries import article_pages, may_be_restricted
from masthead.metrics.templatetags.signals import read_similar_for_batch, read_totals_for_batch
from masthead.publishing.inventory import StoryAddresses, live_stories
from masthead.publishing.lite.links import LiteLinks
from masthead.publishing.lite.paths import lite_urls_for_article
from masthead.publishing.lite.queries import Found, found_page_key, lite_stories, lite_story_key


def prime_chunk(urls: Sequence[str]) -> None:
    """Read the stories among `urls` in bulk, for the renders of this build chunk."""
    with memo.request_scope():  # what the reads below share is kept for the chunk too
        tails = _address_tails(urls)
        stories = _stories_named(tails, _candidate_slugs(urls))
        if not stories:
            return
        homes = _homes()
        _keep_story_reads(stories, homes)
        memo.keep_for_batch(
            _routes(stories, homes, lambda story, home: _parts_in(tails, story, home))
        )


def prime_stories(story_ids: Sequence[int]) -> dict[int, StoryAddresses]:
    """Read these live stories and what their pages show in bulk, for the renders of this
    build chunk, and give each story's addresses: working them out cuts long stories into
    light parts, from the same reads."""
    with memo.request_scope():
        stories = list(_with_pictures(live_stories().filter(pk__in=story_ids)))
        homes = _homes()
        _keep_story_reads(stories, homes)
        found = {}
        for story in stories:
            url = story.url
            found[story.pk] = StoryAddresses(url, lite_urls_for_article(story, url))
        memo.keep_for_batch(_routes(stories, homes, lambda story, home: len(found[story.pk].light)))
    return found


def _keep_story_reads(stories: list[ArticlePage], homes: dict[int, HomePage]) -> None:
    """Each story's page, view counts and Similar picks, and its light page's reads."""
    views = article_pages(stories)
    values: dict[Hashable, Any] = {
        ("article-view", story.pk, story.live_revision_id): views[story.pk]
        for story in stories
        if story.pk in views
    }
    # A story page shows its own count and its related stories' (in that order of reads).
    related = [tuple(story.pk for story in view.related) for view in views.values()]
    read_totals_for_batch([(story.pk,) for story in stories] + related)
    read_similar_for_batch(stories)
    in_light_edition = [
        story
        for story in stories
        if _home_of(story, homes) is not None and not may_be_restricted(story)
    ]
    light = lite_stories(in_light_edition, LiteLinks.load(), views)
    for story in in_light_edition:
        if story.pk in light:
            values[lite_story_key(story)] = light[story.pk]
    memo.keep_for_batch(values)


def _routes(
    stories: list[ArticlePage],
    homes: dict[int, HomePage],
    light_parts: Callable[[ArticlePage, HomePage], int],
) -> dict[Hashable, Any]:
    """What the routers keep for each story's address and for its first `light_parts`
    light ones (the light edition shows public stories only)."""
    values: dict[Hashable, Any] = {}
    for story in stories:
        home = _home_of(story, homes)
        if home is not None:
            values.update(_addresses_of(story, home))
            if not may_be_restricted(story):
                values.update(_light_addresses_of(story, home, light_parts(story, home)))
    return values


def _homes() -> dict[int, HomePage]:
    """Each edition's front, by its locale."""
    return {home.locale_id: home for home in HomePage.objects.filter(depth=2).order_by("-path")}


def _home_of(story: ArticlePage, homes: dict[int, HomePage]) -> HomePage | None:
    """The front of the story's edition, when the story is below it."""
    home = homes.get(story.locale_id)
    return home if home is not None and story.url_path.startswith(home.url_path) else None


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
    found = _with_pictures(ArticlePage.objects.live().filter(slug__in=slugs))
    return [story for story in found.order_by("path") if _in_tails(story, tails)]


def _with_pictures(stories: QuerySet[ArticlePage]) -> QuerySet[ArticlePage]:
    """The stories with their edition and picture. The story page shows its picture in
    several sizes: every size already made is read here rather than looked up one by one
    during the render."""
    return stories.select_related("locale", "featured_image").prefetch_related(
        Prefetch(
            "featured_image__renditions",
            queryset=NewsRendition.objects.all(),
            to_attr="prefetched_renditions",
        )
    )


def _in_tails(story: ArticlePage, tails: set[str]) -> bool:
    # Below the site root and edition front: "/home/news/x/" holds "news/x".
    segments = story.url_path.strip("/").split("/")
    return "/".join(segments[1:]) in tails


def _addresses_of(story: ArticlePage, home: HomePage) -> dict[Hashable, Any]:
    """What `HomePage.route` keeps for the story's address: the story itself."""
    return {("route", home.pk, _components(story, home)): story}


def _light_addresses_of(story: ArticlePage, home: HomePage, parts: int) -> dict[Hashable, Any]:
    """What the light edition's `find_page` keeps for the story's first light part and its
    following ones up to `parts`."""
    relative = story.url_path[len(home.url_path) :]
    values: dict[Hashable, Any] = {found_page_key(home, relative): Found(page=story, part=1)}
    for number in range(2, parts + 1):
        values[found_page_key(home, f"{relative}{number}/")] = Found(page=story, part=number)
    return values


def _parts_in(tails: set[str], story: ArticlePage, home: HomePage) -> int:
    """How many of the story's light parts, from the first on, are among the chunk's
    addresses (the first is counted whether or not it is)."""
    number = 2
    while "/".join((*_components(story, home), str(number))) in tails:
        number += 1
    return number - 1


def _components(story: ArticlePage, home: HomePage) -> tuple[str, ...]:
    """The story's address under its edition's front, as the router splits it."""
    return tuple(part for part in story.url_path[len(home.url_path) :].split("/") if part)
