"""Sitemaps of both editions, the Google News sitemap and robots.txt.

- /sitemap.xml indexes /sitemap-pages.xml (edition fronts, section fronts, static pages) and
  one file per top-level section and year (Myanmar time) with live stories:
  <section URL>sitemap-<year>.xml, listing the stories filed in that section or its
  subsections.
- A section-year with more than MAX_URLS_PER_FILE stories is split by month instead:
  <section URL>sitemap-<year>-<MM>.xml. A file's stories then depend only on their own
  section and date, so publishing one story rewrites one file and never shifts the others.
  One top-level section publishing MAX_URLS_PER_FILE stories in a single month (over 300 a
  day) is beyond any newsroom, so months are not split further.
- /news-sitemap.xml lists the stories of the last 48 hours for Google News; it changes with
  the clock, so the publisher re-renders it on every publish and periodically.

Everything is read with .values() and aggregates: the archive can hold 100,000+ stories
and no view loads page objects per story.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from urllib.parse import quote
from xml.sax.xmlreader import AttributesImpl

from django.db.models import Case, Count, F, Max, Q, Value, When
from django.db.models.functions import Substr
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.xmlutils import SimplerXMLGenerator
from wagtail.models import Page

from masthead.core.editions import EDITIONS, edition_for_path
from masthead.core.time import to_display_time
from masthead.journalism.metadata import absolute
from masthead.journalism.models import ArticlePage, EditionSettings, HomePage, SectionPage
from masthead.journalism.models.querysets import (
    descendant_paths,
    local_bounds,
    local_month,
    local_year,
)

XML_CONTENT_TYPE = "application/xml; charset=utf-8"
TEXT_CONTENT_TYPE = "text/plain; charset=utf-8"
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"

# The protocol allows 50,000 URLs and 50 MB per file. A story entry with both editions'
# addresses (Burmese slugs are percent-encoded, up to ~800 bytes each) can reach ~2.5 KB,
# so 10,000 entries keep a file near 25 MB at worst.
MAX_URLS_PER_FILE = 10_000
NEWS_WINDOW = timedelta(hours=48)
NEWS_MAX_STORIES = 1_000
SEARCH_PATH = "search/"
# Years a sitemap URL may name; outside them dates cannot be converted between time zones.
FIRST_YEAR, LAST_YEAR = 1000, 9000

STEP = Page.steplen
EDITION_PATH_LENGTH = STEP * 2  # an edition front sits at depth 2
SECTION_PATH_LENGTH = STEP * 3  # a top-level section at depth 3, a subsection at depth 4
SUBSECTION_PATH_LENGTH = STEP * 4
PAGE_FIELDS = ("path", "url_path", "translation_key", "locale_id")
# Characters Django's URL reversing leaves unquoted in a path, so the addresses built here
# from stored url_path values match page.url exactly.
PATH_SAFE = "!$&'()*+,;=/~:@"


# --- Editions and addresses -----------------------------------------------------------------
@dataclass(frozen=True)
class EditionRoot:
    """An edition front as the sitemaps need it: where its tree and its URLs start."""

    language: str
    locale_id: int
    path: str
    url_path: str
    url: str

    def url_of(self, url_path: str) -> str:
        """The reader URL of a page of this edition, from its stored url_path."""
        return self.url + quote(url_path[len(self.url_path) :], safe=PATH_SAFE)


def edition_roots() -> dict[str, EditionRoot]:
    """The editions, keyed by their front's tree path (a page's path[:EDITION_PATH_LENGTH])."""
    homes = HomePage.objects.filter(depth=2).select_related("locale")
    return {
        home.path: EditionRoot(
            language=home.locale.language_code,
            locale_id=home.locale_id,
            path=home.path,
            url_path=home.url_path,
            url=home.url or "/",
        )
        for home in homes
    }


def _root_for(roots: dict[str, EditionRoot], path: str) -> EditionRoot | None:
    return roots.get(path[:EDITION_PATH_LENGTH])


def _request_root(request: HttpRequest) -> EditionRoot:
    language = edition_for_path(request.path_info).language
    for root in edition_roots().values():
        if root.language == language:
            return root
    raise Http404("No such edition.")


def _w3c(value: datetime) -> str:
    """A W3C datetime in UTC, to the second: 2025-10-10T03:00:00+00:00."""
    return value.astimezone(UTC).replace(microsecond=0).isoformat()


# --- Section-year files -----------------------------------------------------------------------
@dataclass(frozen=True)
class SitemapFile:
    url: str
    lastmod: datetime | None


def _year_range(year: int, month: int | None = None) -> tuple[date, date]:
    if month is None:
        return date(year, 1, 1), date(year, 12, 31)
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _top_sections(paths: Iterable[str]) -> dict[str, dict[str, Any]]:
    return {
        row["path"]: row
        for row in SectionPage.objects.live()
        .filter(depth=3, path__in=set(paths))
        .values("path", "url_path")
    }


def section_year_files() -> list[SitemapFile]:
    """Every section-year (or section-year-month) file, from two aggregate queries."""
    stories = ArticlePage.objects.live()
    bounds = local_bounds(stories)
    live = stories.annotate(
        top_path=Substr("path", 1, SECTION_PATH_LENGTH), year=local_year(bounds)
    )
    groups = list(
        live.values("top_path", "year")
        .annotate(count=Count("pk"), lastmod=Max("last_published_at"))
        .order_by("top_path", "year")
    )
    split = {(g["top_path"], g["year"]) for g in groups if g["count"] > MAX_URLS_PER_FILE}
    months: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    if split:
        by_month = (
            live.annotate(month=local_month(bounds))
            .values("top_path", "year", "month")
            .annotate(lastmod=Max("last_published_at"))
            .order_by("top_path", "year", "month")
        )
        for row in by_month:
            if (row["top_path"], row["year"]) in split:
                months[row["top_path"], row["year"]].append(row)

    roots = edition_roots()
    sections = _top_sections(g["top_path"] for g in groups)
    files = []
    for group in groups:
        section = sections.get(group["top_path"])
        root = _root_for(roots, group["top_path"])
        if section is None or root is None or group["year"] is None:
            continue
        base = root.url_of(section["url_path"]) + f"sitemap-{group['year']}"
        key = (group["top_path"], group["year"])
        if key in split:
            files += [
                SitemapFile(f"{base}-{row['month']:02d}.xml", row["lastmod"]) for row in months[key]
            ]
        else:
            files.append(SitemapFile(f"{base}.xml", group["lastmod"]))
    return files


def sitemap_url_for(article: ArticlePage) -> str:
    """The section-year sitemap that lists (or listed, once it is unpublished) `article`.

    A story never published is in no sitemap: ValueError. When its section-year crosses
    MAX_URLS_PER_FILE the file names change to monthly ones; all_sitemap_urls() always
    gives the current set."""
    published = article.first_published_at
    if published is None:
        raise ValueError("A story that was never published is in no sitemap.")
    top_path = article.path[:SECTION_PATH_LENGTH]
    section = SectionPage.objects.filter(path=top_path).values("url_path").first()
    root = _root_for(edition_roots(), top_path)
    if section is None or root is None:
        raise ValueError("The story is not filed under a section of an edition.")
    local = to_display_time(published)
    start, end = _year_range(local.year)
    in_year = (
        ArticlePage.objects.live()
        .filter(**descendant_paths(top_path))
        .published_between(start, end)
        .count()
    )
    suffix = f"-{local.month:02d}" if in_year > MAX_URLS_PER_FILE else ""
    return f"{root.url_of(section['url_path'])}sitemap-{local.year}{suffix}.xml"


def all_sitemap_urls() -> list[str]:
    """Every sitemap file that exists now, and robots.txt, for a full build."""
    return [
        "/sitemap.xml",
        "/sitemap-pages.xml",
        *(file.url for file in section_year_files()),
        "/news-sitemap.xml",
        "/robots.txt",
    ]


# --- Writing XML ---------------------------------------------------------------------------------
@dataclass
class UrlEntry:
    url: str  # absolute
    lastmod: datetime | None
    language: str
    alternates: dict[str, str] = field(default_factory=dict)  # language → absolute URL


def _start(handler: SimplerXMLGenerator, name: str, attrs: dict[str, str] | None = None) -> None:
    handler.startElement(name, AttributesImpl(attrs or {}))


def _xml_response(write: Callable[[SimplerXMLGenerator], None]) -> HttpResponse:
    response = HttpResponse(content_type=XML_CONTENT_TYPE)
    handler = SimplerXMLGenerator(response, "utf-8", short_empty_elements=True)
    handler.startDocument()
    write(handler)
    handler.endDocument()
    return response


def _urlset(entries: list[UrlEntry]) -> HttpResponse:
    """A <urlset>; a page with a counterpart lists both editions' addresses (itself
    included), as hreflang alternates require."""

    def write(handler: SimplerXMLGenerator) -> None:
        _start(handler, "urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
        for entry in entries:
            _start(handler, "url")
            handler.addQuickElement("loc", entry.url)
            if entry.lastmod is not None:
                handler.addQuickElement("lastmod", _w3c(entry.lastmod))
            if entry.alternates:
                links = {entry.language: entry.url, **entry.alternates}
                for language, url in sorted(links.items()):
                    handler.addQuickElement(
                        "xhtml:link", None, {"rel": "alternate", "hreflang": language, "href": url}
                    )
            handler.endElement("url")
        handler.endElement("urlset")

    return _xml_response(write)


def _page_entries(rows: list[dict[str, Any]], others: list[dict[str, Any]]) -> list[UrlEntry]:
    """Entries for page rows (path, url_path, translation_key, locale_id, lastmod), with
    alternates taken from `others`: pages of the other editions sharing a translation key."""
    roots = edition_roots()
    counterparts: dict[Any, dict[str, str]] = defaultdict(dict)
    for row in [*rows, *others]:
        root = _root_for(roots, row["path"])
        if root is not None:
            counterparts[row["translation_key"]][root.language] = absolute(
                root.url_of(row["url_path"])
            )
    entries = []
    for row in rows:
        root = _root_for(roots, row["path"])
        if root is None:
            continue
        alternates = {
            language: url
            for language, url in counterparts[row["translation_key"]].items()
            if language != root.language
        }
        entries.append(
            UrlEntry(
                url=absolute(root.url_of(row["url_path"])),
                lastmod=row["lastmod"],
                language=root.language,
                alternates=alternates,
            )
        )
    return entries


def section_sitemap_view(
    request: HttpRequest, section: str, year: str, month: str | None = None
) -> HttpResponse:
    """<top-level section URL>sitemap-<year>[-<MM>].xml: the section's stories of a year."""
    if not FIRST_YEAR <= int(year) <= LAST_YEAR:
        raise Http404("No such sitemap.")
    root = _request_root(request)
    top = (
        SectionPage.objects.live()
        .filter(depth=3, locale_id=root.locale_id, url_path=f"{root.url_path}{section}/")
        .values("path")
        .first()
    )
    if top is None:
        raise Http404("No such section.")
    in_section = ArticlePage.objects.live().filter(**descendant_paths(top["path"]))
    in_year = in_section.published_between(*_year_range(int(year)))
    split = in_year.count() > MAX_URLS_PER_FILE
    if split != (month is not None):
        raise Http404("No such sitemap.")
    stories = in_section.published_between(*_year_range(int(year), int(month) if month else None))
    rows = list(
        stories.order_by("first_published_at", "pk").values(
            *PAGE_FIELDS, lastmod=F("last_published_at")
        )
    )
    if not rows:
        raise Http404("No such sitemap.")
    others = list(
        ArticlePage.objects.live()
        .exclude(locale_id=root.locale_id)
        .filter(translation_key__in=stories.values("translation_key"))
        .values(*PAGE_FIELDS)
    )
    return _urlset(_page_entries(rows, others))


def _listing_pages() -> Any:
    """Edition fronts, their sections and subsections, and their static pages."""
    section_type = Q(depth=4, pk__in=SectionPage.objects.values("pk"))
    return Page.objects.live().filter(Q(depth__in=(2, 3)) | section_type)


def _front_lastmods() -> dict[str, datetime]:
    """For each front (by tree path), when a story filed in it last changed: a front
    changes whenever one of its stories does, not only when the front itself is edited."""
    newest: dict[str, datetime] = {}

    def note(path: str, value: datetime | None) -> None:
        if value is not None and (path not in newest or value > newest[path]):
            newest[path] = value

    by_section = (
        ArticlePage.objects.live()
        .annotate(
            top_path=Substr("path", 1, SECTION_PATH_LENGTH),
            sub_path=Case(
                When(depth=5, then=Substr("path", 1, SUBSECTION_PATH_LENGTH)), default=Value("")
            ),
        )
        .values("top_path", "sub_path")
        .annotate(lastmod=Max("last_published_at"))
        .order_by()
    )
    for row in by_section:
        for path in (row["top_path"], row["sub_path"], row["top_path"][:EDITION_PATH_LENGTH]):
            if path:
                note(path, row["lastmod"])
    also_listed = (
        ArticlePage.also_in_sections.through.objects.filter(articlepage__live=True)
        .values("sectionpage__path")
        .annotate(lastmod=Max("articlepage__last_published_at"))
        .order_by()
    )
    for row in also_listed:
        note(row["sectionpage__path"], row["lastmod"])
    return newest


def _pages_entries() -> list[UrlEntry]:
    rows = list(_listing_pages().order_by("path").values(*PAGE_FIELDS, "last_published_at"))
    fronts = _front_lastmods()
    for row in rows:
        own = row.pop("last_published_at")
        story = fronts.get(row["path"])
        row["lastmod"] = max(filter(None, (own, story)), default=None)
    return _page_entries(rows, [])


def pages_sitemap_view(request: HttpRequest) -> HttpResponse:
    """/sitemap-pages.xml: edition fronts, section fronts and static pages of both editions."""
    return _urlset(_pages_entries())


def sitemap_index_view(request: HttpRequest) -> HttpResponse:
    """/sitemap.xml: the pages sitemap and every section-year file."""
    pages_lastmod = max(filter(None, (entry.lastmod for entry in _pages_entries())), default=None)
    files = [SitemapFile("/sitemap-pages.xml", pages_lastmod), *section_year_files()]

    def write(handler: SimplerXMLGenerator) -> None:
        _start(handler, "sitemapindex", {"xmlns": SITEMAP_NS})
        for file in files:
            _start(handler, "sitemap")
            handler.addQuickElement("loc", absolute(file.url))
            if file.lastmod is not None:
                handler.addQuickElement("lastmod", _w3c(file.lastmod))
            handler.endElement("sitemap")
        handler.endElement("sitemapindex")

    return _xml_response(write)


# --- Google News -------------------------------------------------------------------------------
def news_sitemap_view(request: HttpRequest) -> HttpResponse:
    """/news-sitemap.xml: stories of both editions first published in the last 48 hours."""
    since = timezone.now() - NEWS_WINDOW
    rows = list(
        ArticlePage.objects.live()
        .filter(first_published_at__gte=since)
        .order_by("-first_published_at", "-pk")
        .values("path", "url_path", "title", "first_published_at")[:NEWS_MAX_STORIES]
    )
    roots = edition_roots()
    names = dict(EditionSettings.objects.values_list("locale_id", "name"))

    def write(handler: SimplerXMLGenerator) -> None:
        _start(handler, "urlset", {"xmlns": SITEMAP_NS, "xmlns:news": NEWS_NS})
        for row in rows:
            root = _root_for(roots, row["path"])
            if root is None:
                continue
            _start(handler, "url")
            handler.addQuickElement("loc", absolute(root.url_of(row["url_path"])))
            _start(handler, "news:news")
            _start(handler, "news:publication")
            handler.addQuickElement("news:name", names.get(root.locale_id, ""))
            handler.addQuickElement("news:language", root.language)
            handler.endElement("news:publication")
            handler.addQuickElement("news:publication_date", _w3c(row["first_published_at"]))
            handler.addQuickElement("news:title", row["title"])
            handler.endElement("news:news")
            handler.endElement("url")
        handler.endElement("urlset")

    return _xml_response(write)


# --- robots.txt ----------------------------------------------------------------------------------
def robots_view(request: HttpRequest) -> HttpResponse:
    """/robots.txt: reader pages open to crawlers; the back office and search results not
    (a results page per query would be endless, thin duplicates of the fronts)."""
    lines = ["User-agent: *", "Allow: /", "Disallow: /admin/"]
    lines += [f"Disallow: {edition.prefix}/{SEARCH_PATH}" for edition in EDITIONS.values()]
    lines += ["", *(f"Sitemap: {absolute(url)}" for url in ("/sitemap.xml", "/news-sitemap.xml"))]
    return HttpResponse("\n".join(lines) + "\n", content_type=TEXT_CONTENT_TYPE)
