"""RSS 2.0 and Atom feeds of every listing: the edition fronts, section fronts, author and
tag pages.

A listing with base URL B has its feeds at B + "feed/rss.xml" and B + "feed/atom.xml". Each
feed carries the newest stories in full (the body as HTML with absolute links), so readers
behind blocks and on slow networks can read a story in their feed reader without reaching
the site. The publisher renders these views to files; a feed depends on nothing but its URL
and the stored content, so the same state gives the same bytes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin
from xml.sax.xmlreader import AttributesImpl

import nh3
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from django.utils.html import escape
from django.utils.xmlutils import SimplerXMLGenerator

from masthead.core.editions import edition_for_path
from masthead.journalism.metadata import absolute
from masthead.journalism.models import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageQuerySet,
    ArticleTag,
    Author,
    EditionSettings,
    HomePage,
    NewsRendition,
    SectionPage,
    Tag,
)
from masthead.journalism.queries import authored_story_ids, edition_articles, tagged_story_ids

FEED_LENGTH = 30
FEED_KINDS = ("rss", "atom")
FEATURED_IMAGE_SPEC = "width-1200"  # the rendition the story page shows, so none is added
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
DUBLIN_CORE_NS = "http://purl.org/dc/elements/1.1/"
# An empty feed has no story to date it by; a fixed date keeps its file identical between
# renders instead of changing on every publish.
EMPTY_FEED_UPDATED = datetime(2000, 1, 1, tzinfo=UTC)
# Links and images in a story keep their attributes (rel="author", alt text, sizes).
FEED_HTML_ATTRIBUTES = {**nh3.ALLOWED_ATTRIBUTES, "a": {*nh3.ALLOWED_ATTRIBUTES["a"], "rel"}}
URL_ATTRIBUTES = {"href", "src", "cite"}

_AUTHOR_LISTING = re.compile(r"^author/(?P<slug>[^/]+)/$")
_TAG_LISTING = re.compile(r"^tag/(?P<slug>[^/]+)/$")


# --- Feed URLs, for the publisher ----------------------------------------------------------
def feed_urls(listing_url: str) -> list[str]:
    """The RSS and Atom feed URLs of the listing whose base URL is `listing_url` ("/news/")."""
    return [f"{listing_url}feed/{kind}.xml" for kind in FEED_KINDS]


def all_feed_urls() -> list[str]:
    """Every feed URL that exists now: both edition fronts, every live section, and every
    author and tag with live stories in an edition (in that edition only). Sorted, so two
    calls on the same content agree."""
    homes = {home.locale_id: home for home in HomePage.objects.filter(depth=2)}
    listings = {home.url for home in homes.values()}
    listings.update(section.url for section in SectionPage.objects.live())
    bylines = (
        ArticleAuthor.objects.filter(page__live=True)
        .values_list("page__locale_id", "author__slug")
        .order_by()
        .distinct()
    )
    tagged = (
        ArticleTag.objects.filter(content_object__live=True)
        .values_list("content_object__locale_id", "tag__slug")
        .order_by()
        .distinct()
    )
    for route, rows in (("author", bylines), ("tag", tagged)):
        for locale_id, slug in rows:
            home = homes.get(locale_id)
            if home is not None:
                listings.add(_home_route_url(home, route, slug))
    return sorted(url for listing in listings if listing for url in feed_urls(listing))


def _home_route_url(home: HomePage, route: str, slug: str) -> str:
    """An author or tag page URL, built as the reader pages build it (news.author_url)."""
    return (home.url or "/") + home.reverse_subpage(route, kwargs={"slug": slug})


# --- Which listing a feed URL names ------------------------------------------------------------
@dataclass(frozen=True)
class FeedListing:
    home: HomePage
    url: str  # the listing's base URL, e.g. /news/
    title: str
    description: str
    stories: ArticlePageQuerySet
    updated_when_empty: datetime
    # Author and tag pages exist only while they hold a story in the edition; their feeds too.
    exists_when_empty: bool = True
    # The newest stories' ids, newest first, when known: read by id and put in order here,
    # since ordering by date makes the database walk the whole edition.
    newest_ids: list[int] | None = None


def resolve_listing(home: HomePage, listing: str, edition: EditionSettings) -> FeedListing:
    """The listing at `listing` (a path under the edition front: "", "news/burma/",
    "author/<slug>/", "tag/<slug>/"), or a 404. Runs in the edition's language."""
    articles = edition_articles(home)
    newsroom = edition.name
    if not listing:
        return FeedListing(
            home=home,
            url=home.url or "/",
            title=newsroom,
            description=edition.tagline or newsroom,
            stories=articles,
            updated_when_empty=home.last_published_at or EMPTY_FEED_UPDATED,
        )
    if match := _AUTHOR_LISTING.match(listing):
        author = Author.objects.filter(slug=match["slug"]).first()
        if author is None:
            raise Http404("No such author.")
        return FeedListing(
            home=home,
            url=_home_route_url(home, "author", author.slug),
            title=f"{author.display_name} · {newsroom}",
            description=author.display_short_bio or author.display_name,
            stories=articles,
            newest_ids=authored_story_ids(home, author)[-FEED_LENGTH:][::-1],
            updated_when_empty=EMPTY_FEED_UPDATED,
            exists_when_empty=False,
        )
    if match := _TAG_LISTING.match(listing):
        tag = Tag.objects.filter(slug=match["slug"]).first()
        if tag is None:
            raise Http404("No such tag.")
        return FeedListing(
            home=home,
            url=_home_route_url(home, "tag", tag.slug),
            title=f"{tag.name} · {newsroom}",
            description=tag.name,
            stories=articles,
            newest_ids=tagged_story_ids(home, tag)[-FEED_LENGTH:][::-1],
            updated_when_empty=EMPTY_FEED_UPDATED,
            exists_when_empty=False,
        )
    section = (
        SectionPage.objects.live()
        .filter(locale_id=home.locale_id, url_path=home.url_path + listing)
        .first()
    )
    if section is None:
        raise Http404("No such section.")
    return FeedListing(
        home=home,
        url=section.url or "",
        title=f"{section.title} · {newsroom}",
        description=section.intro or section.title,
        stories=articles.in_section(section),
        updated_when_empty=section.last_published_at or EMPTY_FEED_UPDATED,
    )


# --- Feed documents -------------------------------------------------------------------------
def _latest_change(feed: SyndicationFeed) -> datetime:
    """The newest change among the items, or the listing's own fixed date when it has none:
    never the time of rendering, which would make every render a different file."""
    dates = [item["updateddate"] or item["pubdate"] for item in feed.items]
    return max(dates, default=feed.feed["updated_when_empty"])


class FullTextRssFeed(Rss201rev2Feed):
    """RSS 2.0 with the whole story (content:encoded) and every author (dc:creator)."""

    def rss_attributes(self) -> dict[str, str]:
        return {
            **super().rss_attributes(),
            "xmlns:content": CONTENT_NS,
            "xmlns:dc": DUBLIN_CORE_NS,
        }

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for name, _url in item["authors"]:
            handler.addQuickElement("dc:creator", name)
        handler.addQuickElement("content:encoded", item["content_html"])

    def latest_post_date(self) -> datetime:
        return _latest_change(self)


class FullTextAtomFeed(Atom1Feed):
    """Atom with the whole story (content type="html") and one author element per author."""

    def add_item_elements(self, handler: SimplerXMLGenerator, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for name, url in item["authors"]:
            handler.startElement("author", AttributesImpl({}))
            handler.addQuickElement("name", name)
            handler.addQuickElement("uri", url)
            handler.endElement("author")
        handler.addQuickElement("content", item["content_html"], {"type": "html"})

    def latest_post_date(self) -> datetime:
        return _latest_change(self)


FullTextFeed = FullTextRssFeed | FullTextAtomFeed
FEED_CLASSES: dict[str, type[FullTextFeed]] = {
    "rss": FullTextRssFeed,
    "atom": FullTextAtomFeed,
}


def feed_stories(listing: FeedListing) -> list[ArticlePage]:
    """The newest stories of the listing with everything an item shows, in a fixed number
    of queries whatever the feed's length."""
    if listing.newest_ids is not None:
        found = {
            story.pk: story
            for story in _with_item_details(
                listing.stories.filter(pk__in=listing.newest_ids).order_by()
            )
        }
        return [found[pk] for pk in listing.newest_ids if pk in found]
    return list(_with_item_details(listing.stories.recent())[:FEED_LENGTH])


def _with_item_details(stories: ArticlePageQuerySet) -> ArticlePageQuerySet:
    return stories.prefetch_related(
        Prefetch("tagged_items", queryset=ArticleTag.objects.select_related("tag")),
        Prefetch(
            "featured_image__renditions",
            queryset=NewsRendition.objects.filter(filter_spec=FEATURED_IMAGE_SPEC),
        ),
        "claims",
        "corrections",
    )


def build_feed(
    listing: FeedListing, stories: list[ArticlePage], kind: str, *, newsroom: str, language: str
) -> FullTextFeed:
    """The feed document of a listing's `stories`; `kind` is "rss" or "atom"."""
    section_titles = dict(
        SectionPage.objects.filter(
            path__in={story.path[: -ArticlePage.steplen] for story in stories}
        ).values_list("path", "title")
    )
    home_url = listing.home.url or "/"
    feed = FEED_CLASSES[kind](
        title=listing.title,
        link=absolute(listing.url),
        description=listing.description,
        subtitle=listing.description,
        language=language,
        feed_url=absolute(f"{listing.url}feed/{kind}.xml"),
        updated_when_empty=_to_second(listing.updated_when_empty),
    )
    for story in stories:
        story_url = absolute(story.url or "")
        authors = [
            (
                byline.author.display_name,
                absolute(_home_route_url(listing.home, "author", byline.author.slug)),
            )
            for byline in story.bylines.all()
        ] or [(newsroom, absolute(home_url))]
        section_title = section_titles.get(story.path[: -ArticlePage.steplen])
        categories = [section_title] if section_title else []
        categories += [tagged.tag.name for tagged in story.tagged_items.all()]
        published = story.first_published_at or story.last_published_at
        # The standfirst is plain text; descriptions and summaries are read as HTML.
        summary: dict[str, Any] = {"description": escape(story.standfirst) or None}
        feed.add_item(
            title=story.title,
            link=story_url,
            **summary,
            unique_id=absolute(f"/a/{story.pk}/"),
            unique_id_is_permalink=False,
            pubdate=_to_second(published),
            updateddate=_to_second(story.last_published_at or published),
            categories=categories,
            authors=authors,
            content_html=full_text(story, story_url),
        )
    return feed


def _to_second(value: datetime | None) -> datetime | None:
    return value.astimezone(UTC).replace(microsecond=0) if value else None


def full_text(story: ArticlePage, story_url: str) -> str:
    """The story as HTML for a feed reader: featured image, verdicts, body and corrections,
    with every link and image address absolute (a feed reader has no page to resolve a
    relative one against) and nothing a feed reader should not run."""
    html = render_to_string("publishing/feed_content.html", {"story": story})

    def absolute_urls(element: str, attribute: str, value: str) -> str:
        return urljoin(story_url, value.strip()) if attribute in URL_ATTRIBUTES else value

    return nh3.clean(
        html.strip(),
        attributes=FEED_HTML_ATTRIBUTES,
        attribute_filter=absolute_urls,
        link_rel=None,
    )


# --- The view ---------------------------------------------------------------------------------
def feed_view(request: HttpRequest, listing: str, kind: str) -> HttpResponse:
    """/<listing>/feed/rss.xml and /<listing>/feed/atom.xml in either edition."""
    edition = edition_for_path(request.path_info)
    with translation.override(edition.language):
        home = (
            HomePage.objects.filter(locale__language_code=edition.language, depth=2)
            .select_related("locale")
            .first()
        )
        if home is None:
            raise Http404("No such edition.")
        settings = EditionSettings.for_language(edition.language)
        resolved = resolve_listing(home, listing, settings)
        stories = feed_stories(resolved)
        if not stories and not resolved.exists_when_empty:
            raise Http404("No stories here.")
        feed = build_feed(
            resolved, stories, kind, newsroom=settings.name, language=edition.language
        )
        response = HttpResponse(content_type=feed.content_type)
        feed.write(response, "utf-8")
    return response
