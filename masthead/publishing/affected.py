"""Which URLs change when something is published: the affected-URL graph.

Every published page leaves a footprint: its own URLs and, for a story, where it sits (its
section, listings, date and counterparts). When the page changes, the URLs affected by the
old footprint and by the new one are re-rendered, so an unpublished, moved or re-tagged story
also leaves the pages it used to be on. Listings are numbered from their oldest story
(docs/decisions/0008-stable-pagination.md): a story joining or leaving one re-renders the
listing's front and its pages from the story's own to the newest; a story edited in place
re-renders only the page that holds it.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from django.db.models import QuerySet
from wagtail.models import Page

from masthead.core.time import display_zone
from masthead.journalism.models import ArticlePage, Author, HomePage, SectionPage, Tag
from masthead.journalism.models.querysets import child_paths, count_live_in_section
from masthead.journalism.pagination import last_page_number, number_of_page_holding
from masthead.journalism.queries import edition_articles
from masthead.journalism.weather.views import TODAY_FRAGMENT_PATH
from masthead.metrics.urls import SIDEBAR_FRAGMENT_PATH
from masthead.publishing.feeds import feed_urls
from masthead.publishing.inventory import all_urls, edition_urls, numbered_pages
from masthead.publishing.lite.paths import lite_url, lite_urls_for_article
from masthead.publishing.models import Footprint
from masthead.publishing.paths import canonical
from masthead.publishing.sitemaps import sitemap_url_for

# Render order: what a reader opens first after a publish goes first.
FIRST, FRONTS, LISTINGS, ARCHIVE, EVERYWHERE = 0, 1, 3, 5, 7
NEIGHBOURS_SHOWING_A_STORY = 3  # the Related box lists the three stories before each


@dataclass
class Affected:
    """URLs to render, each with the priority of its most urgent request."""

    urls: dict[str, int] = field(default_factory=dict)

    def add(self, urls: Iterable[str], priority: int) -> None:
        for address in urls:
            if address and address.startswith("/"):
                url = canonical(address)
                self.urls[url] = min(priority, self.urls.get(url, priority))

    def update(self, other: Affected) -> None:
        for url, priority in other.urls.items():
            self.add([url], priority)

    def without(self, urls: Collection[str]) -> Affected:
        return Affected({url: p for url, p in self.urls.items() if url not in urls})


Listing = tuple[str, int, int]  # (kind, object id, locale id): ("author", 4, 1)


@dataclass
class Trace:
    """Where a page is: its own URLs and, for a story, its place in the site."""

    urls: set[str] = field(default_factory=set)
    listings: set[Listing] = field(default_factory=set)
    locale_id: int | None = None
    published_at: datetime | None = None
    parent_id: int | None = None
    translation_key: uuid.UUID | None = None

    @property
    def is_story(self) -> bool:
        return self.published_at is not None


PAGE_KEY, NAVIGATION_KEY = "page:", "navigation:"  # footprints' keys begin so


def page_key(page_id: int) -> str:
    return f"{PAGE_KEY}{page_id}"


def stored_trace(page_id: int) -> Trace | None:
    footprint = Footprint.objects.filter(key=page_key(page_id)).first()
    if footprint is None:
        return None
    return Trace(
        urls=set(footprint.urls),
        listings={(kind, int(pk), int(locale)) for kind, pk, locale in footprint.listings},
        locale_id=next((int(locale) for _, _, locale in footprint.listings), None),
        published_at=footprint.published_at,
        parent_id=footprint.parent_id,
        translation_key=footprint.translation_key,
    )


def store_trace(page_id: int, trace: Trace) -> None:
    if not trace.urls:
        Footprint.objects.filter(key=page_key(page_id)).delete()
        return
    Footprint.objects.update_or_create(key=page_key(page_id), defaults=footprint_fields(trace))


def footprint_fields(trace: Trace) -> dict[str, object]:
    return {
        "urls": sorted(trace.urls),
        "listings": sorted([list(listing) for listing in trace.listings]),
        "published_at": trace.published_at,
        "parent_id": trace.parent_id,
        "translation_key": trace.translation_key,
    }


# --- Pages --------------------------------------------------------------------------------
def page_changed(page_id: int) -> Affected:
    """What to re-render after a page was published, unpublished, moved or deleted. The
    page's footprint is brought up to date."""
    page = Page.objects.filter(pk=page_id).specific().first()
    after = page_trace(page) if page is not None and page.live else Trace()
    before = stored_trace(page_id)
    if before is None:
        before = _unrecorded_trace(page)
    affected = Affected()
    if before.is_story or after.is_story:
        affected.update(_story_changes(page_id, before, after))
    else:
        affected.add(before.urls | after.urls, FIRST)
        if page is None and before.urls:  # a deleted section or static page
            affected.add(all_urls(), EVERYWHERE)
        elif page is not None and _changes_navigation(page, before, after):
            affected.add(edition_urls(page.locale_id), EVERYWHERE)
    store_trace(page_id, after)
    return affected


def _unrecorded_trace(page: Page | None) -> Trace:
    """Where a page without a footprint was: nowhere if this is its first publish; where it
    is now if it was published before footprints were kept (the best guess there is)."""
    if page is None or (page.live and page.first_published_at == page.last_published_at):
        return Trace()
    return page_trace(page, live_or_not=True)


def first_pages(page_id: int) -> Affected:
    """The pages a reader looks at first after a publish: the page itself, the fronts of its
    sections and of its edition. Cheap enough to work out while the editor's request ends."""
    affected = Affected()
    page = Page.objects.filter(pk=page_id, live=True).first()
    if page is None:
        return affected
    affected.add([page.url], FIRST)
    fronts = page.get_ancestors().filter(depth__gt=1).type(SectionPage, HomePage)
    affected.add([front.url for front in fronts.specific()], FRONTS)
    return affected


def page_trace(page: Page, live_or_not: bool = False) -> Trace:
    if not (page.live or live_or_not):
        return Trace()
    if isinstance(page, ArticlePage):
        return story_trace(page)
    urls = {page.url, "/sitemap-pages.xml"} if page.url else set()
    if isinstance(page, SectionPage | HomePage) and page.url:
        urls |= {lite_url(page.url), *feed_urls(page.url)}
    return Trace(urls=urls, locale_id=page.locale_id)


def _changes_navigation(page: Page, before: Trace, after: Trace) -> bool:
    """Sections and static pages appear in every page's menu or footer: a change to their
    title, address or visibility changes the whole edition. An edit of a static page's text
    changes only its own page."""
    signature = navigation_signature(page)
    if signature is None:
        return False
    key = navigation_key(page.pk)
    stored = Footprint.objects.filter(key=key).values_list("urls", flat=True).first()
    if stored != signature:
        Footprint.objects.update_or_create(key=key, defaults={"urls": signature})
    return before.urls != after.urls or stored != signature


def navigation_signature(page: Page) -> list[str] | None:
    """What every page's menu and footer show of a section or static page; None for the
    pages they do not show (edition fronts, stories)."""
    if isinstance(page, HomePage | ArticlePage):
        return None
    signature = [page.title, page.url if page.live else "", str(page.show_in_menus)]
    if isinstance(page, SectionPage):
        signature.append(str(page.in_footer_map))
    return signature


def navigation_key(page_id: int) -> str:
    return f"{NAVIGATION_KEY}{page_id}"


def story_trace(story: ArticlePage) -> Trace:
    sections = list(story.get_ancestors().type(SectionPage).values_list("pk", flat=True))
    sections += list(story.also_in_sections.values_list("pk", flat=True))
    urls = {story.url, *lite_urls_for_article(story)}
    if story.first_published_at is not None:
        urls.add(sitemap_url_for(story))
    locale = story.locale_id
    listings: set[Listing] = {("section", pk, locale) for pk in sections}
    listings |= {("author", pk, locale) for pk in story.bylines.values_list("author_id", flat=True)}
    listings |= {("tag", pk, locale) for pk in story.tags.values_list("pk", flat=True)}
    return Trace(
        urls=urls,
        listings=listings,
        locale_id=locale,
        published_at=story.first_published_at,
        parent_id=story.get_parent().pk,
        translation_key=story.translation_key,
    )


def _story_changes(page_id: int, before: Trace, after: Trace) -> Affected:
    affected = Affected()
    # The story's own page first; its light copy and sitemap line after the fronts.
    affected.add(after.urls | before.urls, LISTINGS)
    affected.add([url for url in after.urls if _is_full_story_url(url)], FIRST)
    affected.add([url for url in before.urls - after.urls if _is_full_story_url(url)], FRONTS)
    moved_in_time = before.published_at != after.published_at
    for trace in (before, after):
        affected.update(_surroundings(page_id, trace))
    for listing in before.listings | after.listings:
        stayed = listing in before.listings and listing in after.listings and not moved_in_time
        for when in {before.published_at, after.published_at} - {None}:
            affected.update(listing_pages(listing, page_id, when, shifted=not stayed))  # type: ignore[arg-type]
    return affected


def _is_full_story_url(url: str) -> bool:
    return url.endswith("/") and "/lite/" not in url


def _surroundings(page_id: int, trace: Trace) -> Affected:
    """Pages around a story that show it: the edition front, the section menus of the light
    edition, date archives, neighbours, counterparts."""
    affected = Affected()
    if not trace.is_story or trace.locale_id is None:
        return affected
    home = HomePage.objects.filter(locale_id=trace.locale_id, depth=2).first()
    if home is None:
        return affected
    affected.add([home.url, lite_url(home.url)], FRONTS)
    affected.add(feed_urls(home.url), ARCHIVE)
    sections = SectionPage.objects.live().filter(
        pk__in=[pk for kind, pk, _ in trace.listings if kind == "section"]
    )
    affected.add([lite_url(section.url) for section in sections], LISTINGS)
    local = trace.published_at.astimezone(display_zone())  # type: ignore[union-attr]
    year, month, day = f"{local.year}", f"{local.month:02d}", f"{local.day:02d}"
    affected.add(
        [
            f"{home.url}{year}/",
            f"{home.url}{year}/{month}/",
            f"{home.url}{year}/{month}/{day}/",
            f"{home.url}archive/",
            f"{home.url}on-this-day/",
            "/sitemap.xml",
            "/sitemap-pages.xml",
            "/news-sitemap.xml",
        ],
        ARCHIVE,
    )
    affected.add(_neighbour_urls(page_id, trace), LISTINGS)
    if trace.translation_key:
        counterparts = (
            ArticlePage.objects.live()
            .filter(translation_key=trace.translation_key)
            .exclude(pk=page_id)
            .select_related("locale")
        )
        affected.add([counterpart.url for counterpart in counterparts], LISTINGS)
    return affected


def _neighbour_urls(page_id: int, trace: Trace) -> list[str]:
    """Stories whose page shows this one: the next and the previous in its section, and the
    newer ones whose Related box lists it."""
    parent = Page.objects.filter(pk=trace.parent_id).first()
    if parent is None:
        return []
    siblings = (
        ArticlePage.objects.live()
        .filter(locale_id=trace.locale_id, **child_paths(parent))
        .exclude(pk=page_id)
        .select_related("locale")
    )
    at = trace.published_at
    newer = siblings.filter(first_published_at__gt=at).order_by("first_published_at", "pk")
    older = siblings.filter(first_published_at__lt=at).order_by("-first_published_at", "-pk")
    return [s.url for s in [*newer[:NEIGHBOURS_SHOWING_A_STORY], *older[:1]]]


# --- Listings -----------------------------------------------------------------------------
def listing_pages(
    listing: Listing, story_id: int, published_at: datetime, *, shifted: bool
) -> Affected:
    """The pages of a listing a story changes: the front and feeds always; the numbered page
    holding it, or, when the story joined or left the listing, every page from there on."""
    resolved = resolve_listing(listing)
    affected = Affected()
    if resolved is None:
        return affected
    base, stories, total = resolved
    affected.add([base], FRONTS if listing[0] == "section" else LISTINGS)
    affected.add(feed_urls(base), ARCHIVE)
    # Counted from the newer end: a new story has few stories after it, and the date index
    # finds them at once.
    not_older = (
        stories.filter(first_published_at__gte=published_at)
        .exclude(first_published_at=published_at, pk__lt=story_id)
        .count()
    )
    first = number_of_page_holding(max(0, total - not_older))
    if shifted:
        numbers = range(max(1, first - 1), last_page_number(total + 1) + 1)
    else:
        numbers = range(first, first + 1)
    affected.add([f"{base}page/{number}/" for number in numbers], LISTINGS)
    return affected


def resolve_listing(listing: Listing) -> tuple[str, QuerySet[ArticlePage], int] | None:
    """A listing's base URL, its stories and their number, or None when it is gone."""
    kind, pk, locale_id = listing
    if kind == "section":
        section = SectionPage.objects.live().filter(pk=pk).first()
        if section is None:
            return None
        in_edition = edition_articles(section)
        return (
            section.url,
            in_edition.in_section(section),
            count_live_in_section(section),
        )
    home = HomePage.objects.filter(locale_id=locale_id, depth=2).first()
    if home is None:
        return None
    if kind == "author":
        author = Author.objects.filter(pk=pk).first()
        if author is not None:
            stories = edition_articles(home).by_author(author)
            return f"{home.url}author/{author.slug}/", stories, stories.count()
    if kind == "tag":
        tag = Tag.objects.filter(pk=pk).first()
        if tag is not None:
            stories = edition_articles(home).tagged(tag)
            return f"{home.url}tag/{tag.slug}/", stories, stories.count()
    return None


# --- Snippets shown on pages ----------------------------------------------------------------
def author_changed(author_id: int, old_slug: str | None = None) -> Affected:
    """An author's name, slug, photo or bio changed: their pages and every story of theirs.
    Under a new slug, the pages under the old one go."""
    author = Author.objects.filter(pk=author_id).first()
    stories = ArticlePage.objects.live().by_author(author) if author else None
    return _listing_owner_changed("author", author.slug if author else None, old_slug, stories)


def tag_changed(tag_id: int, old_slug: str | None = None) -> Affected:
    tag = Tag.objects.filter(pk=tag_id).first()
    stories = ArticlePage.objects.live().tagged(tag) if tag else None
    return _listing_owner_changed("tag", tag.slug if tag else None, old_slug, stories)


def _listing_owner_changed(
    kind: str,
    slug: str | None,
    old_slug: str | None,
    stories: QuerySet[ArticlePage] | None,
) -> Affected:
    affected = Affected()
    for home in HomePage.objects.filter(depth=2).order_by("pk"):
        in_edition = stories.filter(locale_id=home.locale_id) if stories is not None else None
        total = in_edition.count() if in_edition is not None else 0
        for name in {slug, old_slug} - {None}:
            base = f"{home.url}{kind}/{name}/"
            affected.add([base, *feed_urls(base), *numbered_pages(base, total)], LISTINGS)
            if name != slug:  # pages under an old slug: every number it may have had
                affected.add(numbered_pages(base, total + 1), LISTINGS)
    if stories is not None:
        for story_id in stories.values_list("pk", flat=True):
            affected.update(page_changed(story_id))
    return affected


def image_changed(image_id: int) -> Affected:
    """A picture's file, focal point, caption or credit changed: the stories it leads."""
    affected = Affected()
    stories = ArticlePage.objects.live().filter(featured_image_id=image_id)
    for story_id in stories.values_list("pk", flat=True):
        affected.update(page_changed(story_id))
    return affected


def edition_changed(locale_id: int) -> Affected:
    """The edition's name, About text or links changed: they are on every page."""
    affected = Affected()
    affected.add(edition_urls(locale_id), EVERYWHERE)
    return affected


def daily_pages() -> Affected:
    """Pages whose content follows the calendar (or the weather): edition fronts, On This
    Day, the header's date-and-weather fragment, the news sitemap."""
    affected = Affected()
    for home in HomePage.objects.filter(depth=2, live=True):
        affected.add([home.url, lite_url(home.url), f"{home.url}on-this-day/"], FRONTS)
        affected.add([f"{home.url}{TODAY_FRAGMENT_PATH}"], FRONTS)
    affected.add(["/news-sitemap.xml"], ARCHIVE)
    return affected


def signal_pages(story_ids: Iterable[int]) -> Affected:
    """Pages that show audience signals, refreshed as the counts change (every 10 minutes):
    the fronts and section fronts with their Most read, each edition's sidebar file that
    articles load to refresh theirs, and, for each story whose count reads differently now,
    its page and the pages whose Related box shows its count."""
    affected = Affected()
    for home in HomePage.objects.filter(depth=2, live=True):
        affected.add([home.url, f"{home.url}{SIDEBAR_FRAGMENT_PATH}"], FRONTS)
        affected.add(
            [section.url for section in SectionPage.objects.live().descendant_of(home)], LISTINGS
        )
    for story_id in story_ids:
        trace = stored_trace(story_id)
        if trace is None or not trace.is_story:
            continue
        affected.add([url for url in trace.urls if _is_full_story_url(url)], LISTINGS)
        affected.add(_neighbour_urls(story_id, trace), ARCHIVE)
    return affected
