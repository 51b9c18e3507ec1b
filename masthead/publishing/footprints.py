"""Footprints of every live page at once, for a full build: the same record a publish leaves
(affected.story_trace), read with a handful of queries instead of a dozen per story."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime

from wagtail.models import Page

from masthead.core.time import display_zone
from masthead.journalism.models import ArticleAuthor, ArticlePage, ArticleTag, SectionPage
from masthead.publishing.affected import Listing, Trace, footprint_fields, page_key, page_trace
from masthead.publishing.inventory import live_stories
from masthead.publishing.lite.paths import lite_urls_for_article
from masthead.publishing.models import Footprint
from masthead.publishing.sitemaps import section_year_files

BATCH = 2000


def record_all(light_urls: Mapping[int, list[str]] | None = None) -> int:
    """Replace every page footprint with one describing the site as it is now.
    `light_urls`: every story's light addresses, when already worked out."""
    live_ids = set(Page.objects.live().values_list("pk", flat=True))
    stale = [
        key
        for key in Footprint.objects.filter(key__startswith="page:").values_list("key", flat=True)
        if int(key.removeprefix("page:")) not in live_ids
    ]
    Footprint.objects.filter(key__in=stale).delete()
    recorded = 0
    others = Page.objects.live().not_type(ArticlePage).filter(depth__gt=1).specific()
    _save({page.pk: page_trace(page) for page in others})
    recorded += len(others)
    story_traces = list(_story_traces(light_urls).items())
    for start in range(0, len(story_traces), BATCH):
        _save(dict(story_traces[start : start + BATCH]))
    return recorded + len(story_traces)


def _save(traces: dict[int, Trace]) -> None:
    Footprint.objects.bulk_create(
        [Footprint(key=page_key(pk), **footprint_fields(trace)) for pk, trace in traces.items()],
        batch_size=500,
        update_conflicts=True,
        unique_fields=["key"],
        update_fields=["urls", "listings", "published_at", "parent_id", "translation_key"],
    )


def _story_traces(light_urls: Mapping[int, list[str]] | None) -> dict[int, Trace]:
    sections = dict(SectionPage.objects.values_list("path", "pk"))
    section_urls = {
        section.path: section.url for section in SectionPage.objects.live().select_related()
    }
    sitemap_files = {file.url for file in section_year_files()}
    also_in = defaultdict(list)
    for story_id, section_id in ArticlePage.also_in_sections.through.objects.values_list(
        "articlepage_id", "sectionpage_id"
    ):
        also_in[story_id].append(section_id)
    authors = defaultdict(list)
    for story_id, author_id in ArticleAuthor.objects.values_list("page_id", "author_id"):
        authors[story_id].append(author_id)
    tags = defaultdict(list)
    for story_id, tag_id in ArticleTag.objects.values_list("content_object_id", "tag_id"):
        tags[story_id].append(tag_id)

    traces = {}
    for story in live_stories().iterator(chunk_size=BATCH):
        locale = story.locale_id
        step = Page.steplen
        ancestors = [story.path[:end] for end in range(3 * step, len(story.path), step)]
        section_ids = [sections[path] for path in ancestors if path in sections]
        listings: set[Listing] = {
            ("section", pk, locale) for pk in [*section_ids, *also_in[story.pk]]
        }
        listings |= {("author", pk, locale) for pk in authors[story.pk]}
        listings |= {("tag", pk, locale) for pk in tags[story.pk]}
        light = light_urls.get(story.pk) if light_urls is not None else None
        urls = {story.url, *(lite_urls_for_article(story) if light is None else light)}
        top = section_urls.get(story.path[: 3 * step])
        if top and story.first_published_at:
            urls.add(_sitemap_url(top, story.first_published_at, sitemap_files))
        traces[story.pk] = Trace(
            urls=urls,
            listings=listings,
            locale_id=locale,
            published_at=story.first_published_at,
            parent_id=sections.get(story.path[:-step]),
            translation_key=story.translation_key,
        )
    return traces


def _sitemap_url(top_section_url: str, published: datetime, files: set[str]) -> str:
    local = published.astimezone(display_zone())
    yearly = f"{top_section_url}sitemap-{local.year}.xml"
    return (
        yearly
        if yearly in files
        else f"{top_section_url}sitemap-{local.year}-{local.month:02d}.xml"
    )
