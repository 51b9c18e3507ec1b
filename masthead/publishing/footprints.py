"""Footprints of every live page at once, for a full build: the same record a publish leaves
(affected.story_trace), read with a handful of queries instead of a dozen per story."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from django.db.models import Q
from wagtail.models import Page

from masthead.core.time import display_zone
from masthead.journalism.models import ArticleAuthor, ArticlePage, ArticleTag, SectionPage
from masthead.publishing.affected import (
    NAVIGATION_KEY,
    PAGE_KEY,
    Listing,
    Trace,
    footprint_fields,
    navigation_key,
    navigation_signature,
    page_key,
    page_trace,
)
from masthead.publishing.inventory import StoryAddresses, story_addresses
from masthead.publishing.models import Footprint
from masthead.publishing.sitemaps import section_year_files

BATCH = 2000


def record_all(addresses: Mapping[int, StoryAddresses] | None = None) -> int:
    """Replace every page footprint with one describing the site as it is now.
    `addresses`: the stories' own and light addresses, when already worked out (a story
    missing from them is worked out here)."""
    _forget_gone_pages()
    recorded = 0
    others = Page.objects.live().not_type(ArticlePage).filter(depth__gt=1).specific()
    _save({page.pk: page_trace(page) for page in others})
    _save_navigation(others)
    recorded += len(others)
    story_traces = list(_story_traces(addresses or {}).items())
    for start in range(0, len(story_traces), BATCH):
        _save(dict(story_traces[start : start + BATCH]))
    return recorded + len(story_traces)


def _forget_gone_pages() -> None:
    """Delete the footprints of pages no longer live, and the navigation records of pages
    no longer there (an unpublished section's record says it shows nowhere: kept)."""
    live = dict(Page.objects.values_list("pk", "live"))  # every page: live or not
    keys = Footprint.objects.filter(
        Q(key__startswith=PAGE_KEY) | Q(key__startswith=NAVIGATION_KEY)
    ).values_list("key", flat=True)
    gone = [
        key
        for key in keys
        if (key.startswith(PAGE_KEY) and not live.get(int(key.removeprefix(PAGE_KEY))))
        or (key.startswith(NAVIGATION_KEY) and int(key.removeprefix(NAVIGATION_KEY)) not in live)
    ]
    Footprint.objects.filter(key__in=gone).delete()


def _save(traces: dict[int, Trace]) -> None:
    _upsert(
        [Footprint(key=page_key(pk), **footprint_fields(trace)) for pk, trace in traces.items()],
        ["urls", "listings", "published_at", "parent_id", "translation_key"],
    )


def _save_navigation(pages: Iterable[Page]) -> None:
    """What the menus show of each section and static page, as a publish records it
    (affected.navigation_signature): the first edit after a build that leaves it alone
    renders that page, not its whole edition."""
    signatures = ((page.pk, navigation_signature(page)) for page in pages)
    _upsert(
        [Footprint(key=navigation_key(pk), urls=found) for pk, found in signatures if found],
        ["urls"],
    )


def _upsert(footprints: list[Footprint], fields: list[str]) -> None:
    Footprint.objects.bulk_create(
        footprints,
        batch_size=500,
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=fields,
    )


def _story_traces(addresses: Mapping[int, StoryAddresses]) -> dict[int, Trace]:
    sections = dict(SectionPage.objects.values_list("path", "pk"))
    section_urls = {
        section.path: section.url for section in SectionPage.objects.live().select_related()
    }
    sitemap_files = {file.url for file in section_year_files()}
    also_in = _pairs(
        ArticlePage.also_in_sections.through.objects, "articlepage_id", "sectionpage_id"
    )
    authors = _pairs(ArticleAuthor.objects, "page_id", "author_id")
    tags = _pairs(ArticleTag.objects, "content_object_id", "tag_id")
    # Plain rows: reading 100,000 stories as pages, bodies and all, took most of a minute.
    rows = list(
        ArticlePage.objects.live().values_list(
            "pk", "path", "locale_id", "first_published_at", "translation_key"
        )
    )
    # A story the build's workers did not see (published while it ran) is worked out here.
    addresses = {**addresses, **story_addresses(row[0] for row in rows if row[0] not in addresses)}
    traces = {}
    for pk, path, locale, published, translation_key in rows:
        step = Page.steplen
        ancestors = [path[:end] for end in range(3 * step, len(path), step)]
        section_ids = [sections[found] for found in ancestors if found in sections]
        listings: set[Listing] = {
            ("section", section_id, locale) for section_id in [*section_ids, *also_in[pk]]
        }
        listings |= {("author", author_id, locale) for author_id in authors[pk]}
        listings |= {("tag", tag_id, locale) for tag_id in tags[pk]}
        found = addresses.get(pk, StoryAddresses(None, []))
        urls = {*([found.url] if found.url else []), *found.light}
        top = section_urls.get(path[: 3 * step])
        if top and published:
            urls.add(_sitemap_url(top, published, sitemap_files))
        traces[pk] = Trace(
            urls=urls,
            listings=listings,
            locale_id=locale,
            published_at=published,
            parent_id=sections.get(path[:-step]),
            translation_key=translation_key,
        )
    return traces


def _pairs(rows: Any, key: str, value: str) -> defaultdict[int, list[int]]:
    found = defaultdict(list)
    for left, right in rows.values_list(key, value):
        found[left].append(right)
    return found


def _sitemap_url(top_section_url: str, published: datetime, files: set[str]) -> str:
    local = published.astimezone(display_zone())
    yearly = f"{top_section_url}sitemap-{local.year}.xml"
    return (
        yearly
        if yearly in files
        else f"{top_section_url}sitemap-{local.year}-{local.month:02d}.xml"
    )
