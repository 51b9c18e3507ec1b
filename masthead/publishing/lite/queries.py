"""Reads for light pages. Each assembles a plain dataclass in a fixed number of queries,
however many stories, pictures or links it holds; the light pages show less than the full
ones, so they ask for less (no bodies for listings, no related stories, no tags)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from masthead.core.memo import remembered
from masthead.journalism.models import (
    ArticlePage,
    Author,
    Correction,
    FactCheckClaim,
    HomePage,
    NewsImage,
    SectionPage,
)
from masthead.journalism.models.querysets import child_paths
from masthead.journalism.queries import (
    ArticleView,
    article_pages,
    edition_navigation,
    home_front,
)
from masthead.publishing.lite.flow import (
    FlowSources,
    LinkedPage,
    Picture,
    linked_page_ids,
    picture_image_ids,
)
from masthead.publishing.lite.links import EditionTree, LiteLinks

SECTION_STORIES = 30
# A small JPEG: a few tens of KB, sharp enough on a phone, made only when a story has one.
PICTURE_SPEC = "width-480|format-jpeg|jpegquality-60"
# "news/x/3/": part 3 of the story at news/x/. Part 1 is the story's own address.
_PART = re.compile(r"(?P<story>(?:[^/]+/)+)(?P<number>[1-9][0-9]{0,3})/")


@dataclass(frozen=True)
class StoryLink:
    headline: str
    url: str
    published: datetime | None
    standfirst: str = ""


@dataclass(frozen=True)
class SectionLink:
    title: str
    url: str
    children: list[SectionLink] = field(default_factory=list)


@dataclass(frozen=True)
class SectionStories:
    section: SectionLink
    stories: list[StoryLink]


@dataclass(frozen=True)
class LiteFront:
    top_stories: list[StoryLink]  # the lead first
    section_blocks: list[SectionStories]
    sections: list[SectionLink]
    newest: datetime | None  # when the newest story listed was published


@dataclass(frozen=True)
class LiteSection:
    section: SectionPage
    breadcrumbs: list[SectionLink]
    stories: list[StoryLink]
    subsections: list[SectionLink]
    full_url: str


@dataclass(frozen=True)
class LiteStory:
    article: ArticlePage
    section: SectionLink
    authors: list[Author]
    claims: list[FactCheckClaim]
    corrections: list[Correction]
    sources: FlowSources
    lite_url: str
    full_url: str
    counterpart_url: str | None


# --- Finding the page of a light address ----------------------------------------------------------
@dataclass(frozen=True)
class Found:
    page: Page
    part: int = 1


def find_page(tree: EditionTree, path: str) -> Found | None:
    """The live, public page at `path` under the edition's front, and the part asked for:
    "news/x/" is part 1 of the story news/x/, "news/x/2/" its part 2. A page whose own slug
    is a number wins over a part of the same name. Kept per content generation, like the
    full site's routes."""
    return remembered(found_page_key(tree.home, path), lambda: _find_page(tree, path))


def found_page_key(home: HomePage, path: str) -> tuple[str, int, str]:
    """The key `find_page` keeps its answer by (a full build puts answers there in bulk)."""
    return ("lite-page", home.pk, path)


def _find_page(tree: EditionTree, path: str) -> Found | None:
    root = tree.home.url_path
    wanted = {root + path: 1}
    part = _PART.fullmatch(path)
    if part and int(part["number"]) >= 2:
        wanted[root + part["story"]] = int(part["number"])
    # By slug too, and unordered, so the database looks the slugs up in their index
    # rather than scanning every page for the addresses.
    slugs = {url_path.rstrip("/").rsplit("/", 1)[-1] for url_path in wanted}
    found = Page.objects.live().public().filter(url_path__in=wanted, slug__in=slugs)
    pages = {page.url_path: page for page in found.order_by().specific()}
    for url_path, number in wanted.items():
        page = pages.get(url_path)
        if page is None:
            continue
        if number == 1 or isinstance(page, ArticlePage):
            return Found(page=page, part=number)
        return None
    return None


# --- Fronts ---------------------------------------------------------------------------------------
def _story_link(links: LiteLinks, story: ArticlePage, *, standfirst: bool = False) -> StoryLink:
    return StoryLink(
        headline=story.title,
        url=links.lite_url(story) or "",
        published=story.first_published_at,
        standfirst=story.standfirst if standfirst else "",
    )


def _section_link(
    links: LiteLinks, section: Page, children: list[SectionLink] | None = None
) -> SectionLink:
    url = links.lite_url(section) or ""
    return SectionLink(title=section.title, url=url, children=children or [])


def lite_front(home: HomePage, links: LiteLinks) -> LiteFront:
    """The edition's front as the full site composes it (lead, top stories, section blocks),
    with the sections of its menu."""
    front = home_front(home)
    top = [_story_link(links, front.lead, standfirst=True)] if front.lead else []
    top += [_story_link(links, story) for story in front.top_stories]
    blocks = [
        SectionStories(
            section=_section_link(links, block.section),
            stories=[_story_link(links, story) for story in block.stories],
        )
        for block in front.section_blocks
    ]
    menu = edition_navigation(home).menu
    sections = [
        _section_link(links, item.section, [_section_link(links, c) for c in item.children])
        for item in menu
    ]
    dates = [s.published for s in top + [s for b in blocks for s in b.stories] if s.published]
    return LiteFront(
        top_stories=top,
        section_blocks=blocks,
        sections=sections,
        newest=max(dates, default=None),
    )


def lite_section(section: SectionPage, tree: EditionTree, links: LiteLinks) -> LiteSection:
    """A section's newest stories (its subsections' and those also listed in it), its
    subsections, and the way up."""
    stories = (
        ArticlePage.objects.live()
        .filter(locale_id=section.locale_id)
        .in_section(section)
        .recent()
        .defer_streamfields()[:SECTION_STORIES]
    )
    subsections = SectionPage.objects.live().filter(**child_paths(section)).order_by("path")
    breadcrumbs = []
    if section.depth > tree.home.depth + 1:
        parent = section.get_parent()
        if parent is not None:
            breadcrumbs.append(_section_link(links, parent))
    return LiteSection(
        section=section,
        breadcrumbs=breadcrumbs,
        stories=[_story_link(links, story) for story in stories],
        subsections=[_section_link(links, child) for child in subsections],
        full_url=links.full_url(section) or tree.full_front_url,
    )


# --- Stories --------------------------------------------------------------------------------------
def pictures_for(image_ids: set[int]) -> dict[int, Picture]:
    """The light edition's JPEG of each picture, made the first time it is asked for. A
    picture whose file is missing or broken is left out rather than linked."""
    if not image_ids:
        return {}
    pictures = {}
    for image in NewsImage.objects.filter(pk__in=image_ids).prefetch_renditions(PICTURE_SPEC):
        try:
            rendition = image.get_rendition(PICTURE_SPEC)
            size = rendition.file.size
        except (SourceImageIOError, OSError):
            continue
        pictures[image.pk] = Picture(
            url=rendition.url, size=size, caption=image.caption, credit=image.credit
        )
    return pictures


def linked_pages_for(page_ids: set[int], links: LiteLinks) -> dict[int, LinkedPage]:
    if not page_ids:
        return {}
    found = {}
    for page in Page.objects.live().filter(pk__in=page_ids):
        url = links.best_url(page)
        if url:
            found[page.pk] = LinkedPage(title=page.title, url=url)
    return found


def shared_lite_story(article: ArticlePage, links: LiteLinks) -> LiteStory:
    """`lite_story`, read once per content generation (a full build reads a chunk's stories
    in bulk with `lite_stories`)."""
    return remembered(lite_story_key(article), lambda: lite_story(article, links))


def lite_story_key(article: ArticlePage) -> tuple[str, int, int | None]:
    return ("lite-story", article.pk, article.live_revision_id)


def lite_stories(
    articles: Sequence[ArticlePage],
    links: LiteLinks,
    views: Mapping[int, ArticleView] | None = None,
) -> dict[int, LiteStory]:
    """`lite_story` of many stories at once: the section, bylines, notes and counterpart
    from their full pages' bulk reads (`article_pages`, read here unless given), the
    pictures and linked pages in one query each."""
    if views is None:
        views = article_pages(articles, with_neighbours=False)
    pictures = pictures_for({pk for article in articles for pk in picture_image_ids(article)})
    pages = linked_pages_for({pk for article in articles for pk in linked_page_ids(article)}, links)
    found = {}
    for article in articles:
        view = views.get(article.pk)
        if view is None:
            continue
        picture_ids, page_ids = picture_image_ids(article), linked_page_ids(article)
        found[article.pk] = LiteStory(
            article=article,
            section=SectionLink(
                title=article.kicker or view.section.title, url=links.lite_url(view.section) or ""
            ),
            authors=list(view.authors),
            claims=list(view.claims),
            corrections=list(view.corrections),
            sources=FlowSources(
                pictures={pk: p for pk, p in pictures.items() if pk in picture_ids},
                linked_pages={pk: p for pk, p in pages.items() if pk in page_ids},
            ),
            lite_url=links.lite_url(article) or "",
            full_url=links.full_url(article) or "",
            counterpart_url=links.lite_url(view.counterpart) if view.counterpart else None,
        )
    return found


def lite_story(article: ArticlePage, links: LiteLinks) -> LiteStory:
    section = article.get_parent()
    counterpart = (
        ArticlePage.objects.live()
        .filter(translation_key=article.translation_key)
        .exclude(locale_id=article.locale_id)
        .first()
    )
    return LiteStory(
        article=article,
        section=SectionLink(
            title=article.kicker or section.title, url=links.lite_url(section) or ""
        ),
        authors=[byline.author for byline in article.bylines.select_related("author")],
        claims=list(article.claims.all()),
        corrections=list(article.corrections.all()),
        sources=FlowSources(
            pictures=pictures_for(picture_image_ids(article)),
            linked_pages=linked_pages_for(linked_page_ids(article), links),
        ),
        lite_url=links.lite_url(article) or "",
        full_url=links.full_url(article) or "",
        counterpart_url=links.lite_url(counterpart) if counterpart else None,
    )
