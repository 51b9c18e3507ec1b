"""Every URL the public site has right now: what a full build renders and what `publish
--verify` expects to find on disk, no more and no less."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, QuerySet
from wagtail.models import Locale, Page

from masthead.core.memo import keep_for_batch, shared_reads
from masthead.core.time import display_zone
from masthead.journalism.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    Correction,
    FactCheckClaim,
    HomePage,
    SectionPage,
)
from masthead.journalism.models.querysets import count_live_in_section
from masthead.journalism.pagination import STORIES_PER_PAGE, last_page_number
from masthead.journalism.queries import edition_articles
from masthead.journalism.weather.views import TODAY_FRAGMENT_PATH
from masthead.metrics.urls import SIDEBAR_FRAGMENT_PATH
from masthead.publishing.feeds import feed_urls
from masthead.publishing.lite.links import LiteLinks
from masthead.publishing.lite.paths import lite_url, lite_urls_for_article, surely_one_part
from masthead.publishing.lite.queries import lite_stories, lite_story_key
from masthead.publishing.paths import canonical
from masthead.publishing.sitemaps import all_sitemap_urls

STORIES_AT_ONCE = 500  # stories whose addresses are worked out in one batch of reads


def all_urls(*, with_stories: bool = True) -> list[str]:
    """Both editions and the site-wide files (sitemaps, robots.txt). Without stories:
    every URL but the stories' own and light pages (a full build works those out chunk by
    chunk, as it renders them)."""
    urls: list[str] = []
    with shared_reads():  # the editions' fronts, read once for every story's light parts
        for locale_id in Locale.objects.order_by("pk").values_list("pk", flat=True):
            urls.extend(edition_urls(locale_id, with_stories=with_stories))
        urls.extend(all_sitemap_urls())
    return list(dict.fromkeys(canonical(url) for url in urls))


def live_stories() -> QuerySet[ArticlePage]:
    """Live stories, each knowing whether it has corrections or fact-check claims (which
    its light page must show), in tree order."""
    return (
        ArticlePage.objects.live()
        .select_related("locale")
        .annotate(
            has_notes=Exists(Correction.objects.filter(page_id=OuterRef("pk")))
            | Exists(FactCheckClaim.objects.filter(page_id=OuterRef("pk")))
        )
        .order_by("path")
    )


@dataclass(frozen=True)
class StoryAddresses:
    """A story's own address and its light ones."""

    url: str | None
    light: list[str]


def story_addresses(story_ids: Iterable[int]) -> dict[int, StoryAddresses]:
    """The full and light addresses of the given live stories, a batch at a time, each batch
    in tree order. Cutting long stories into parts, and working out each story's address,
    is most of what listing a large archive's addresses costs: a full build asks this once
    per story, spread over its workers."""
    wanted = list(story_ids)
    found = {}
    for start in range(0, len(wanted), STORIES_AT_ONCE):
        found.update(_addresses_of(wanted[start : start + STORIES_AT_ONCE]))
    return found


def _addresses_of(story_ids: list[int]) -> dict[int, StoryAddresses]:
    with shared_reads():
        stories = list(live_stories().filter(pk__in=story_ids))
        _read_light_stories([story for story in stories if not surely_one_part(story)])
        found = {}
        for story in stories:
            url = story.url
            found[story.pk] = StoryAddresses(url, lite_urls_for_article(story, url))
        return found


def _read_light_stories(stories: list[ArticlePage]) -> None:
    """What cutting these stories into parts reads, read in bulk for the whole batch."""
    found = lite_stories(stories, LiteLinks.load())
    keep_for_batch(
        {lite_story_key(story): found[story.pk] for story in stories if story.pk in found}
    )


def edition_urls(locale_id: int, *, with_stories: bool = True) -> list[str]:
    """Every reader URL of one edition, fronts first (stories last, unless left out)."""
    home = HomePage.objects.filter(locale_id=locale_id, depth=2).first()
    if home is None or not home.live:
        return []
    urls = [home.url, lite_url(home.url), *feed_urls(home.url)]
    urls += [f"{home.url}archive/", f"{home.url}on-this-day/"]
    urls += [f"{home.url}{TODAY_FRAGMENT_PATH}"]  # the header's date and weather
    urls += [f"{home.url}{SIDEBAR_FRAGMENT_PATH}"]
    for section in SectionPage.objects.live().descendant_of(home).order_by("path"):
        urls += [section.url, lite_url(section.url), *feed_urls(section.url)]
        urls += numbered_pages(section.url, count_live_in_section(section))
    others = Page.objects.live().descendant_of(home).not_type(SectionPage, ArticlePage)
    urls += [page.url for page in others.specific().order_by("path")]
    urls += _listing_urls(home, "author")
    urls += _listing_urls(home, "tag")
    urls += _date_archive_urls(home)
    if with_stories:
        story_ids = live_stories().filter(locale_id=locale_id).values_list("pk", flat=True)
        for found in story_addresses(story_ids).values():  # ids in tree order: so are these
            urls += [*([found.url] if found.url else []), *found.light]
    return urls


def numbered_pages(base: str, total: int) -> list[str]:
    """A listing's numbered pages; there are none while its front holds every story."""
    if total <= STORIES_PER_PAGE:
        return []
    return [f"{base}page/{n}/" for n in range(1, last_page_number(total) + 1)]


def _listing_urls(home: HomePage, kind: str) -> list[str]:
    """Pages and feeds of every author or tag with stories in the edition."""
    stories = edition_articles(home).values("pk")
    if kind == "author":
        counts = (
            ArticleAuthor.objects.filter(page__in=stories)
            .values("author__slug")
            .annotate(total=Count("page", distinct=True))
            .values_list("author__slug", "total")
        )
    else:
        counts = (
            ArticleTag.objects.filter(content_object__in=stories)
            .values("tag__slug")
            .annotate(total=Count("content_object", distinct=True))
            .values_list("tag__slug", "total")
        )
    urls = []
    for slug, total in sorted(counts):
        base = f"{home.url}{kind}/{slug}/"
        urls += [base, *feed_urls(base), *numbered_pages(base, total)]
    return urls


def _date_archive_urls(home: HomePage) -> list[str]:
    zone = display_zone()
    days: Counter[tuple[int, int, int]] = Counter()
    published = edition_articles(home).values_list("first_published_at", flat=True)
    for moment in published.iterator(chunk_size=5000):
        local = moment.astimezone(zone)
        days[(local.year, local.month, local.day)] += 1
    return list(_period_urls(home.url, sorted(days)))


def _period_urls(base: str, days: Iterable[tuple[int, int, int]]) -> Iterable[str]:
    years, months = set(), set()
    for year, month, day in days:
        if year not in years:
            years.add(year)
            yield f"{base}{year}/"
        if (year, month) not in months:
            months.add((year, month))
            yield f"{base}{year}/{month:02d}/"
        yield f"{base}{year}/{month:02d}/{day:02d}/"
