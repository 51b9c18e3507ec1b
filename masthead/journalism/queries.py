"""Reads that assemble a whole page: each returns a plain dataclass for its template.

Every listing here runs a fixed number of queries however long the list is; the
query-count tests in tests/journalism/test_queries.py hold that line.
"""

from __future__ import annotations

import calendar
import copy
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any

from django.db.models import Count, QuerySet
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page, PageViewRestriction

from masthead import burmese
from masthead.core.memo import keep_for_batch, read_ahead_in_build, remembered
from masthead.core.time import display_today, display_zone
from masthead.journalism.models import (
    ArticleAuthor,
    ArticlePage,
    ArticlePageQuerySet,
    ArticleTag,
    Author,
    Correction,
    EditionSettings,
    FactCheckClaim,
    HomePage,
    NewsImage,
    SectionPage,
    Tag,
)
from masthead.journalism.models.querysets import (
    child_paths,
    count_live_in_section,
    descendant_paths,
    local_bounds,
    local_year,
)
from masthead.journalism.pagination import (
    MAX_PAGE_NUMBER,
    STORIES_PER_PAGE,
    ListingPage,
    last_page_number,
    number_of_page_holding,
)

TOP_STORIES = 6
SECTION_BLOCK_STORIES = 4


def edition_articles(home: Page) -> ArticlePageQuerySet:
    """Live stories of the edition whose front is `home`."""
    return ArticlePage.objects.live().filter(locale_id=home.locale_id).for_listing()


# --- Home front ---------------------------------------------------------------------------
@dataclass
class SectionBlock:
    section: SectionPage
    stories: list[ArticlePage]


@dataclass
class HomeFront:
    lead: ArticlePage | None
    top_stories: list[ArticlePage]
    section_blocks: list[SectionBlock]

    @property
    def all_stories(self) -> list[ArticlePage]:
        shown = [self.lead, *self.top_stories]
        shown += [story for block in self.section_blocks for story in block.stories]
        return [story for story in shown if story is not None]


def home_front(home: HomePage) -> HomeFront:
    articles = edition_articles(home)
    curated_lead = articles.filter(pk=home.lead_story_id).first() if home.lead_story_id else None
    placed_ids = list(home.top_story_placements.values_list("article_id", flat=True))
    placed = {story.pk: story for story in articles.filter(pk__in=placed_ids)}
    top = [placed[pk] for pk in placed_ids if pk in placed]
    used = {story.pk for story in top} | ({curated_lead.pk} if curated_lead else set())
    needed = TOP_STORIES - len(top) + (0 if curated_lead else 1)
    fillers = list(articles.exclude(pk__in=used).recent()[:needed]) if needed > 0 else []
    lead = curated_lead or (fillers.pop(0) if fillers else None)
    top.extend(fillers)

    section_ids = list(home.section_placements.values_list("section_id", flat=True))
    if section_ids:
        sections = {s.pk: s for s in SectionPage.objects.live().filter(pk__in=section_ids)}
        chosen = [sections[pk] for pk in section_ids if pk in sections]
    else:
        in_menu = SectionPage.objects.live().filter(**child_paths(home)).in_menu()
        chosen = list(in_menu.order_by("path")[:6])
    shown = {story.pk for story in top} | ({lead.pk} if lead else set())
    blocks = [
        SectionBlock(
            section=section,
            stories=list(
                articles.in_section(section).exclude(pk__in=shown).recent()[:SECTION_BLOCK_STORIES]
            ),
        )
        for section in chosen
    ]
    return HomeFront(lead=lead, top_stories=top, section_blocks=[b for b in blocks if b.stories])


# --- Section front ------------------------------------------------------------------------
@dataclass
class SectionFront:
    lead: ArticlePage | None
    stories: ListingPage
    subsections: list[SectionPage]
    parent_section: SectionPage | None

    @property
    def on_front(self) -> bool:
        """The section's front, not one of its numbered pages."""
        return self.stories.number is None


def section_front(section: SectionPage, number: int | None = None) -> SectionFront:
    """The section's front (`number` None: a lead and the newest stories) or one of its
    numbered pages."""
    if number is None:
        stories = _front_of_listing(_newest_in_section(section), count_live_in_section(section))
    else:
        stories = listing_by_ids(section_story_ids(section), section, number)
    lead = stories.object_list.pop(0) if number is None and stories.object_list else None
    subsections, parent = remembered(("section-family", section.pk), lambda: _family(section))
    return SectionFront(
        lead=lead, stories=stories, subsections=list(subsections), parent_section=parent
    )


def _family(section: SectionPage) -> tuple[tuple[SectionPage, ...], SectionPage | None]:
    """The section's live subsections, and the section it is in (None: the edition's)."""
    parent = section.get_parent().specific
    subsections = SectionPage.objects.live().filter(**child_paths(section)).order_by("path")
    return tuple(subsections), parent if isinstance(parent, SectionPage) else None


def section_story_ids(section: SectionPage) -> list[int]:
    """The section's live stories (its subsections' and those also listed in it), oldest
    first, kept for the content generation."""

    def read() -> list[int]:
        in_section = edition_articles(section).in_section(section)
        return list(in_section.order_by("first_published_at", "pk").values_list("pk", flat=True))

    # A long section's numbered pages span many chunks of a build.
    return remembered(("listing-ids", "section", section.pk), read, across_chunks=True)


def _newest_in_section(section: SectionPage) -> list[ArticlePage]:
    """The section's newest stories, newest first, read along the publication-time index: its
    front is rendered on every publish into it, and reading the ids of a long section's every
    story takes a quarter of a second on 20,000."""
    in_section = edition_articles(section).in_section(section).defer_streamfields()
    return list(in_section.order_by("-first_published_at", "-pk")[:STORIES_PER_PAGE])


def _front_of_listing(newest: list[ArticlePage], total: int) -> ListingPage:
    """The front of a listing of `total` stories whose newest are `newest`: they, and a link
    to the numbered page holding the next older story."""
    older = (
        number_of_page_holding(total - STORIES_PER_PAGE - 1) if total > STORIES_PER_PAGE else None
    )
    return ListingPage(newest, None, older=older, newer=None)


def listing_by_ids(oldest_first: list[int], edition: Page, number: int | None) -> ListingPage:
    """`pagination.listing_page` of a listing whose story ids, oldest first, are known (the
    stories are read by id from the live stories of `edition`, a page of the edition): a
    numbered page of a large listing read by OFFSET sorts the whole listing again, and a
    full build renders thousands of them."""
    total = len(oldest_first)
    if number is None:
        return _front_of_listing(_stories(edition, oldest_first[-STORIES_PER_PAGE:]), total)
    last = last_page_number(total)
    if total <= STORIES_PER_PAGE or not 1 <= number <= min(last, MAX_PAGE_NUMBER):
        raise Http404(_("No such page."))
    return ListingPage(
        _numbered_page_stories(edition, oldest_first, number, last),
        number,
        older=number - 1 if number > 1 else None,
        newer=number + 1 if number < last else None,
        newer_is_front=number == last,
    )


# A build renders a listing's numbered pages one after the other: reading the next pages'
# cards with this one's makes one query of ten, about a sixth of a numbered page's cost.
PAGES_READ_AHEAD = 10


def _numbered_page_stories(
    edition: Page, oldest_first: list[int], number: int, last: int
) -> list[ArticlePage]:
    """The stories of page `number` of the listing, newest first. In a build chunk, the
    following pages' stories are read in the same query and kept for their renders, in the
    chunk alone."""
    first = _page_ids(oldest_first, number)
    this_and_next = range(number, min(last, number + PAGES_READ_AHEAD - 1) + 1)
    cards = read_ahead_in_build(
        ("listing-cards", tuple(first)),
        ahead=lambda: _read_ahead(edition, [_page_ids(oldest_first, n) for n in this_and_next]),
        alone=lambda: _stories(edition, first),
    )
    return [copy.copy(story) for story in cards]  # the view-count tags write on the stories


def _page_ids(oldest_first: list[int], number: int) -> list[int]:
    return oldest_first[(number - 1) * STORIES_PER_PAGE : number * STORIES_PER_PAGE]


def _read_ahead(edition: Page, pages: list[list[int]]) -> list[ArticlePage]:
    found = _cards_by_id(edition, [pk for page in pages for pk in page])
    kept: dict[Hashable, list[ArticlePage]] = {
        ("listing-cards", tuple(page)): [found[pk] for pk in reversed(page) if pk in found]
        for page in pages
    }
    keep_for_batch(kept)
    return kept["listing-cards", tuple(pages[0])]


def _stories(edition: Page, oldest_first: list[int]) -> list[ArticlePage]:
    """The edition's live stories with these ids, newest first."""
    found = _cards_by_id(edition, oldest_first)
    return [found[pk] for pk in reversed(oldest_first) if pk in found]


def _cards_by_id(edition: Page, ids: list[int]) -> dict[int, ArticlePage]:
    """The edition's live stories with these ids, without their bodies (a card shows
    none)."""
    in_edition = edition_articles(edition).filter(pk__in=ids)
    return {story.pk: story for story in in_edition.defer_streamfields()}


# --- Article page ---------------------------------------------------------------------------
@dataclass
class ArticleView:
    section: SectionPage
    breadcrumbs: list[Page]
    authors: list[Author]
    tags: list[Tag]
    related: list[ArticlePage]
    previous_story: ArticlePage | None
    next_story: ArticlePage | None
    counterpart: ArticlePage | None
    corrections: list[Any] = field(default_factory=list)
    claims: list[Any] = field(default_factory=list)
    featured_image: Any = None
    locale: Any = None


def shared_article_page(article: ArticlePage) -> ArticleView:
    """`article_page` of a published story, read once per content generation. Each caller
    gets its own copies of the listed stories: the view-count tags write on them."""
    kept = remembered(
        ("article-view", article.pk, article.live_revision_id), lambda: article_page(article)
    )
    related = [copy.copy(story) for story in kept.related]
    return replace(
        kept,
        related=related,
        previous_story=related[0] if related else None,
        next_story=copy.copy(kept.next_story),
        featured_image=copy.copy(kept.featured_image),
    )


def article_page(article: ArticlePage) -> ArticleView:
    ancestors = list(article.get_ancestors().filter(depth__gt=2).specific())
    section = ancestors[-1]
    # Next and previous show a headline only, so they skip the listing's prefetches.
    in_section = (
        ArticlePage.objects.live()
        .filter(locale_id=article.locale_id, **descendant_paths(section.path))
        .exclude(pk=article.pk)
        .select_related("locale")
        .defer_streamfields()  # headlines and cards only
    )
    published = article.first_published_at
    if published is None:  # a preview of a story never published
        older = newer = in_section.none()
    else:
        older = in_section.filter(first_published_at__lt=published).recent()
        newer = in_section.filter(first_published_at__gt=published).order_by(
            "first_published_at", "pk"
        )
    related = list(older.for_listing()[:3])
    counterpart = (
        ArticlePage.objects.live()
        .filter(translation_key=article.translation_key)
        .exclude(locale_id=article.locale_id)
        .select_related("locale")
        .defer_streamfields()
        .first()
    )
    return ArticleView(
        section=section,
        breadcrumbs=ancestors,
        authors=[byline.author for byline in _with_authors(article.bylines.all())],
        tags=list(article.tags.all()),
        related=related,
        previous_story=related[0] if related else None,  # the same row: newest older one
        next_story=newer.first(),
        counterpart=counterpart,
        corrections=list(article.corrections.all()),
        claims=list(article.claims.all()),
        featured_image=article.featured_image,
        locale=article.locale,
    )


def article_pages(
    articles: Sequence[ArticlePage], *, with_neighbours: bool = True
) -> dict[int, ArticleView]:
    """`article_page` of many published stories at once, in a fixed number of queries
    (a full build reads a chunk of stories this way). Each view holds the same rows, in the
    same order, as `article_page` gives; a story never published is left out. Without
    neighbours, no related, previous or next story is read (the light edition shows none)."""
    stories = [story for story in articles if story.first_published_at is not None]
    if not stories:
        return {}
    ancestors = _ancestors_by_path(stories)
    sections = {story.pk: ancestors[story.path[: -Page.steplen]] for story in stories}
    neighbours = (
        _section_neighbours(stories, sections)
        if with_neighbours
        else {story.pk: ([], []) for story in stories}
    )
    listed = _listed_stories({pk for pair in neighbours.values() for pk in pair[0] + pair[1]})
    counterparts = _counterparts(stories)
    story_ids = [story.pk for story in stories]
    authors = _grouped(
        _with_authors(ArticleAuthor.objects.filter(page_id__in=story_ids)),
        "page_id",
    )
    corrections = _grouped(Correction.objects.filter(page_id__in=story_ids), "page_id")
    claims = _grouped(FactCheckClaim.objects.filter(page_id__in=story_ids), "page_id")
    pictured = {s.featured_image_id for s in stories} - {None}
    images = NewsImage.objects.prefetch_renditions().in_bulk(pictured)
    tags = _tags_of(story_ids)
    views = {}
    for story in stories:
        older, newer = neighbours[story.pk]
        breadcrumbs = [
            copy.copy(ancestors[story.path[:end]])
            for end in range(3 * Page.steplen, len(story.path), Page.steplen)
        ]
        related = [copy.copy(listed[pk]) for pk in older]
        image = images.get(story.featured_image_id) if story.featured_image_id else None
        views[story.pk] = ArticleView(
            section=breadcrumbs[-1],
            breadcrumbs=breadcrumbs,
            authors=[byline.author for byline in authors[story.pk]],
            tags=tags[story.pk],
            related=related,
            previous_story=related[0] if related else None,
            next_story=copy.copy(listed[newer[0]]) if newer else None,
            counterpart=counterparts.get(story.pk),
            corrections=corrections[story.pk],
            claims=claims[story.pk],
            featured_image=copy.copy(image),
            locale=story.locale,
        )
    return views


def _with_authors(bylines: QuerySet[ArticleAuthor]) -> QuerySet[ArticleAuthor]:
    """Bylines with their authors, the authors' photos and every size of those already made
    (the story page shows the photo: read here, it is not looked up again by the render)."""
    return bylines.select_related("author", "author__photo").prefetch_related(
        "author__photo__renditions"
    )


def _grouped(rows: Any, key: str) -> defaultdict[int, list[Any]]:
    grouped: defaultdict[int, list[Any]] = defaultdict(list)
    for row in rows:
        grouped[getattr(row, key)].append(row)
    return grouped


def _ancestors_by_path(stories: Sequence[ArticlePage]) -> dict[str, Page]:
    """Every section above the stories (below the edition's front), by tree path."""
    paths = {
        story.path[:end]
        for story in stories
        for end in range(3 * Page.steplen, len(story.path), Page.steplen)
    }
    return {page.path: page for page in Page.objects.filter(path__in=paths).specific()}


def _section_neighbours(
    stories: Sequence[ArticlePage], sections: dict[int, Page]
) -> dict[int, tuple[list[int], list[int]]]:
    """Each story's three newest older stories (newest first) and its next newer one, in
    its section's tree and edition: `article_page`'s orderings, read from one ordered list
    per section instead of two sorted queries per story."""
    found = {}
    for story in stories:
        order, moments = _tree_order(sections[story.pk], story.locale_id)
        published = story.first_published_at
        older_end = bisect_left(moments, published)
        newer_start = bisect_right(moments, published)
        older = [pk for _moment, pk in reversed(order[max(older_end - 3, 0) : older_end])]
        newer = [pk for _moment, pk in order[newer_start : newer_start + 1]]
        found[story.pk] = (older, newer)
    return found


def _tree_order(section: Page, locale_id: int) -> tuple[list[tuple[Any, int]], list[Any]]:
    """(first publication, id) of the live stories below `section` in the edition, oldest
    first, and their publication times alone (to bisect); kept like the listings' ids."""

    def read() -> tuple[list[tuple[Any, int]], list[Any]]:
        below = (
            ArticlePage.objects.live()
            .filter(locale_id=locale_id, **descendant_paths(section.path))
            .exclude(first_published_at=None)
        )
        rows = below.order_by("first_published_at", "pk").values_list("first_published_at", "pk")
        order = list(rows)
        return order, [moment for moment, _pk in order]

    return remembered(("tree-order", section.pk, locale_id), read, across_chunks=True)


def _listed_stories(story_ids: set[int]) -> dict[int, ArticlePage]:
    if not story_ids:
        return {}
    found = ArticlePage.objects.live().select_related("locale").for_listing().defer_streamfields()
    return {story.pk: story for story in found.filter(pk__in=story_ids).order_by()}


def _counterparts(stories: Sequence[ArticlePage]) -> dict[int, ArticlePage]:
    """Each story's live translation, the first in tree order, as `article_page` picks it."""
    keys = {story.translation_key for story in stories}
    candidates = (
        ArticlePage.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .defer_streamfields()  # the language switch shows an address only
        .order_by("path")
    )
    by_key = _grouped(candidates, "translation_key")
    found = {}
    for story in stories:
        others = [
            c for c in by_key.get(story.translation_key, []) if c.locale_id != story.locale_id
        ]
        if others:
            found[story.pk] = copy.copy(others[0])
    return found


def _tags_of(story_ids: list[int]) -> defaultdict[int, list[Tag]]:
    """Each story's tags in the order they were given, as `article.tags.all()` lists them."""
    taggings = (
        ArticleTag.objects.filter(content_object_id__in=story_ids)
        .select_related("tag")
        .order_by("pk")
    )
    tags: defaultdict[int, list[Tag]] = defaultdict(list)
    for tagging in taggings:
        tags[tagging.content_object_id].append(tagging.tag)
    return tags


def may_be_restricted(page: Page) -> bool:
    """Whether a view restriction (a password, logged-in readers only...) may apply to
    `page`. Almost no page has one: the restricted paths are read once per content
    generation, and Wagtail's own check runs only where one may apply."""

    def restrictions() -> tuple[tuple[str, ...], bool]:
        paths = tuple(PageViewRestriction.objects.values_list("page__path", flat=True))
        return paths, Page.objects.filter(alias_of__isnull=False).exists()

    restricted_paths, aliases_exist = remembered(("view-restrictions",), restrictions)
    # A restriction on an alias's source covers the alias: Wagtail's check follows them.
    return aliases_exist or any(page.path.startswith(path) for path in restricted_paths)


# --- Listings: author, tag, date archive, On This Day, the archive ---------------------------
@dataclass
class Listing:
    title: str
    stories: list[ArticlePage]
    page: ListingPage | None = None
    author: Author | None = None
    tag: Tag | None = None
    description: str = ""
    years: list[tuple[int, int]] = field(default_factory=list)


def authored_story_ids(home: HomePage, author: Author) -> list[int]:
    """The author's live stories in the edition, oldest first, kept for the content
    generation. Read from the bylines: filtering the edition's stories by author walks the
    whole edition."""

    def read() -> list[int]:
        bylines = ArticleAuthor.objects.filter(
            author=author, page__live=True, page__locale_id=home.locale_id
        )
        order = ("page__first_published_at", "page_id")
        return list(dict.fromkeys(bylines.order_by(*order).values_list("page_id", flat=True)))

    return remembered(("listing-ids", "author", author.pk, home.locale_id), read)


def tagged_story_ids(home: HomePage, tag: Tag) -> list[int]:
    """The tag's live stories in the edition, oldest first, kept for the content
    generation. Read from the taggings, for the same reason as `authored_story_ids`."""

    def read() -> list[int]:
        taggings = ArticleTag.objects.filter(
            tag=tag, content_object__live=True, content_object__locale_id=home.locale_id
        )
        order = ("content_object__first_published_at", "content_object_id")
        ids = taggings.order_by(*order).values_list("content_object_id", flat=True)
        return list(dict.fromkeys(ids))

    return remembered(("listing-ids", "tag", tag.pk, home.locale_id), read)


def author_listing(home: HomePage, author: Author, number: int | None) -> Listing:
    page = listing_by_ids(authored_story_ids(home, author), home, number)
    _refuse_empty(page)
    return Listing(
        title=author.display_name, stories=list(page.object_list), page=page, author=author
    )


def tag_listing(home: HomePage, tag: Tag, number: int | None) -> Listing:
    page = listing_by_ids(tagged_story_ids(home, tag), home, number)
    _refuse_empty(page)
    return Listing(title=tag.name, stories=list(page.object_list), page=page, tag=tag)


def _refuse_empty(page: ListingPage) -> None:
    """A listing with no story in this edition has no page: the site's set of addresses
    follows its stories, so no empty page lingers on disk or in search engines."""
    if not page.object_list:
        raise Http404(_("No such page."))


def date_archive(home: HomePage, year: int, month: int | None, day: int | None) -> Listing:
    """Stories of a year, a month or a day, in the newsroom's time zone."""
    try:
        if day:
            start = end = date(year, month or 1, day)
        elif month:
            start = date(year, month, 1)
            end = date(year, month, calendar.monthrange(year, month)[1])
        else:
            start, end = date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        raise Http404(_("No such date.")) from None
    stories = _day_stories(home, start) if day else _published_between(home, start, end)
    if not stories:
        raise Http404(_("No such page."))
    return Listing(
        title=_("Stories of %(period)s") % {"period": _period_label(year, month, day)},
        stories=stories,
    )


PERIOD_LIMIT = 200  # stories listed on a day's, a month's or a year's page


def _published_between(home: HomePage, start: date, end: date) -> list[ArticlePage]:
    """The edition's stories of these days, newest first."""
    return list(edition_articles(home).published_between(start, end).recent()[:PERIOD_LIMIT])


def _day_stories(home: HomePage, day: date) -> list[ArticlePage]:
    """A day's stories, newest first. A build renders a month's days one after another: in
    a build chunk the whole month is read at once and each day's stories kept for its page."""
    stories = read_ahead_in_build(
        ("day-cards", home.pk, day),
        ahead=lambda: _read_month_ahead(home, day),
        alone=lambda: _published_between(home, day, day),
    )
    return [copy.copy(story) for story in stories]  # the view-count tags write on the stories


def _read_month_ahead(home: HomePage, day: date) -> list[ArticlePage]:
    first = day.replace(day=1)
    last = day.replace(day=calendar.monthrange(day.year, day.month)[1])
    zone = display_zone()
    kept: dict[Hashable, list[ArticlePage]] = {
        ("day-cards", home.pk, first + timedelta(days=n)): [] for n in range(last.day)
    }
    for story in edition_articles(home).published_between(first, last).recent():
        published = story.first_published_at.astimezone(zone).date()
        stories = kept.setdefault(("day-cards", home.pk, published), [])
        if len(stories) < PERIOD_LIMIT:
            stories.append(story)
    keep_for_batch(kept)
    return kept["day-cards", home.pk, day]


def _period_label(year: int, month: int | None, day: int | None) -> str:
    """The period in the edition's language: 10 October 2025, October 2025, 2025."""
    language = "my" if get_language() == "my" else "en"
    if day:
        return burmese.format_date(date(year, month or 1, day), language=language)
    year_text = burmese.to_burmese_digits(str(year)) if language == "my" else str(year)
    if month:
        return f"{burmese.month_name(month, language=language)} {year_text}"
    return year_text


def on_this_day(home: HomePage) -> Listing:
    today = display_today().date()
    stories = list(edition_articles(home).on_this_day(today).recent()[:50])
    return Listing(title=_("On This Day"), stories=stories)


def archive_index(home: HomePage) -> Listing:
    stories = edition_articles(home)
    years = (
        stories.annotate(year=local_year(local_bounds(stories)))
        .values("year")
        .annotate(count=Count("pk"))
        .order_by("-year")
    )
    older = edition_articles(home).order_by("first_published_at", "pk")
    return Listing(
        title=_("From the Archive"),
        stories=list(older[:20]),
        years=[(row["year"], row["count"]) for row in years],
    )


# --- Navigation -------------------------------------------------------------------------------
@dataclass
class MenuItem:
    section: SectionPage
    children: list[SectionPage]


@dataclass
class Navigation:
    menu: list[MenuItem]
    footer_map: list[MenuItem]
    static_pages: list[Page]


def edition_navigation(home: HomePage) -> Navigation:
    """The main menu (sections shown in menus, two levels) and the footer's section map,
    from one query over the edition's sections, plus its static pages."""
    # Sections are read by id from their own small table: filtering the page table by tree
    # position would walk every story of the edition first.
    section_ids = list(SectionPage.objects.values_list("pk", flat=True))
    sections = list(
        SectionPage.objects.live()
        .filter(pk__in=section_ids, locale_id=home.locale_id, depth__lte=home.depth + 2)
        .select_related("locale")
        .order_by("path")
    )
    top = [s for s in sections if s.depth == home.depth + 1]

    def children_of(parent: SectionPage, wanted: Any) -> list[SectionPage]:
        return [
            s
            for s in sections
            if s.depth == parent.depth + 1 and s.path.startswith(parent.path) and wanted(s)
        ]

    in_menu = [
        MenuItem(section=s, children=children_of(s, lambda c: c.show_in_menus))
        for s in top
        if s.show_in_menus
    ]
    footer = [
        MenuItem(section=s, children=children_of(s, lambda c: c.in_footer_map))
        for s in top
        if s.in_footer_map
    ]
    static_pages = list(
        Page.objects.live()
        .filter(**child_paths(home))
        .not_type(SectionPage)
        .select_related("locale")
        .order_by("path")
    )
    return Navigation(menu=in_menu, footer_map=footer, static_pages=static_pages)


# --- Zawgyi left in stored text -----------------------------------------------------------------
@dataclass(frozen=True)
class StoredZawgyi:
    """A field of a stored object holding paragraphs that are, or may be, Zawgyi."""

    model: str
    pk: int
    label: str
    field: str
    converted: int  # paragraphs that are surely Zawgyi
    uncertain: int  # paragraphs that may be


def text_fields(model: type[Any]) -> list[str]:
    """The fields of `model` that hold text staff typed (plain, rich or streamed)."""
    from django.db import models as django_models
    from wagtail.fields import RichTextField, StreamField

    kinds = (django_models.CharField, django_models.TextField, RichTextField, StreamField)
    skipped = {
        "slug",
        "url_path",
        "path",
        "draft_title",
        "file",
        "file_hash",
        "focal_point_key",
        "filter_spec",
        "language",
    }
    return [
        f.name
        for f in model._meta.get_fields()
        if isinstance(f, kinds)
        and f.concrete
        and f.name not in skipped
        and not getattr(f, "choices", None)
    ]


def stored_strings(value: Any) -> list[str]:
    """Every string inside a field value, including those nested in StreamField data."""
    if isinstance(value, str):
        return [value]
    raw = getattr(value, "raw_data", None)
    if raw is not None:
        value = list(raw)
    if isinstance(value, dict):
        return [s for item in value.values() for s in stored_strings(item)]
    if isinstance(value, list | tuple):
        return [s for item in value for s in stored_strings(item)]
    return []


def find_stored_zawgyi() -> list[StoredZawgyi]:
    """Zawgyi in the newsroom's pages, authors, pictures, tags and edition settings."""
    from masthead import burmese
    from masthead.journalism import models

    audited: tuple[type[Any], ...] = (
        models.Author,
        models.NewsImage,
        models.Tag,
        models.EditionSettings,
        models.HomePage,
        models.SectionPage,
        models.ArticlePage,
        models.StandardPage,
        models.TeamPage,
        models.ContactPage,
        models.DonatePage,
    )
    found = []
    for model in audited:
        names = text_fields(model)
        for obj in model._default_manager.iterator():
            for name in names:
                converted = uncertain = 0
                for text in stored_strings(getattr(obj, name)):
                    fix = burmese.fix_zawgyi(text)
                    converted += len(fix.converted)
                    uncertain += len(fix.uncertain)
                if converted or uncertain:
                    found.append(
                        StoredZawgyi(
                            model._meta.label_lower, obj.pk, str(obj), name, converted, uncertain
                        )
                    )
    return found


# --- Recommended ------------------------------------------------------------------------------
def recommended_stories(edition_settings: EditionSettings, limit: int = 5) -> list[ArticlePage]:
    """The edition's Recommended list, in the editors' order, live stories only."""
    wanted = edition_settings.recommended_story_ids() if edition_settings.pk else []
    found = ArticlePage.objects.live().for_listing().in_bulk(wanted)
    return [found[pk] for pk in wanted if pk in found][:limit]
