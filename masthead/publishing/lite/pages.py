"""The light pages, rendered to HTML that fits the page budget whatever the content.

A page is at most PAGE_BUDGET bytes of UTF-8, which a 2G connection brings in a few
seconds. Fronts drop their least important entries until they fit (the last stories of the
section blocks first, then the top stories, the lead last). A story that fits one page is
that page; a longer one is cut into parts: its header and footer are measured first, and the
story's pieces are packed into the room left, in as few parts as it takes, made as even as
they can be. Pages are rendered without the
request, from what the URL names, so a page is the same file for every reader.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from masthead.core.editions import other_edition
from masthead.core.memo import remembered
from masthead.journalism.metadata import absolute
from masthead.journalism.models import ArticlePage, EditionSettings, SectionPage
from masthead.publishing.lite.flow import Piece, in_heading_order, story_pieces
from masthead.publishing.lite.links import EditionTree, LiteLinks
from masthead.publishing.lite.queries import (
    LiteFront,
    LiteStory,
    SectionStories,
    lite_front,
    lite_section,
    shared_lite_story,
)
from masthead.publishing.lite.split import utf8_size
from masthead.publishing.lite.style import page_style

PAGE_BUDGET = 15_360
# Part numbers on the page are measured as if they had this many digits, so the real ones
# always take less room than was set aside for them.
MEASURED_PART = 999
# The least room a story's pieces are ever cut to, however crowded its header.
MIN_PIECE = 1_024


def _common(tree: EditionTree, links: LiteLinks) -> dict[str, Any]:
    other = other_edition(tree.edition)
    other_tree = links.tree(other.language)
    language = tree.edition.language
    settings = remembered(
        ("edition_settings", language), lambda: EditionSettings.for_language(language)
    )
    return {
        "edition": tree.edition,
        "other_edition": other,
        "edition_settings": settings,
        "name": settings.name,
        "style": mark_safe(page_style()),  # our own style sheet, never anyone's input
        "front_url": tree.lite_front_url,
        "other_url": other_tree.lite_front_url if other_tree else f"{other.prefix}/lite/",
        "full_url": tree.full_front_url,
    }


def _largest_that_fits(render: Callable[[int], str], most: int) -> str:
    """The page with as many entries as fit the budget, at most `most` (render(n) shows the
    first n and grows with n); with none if not even that page fits."""
    page = render(most)
    if utf8_size(page) <= PAGE_BUDGET:
        return page
    low, high = 0, most - 1  # the answer lies in low..high, or is 0
    best = render(0)
    while low <= high:
        middle = (low + high) // 2
        candidate = render(middle)
        if utf8_size(candidate) <= PAGE_BUDGET:
            best, low = candidate, middle + 1
        else:
            high = middle - 1
    return best


# --- Fronts ---------------------------------------------------------------------------------------
def _trimmed_front(front: LiteFront, keep: int) -> LiteFront:
    """The front with only its `keep` most important stories: the lead, then the top
    stories, then each section block's first story, each block's second, and so on."""
    order: list[tuple[str, int, int]] = [("top", 0, i) for i in range(len(front.top_stories))]
    deepest = max((len(b.stories) for b in front.section_blocks), default=0)
    order += [
        ("block", b, i)
        for i in range(deepest)
        for b, block in enumerate(front.section_blocks)
        if i < len(block.stories)
    ]
    kept = set(order[:keep])
    top = [s for i, s in enumerate(front.top_stories) if ("top", 0, i) in kept]
    blocks = [
        SectionStories(
            section=block.section,
            stories=[s for i, s in enumerate(block.stories) if ("block", b, i) in kept],
        )
        for b, block in enumerate(front.section_blocks)
    ]
    return replace(front, top_stories=top, section_blocks=[b for b in blocks if b.stories])


def render_front(tree: EditionTree, links: LiteLinks) -> str:
    front = lite_front(tree.home, links)
    context = _common(tree, links)
    context["canonical"] = absolute(tree.full_front_url)
    total = len(front.top_stories) + sum(len(b.stories) for b in front.section_blocks)
    return _largest_that_fits(
        lambda keep: render_to_string(
            "lite/front.html", {**context, "front": _trimmed_front(front, keep)}
        ),
        total,
    )


def render_section(section: SectionPage, tree: EditionTree, links: LiteLinks) -> str:
    listing = lite_section(section, tree, links)
    context = _common(tree, links)
    context.update(full_url=listing.full_url, canonical=absolute(listing.full_url))
    return _largest_that_fits(
        lambda keep: render_to_string(
            "lite/section.html",
            {**context, "listing": replace(listing, stories=listing.stories[:keep])},
        ),
        len(listing.stories),
    )


def render_not_found(tree: EditionTree, links: LiteLinks) -> str:
    return render_to_string("lite/404.html", _common(tree, links))


# --- Stories --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class PartPlace:
    """Where a part sits in its story, for the page's "Part 2 of 3" and its links."""

    number: int
    count: int
    previous_url: str | None
    next_url: str | None


def part_url(story_url: str, number: int) -> str:
    """Part 1 is the story's own light address; part n is "<address><n>/"."""
    return story_url if number == 1 else f"{story_url}{number}/"


def _place(story_url: str, number: int, count: int) -> PartPlace:
    return PartPlace(
        number=number,
        count=count,
        previous_url=part_url(story_url, number - 1) if number > 1 else None,
        next_url=part_url(story_url, number + 1) if number < count else None,
    )


@dataclass(frozen=True)
class StoryParts:
    """A story cut into parts that each fit the budget, ready to render any of them."""

    story: LiteStory
    context: dict[str, Any]
    parts: list[list[Piece]]
    whole: str | None = None  # the page of a story in one part, already rendered

    @property
    def count(self) -> int:
        return len(self.parts)

    def urls(self) -> list[str]:
        return [part_url(self.story.lite_url, n) for n in range(1, self.count + 1)]

    def render(self, number: int) -> str:
        if self.whole is not None:
            return self.whole
        pieces = in_heading_order(self.parts[number - 1])
        return _render_part(
            self.context,
            body="\n".join(piece.html for piece in pieces),
            place=_place(self.story.lite_url, number, self.count),
        )


def _render_part(context: dict[str, Any], *, body: str, place: PartPlace) -> str:
    return render_to_string(
        "lite/article.html", {**context, "body": mark_safe(body), "part": place}
    )  # the body is pieces of HTML the flow built and escaped


def pack(pieces: Sequence[Piece], first_room: int, later_room: int) -> list[list[Piece]]:
    """Pieces in order, in parts of at most `first_room` bytes for the first part and
    `later_room` for each later one. A heading moves on with what follows it."""
    parts: list[list[Piece]] = [[]]
    used, room = 0, first_room
    for piece in pieces:
        if parts[-1] and used + piece.size > room:
            carried: list[Piece] = []
            while len(parts[-1]) > 1 and parts[-1][-1].keep_with_next:
                carried.insert(0, parts[-1].pop())
            if sum(p.size for p in carried) + piece.size > later_room:
                parts[-1].extend(carried)
                carried = []
            parts.append(carried)
            used, room = sum(p.size for p in carried), later_room
        parts[-1].append(piece)
        used += piece.size
    return parts


def kept_story_parts(article: ArticlePage, tree: EditionTree, links: LiteLinks) -> StoryParts:
    """`story_parts`, cut once for all of the story's part pages (each is a URL of its own,
    and cutting measures the whole story) and for the listing of their addresses."""
    return remembered(
        ("lite-story-parts", article.pk, article.live_revision_id),
        lambda: story_parts(article, tree, links),
    )


def story_parts(article: ArticlePage, tree: EditionTree, links: LiteLinks) -> StoryParts:
    """The story in parts: one, when its page fits the budget whole. Otherwise the first
    part carries the standfirst, byline and dates, so it has less room than the later ones;
    both rooms are measured on the real page with the widest part numbers it could show."""
    story = shared_lite_story(article, links)
    context = _common(tree, links)
    context.update(
        article=article,
        story=story,
        full_url=story.full_url,
        canonical=absolute(story.full_url),
    )
    if story.counterpart_url:
        context["other_url"] = story.counterpart_url
    whole = _in_one_part(article, story, context)
    if whole is not None:
        return whole
    widest_url = part_url(story.lite_url, MEASURED_PART)
    first = PartPlace(1, MEASURED_PART, None, widest_url)
    later = PartPlace(MEASURED_PART, MEASURED_PART, widest_url, widest_url)
    first_room = PAGE_BUDGET - utf8_size(_render_part(context, body="", place=first))
    later_room = PAGE_BUDGET - utf8_size(_render_part(context, body="", place=later))
    limit = max(min(first_room, later_room), MIN_PIECE)
    pieces = _pieces(article, story, limit)
    return StoryParts(story=story, context=context, parts=balanced(pieces, first_room, later_room))


def _in_one_part(
    article: ArticlePage, story: LiteStory, context: dict[str, Any]
) -> StoryParts | None:
    """The story as a single part, when its page fits the budget whole: most stories do,
    and they need no measuring (one render instead of three)."""
    pieces = _pieces(article, story, PAGE_BUDGET)
    page = _render_part(
        context,
        body="\n".join(piece.html for piece in in_heading_order(pieces)),
        place=_place(story.lite_url, 1, 1),
    )
    if utf8_size(page) > PAGE_BUDGET:
        return None
    return StoryParts(story=story, context=context, parts=[list(pieces)], whole=page)


def _pieces(article: ArticlePage, story: LiteStory, limit: int) -> list[Piece]:
    """The story's pieces, none larger than `limit` bytes."""
    return story_pieces(
        article,
        claims=story.claims,
        corrections=story.corrections,
        sources=story.sources,
        limit=limit,
    )


def balanced(pieces: Sequence[Piece], first_room: int, later_room: int) -> list[list[Piece]]:
    """The fewest parts, made as even as they can be: rather than three full parts and a
    last one holding a paragraph, four parts of about the same length. The rooms shrink
    together for as long as the story still takes no more parts."""
    fewest = len(pack(pieces, first_room, later_room))
    if fewest == 1:
        return pack(pieces, first_room, later_room)
    low, high = 0, min(first_room, later_room)  # the largest shrink that keeps `fewest`
    while low < high:
        middle = (low + high + 1) // 2
        if len(pack(pieces, first_room - middle, later_room - middle)) == fewest:
            low = middle
        else:
            high = middle - 1
    return pack(pieces, first_room - low, later_room - low)
