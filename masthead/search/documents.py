"""The index pipeline: a live story → its search document, stored text and engine text.

Indexed, by weight: the headline; the standfirst; the section, tags, authors (both
scripts), kicker and captions (the *extra* field); the body text (paragraphs, headings,
quotes, lists, tables, picture captions, fact-check claims). Every field goes through
``index_text`` (tokens.py); terms.py turns the fields into the engine text, with the
story's edition, sections and authors as facets for the filters.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone
from wagtail.models import Page

from masthead.burmese import normalize
from masthead.journalism.models import ArticleAuthor, ArticlePage, SectionPage
from masthead.journalism.text import body_plain_text
from masthead.search.ranking import ranking_text
from masthead.search.terms import engine_text, facet
from masthead.search.tokens import stored_text_tokens as tokens

#: Snippets are cut from the first this many characters of the body.
STORED_TEXT_LENGTH = 20_000


def compress(text: str) -> bytes:
    return zlib.compress(text.encode(), 6)


def decompress(data: bytes | memoryview | None) -> str:
    return zlib.decompress(bytes(data)).decode() if data else ""


@dataclass(frozen=True)
class IndexedStory:
    page_id: int
    language: str
    published_at: datetime
    document: dict[str, Any]  # SearchDocument fields, apart from its key and page
    stored: dict[str, Any]  # SearchText fields, apart from its document
    engine_text: str


def stories_to_index(page_ids: Iterable[int] | None = None) -> Any:
    """Live stories with everything the index reads, in few queries."""
    stories = ArticlePage.objects.live().select_related("featured_image", "locale")
    if page_ids is not None:
        stories = stories.filter(pk__in=list(page_ids))
    return stories.prefetch_related(
        Prefetch(
            "bylines",
            queryset=ArticleAuthor.objects.select_related("author"),
        ),
        "tagged_items__tag",
        "claims",
    )


@dataclass(frozen=True)
class _Surroundings:
    """What a batch of stories needs from around them: their sections, the other sections
    they are listed in, and their parents' addresses."""

    sections: dict[str, tuple[int, str]]  # tree path → (id, title)
    also_in: dict[int, list[int]]  # story id → section ids
    parent_urls: dict[str, str | None]  # tree path → address

    @classmethod
    def of(cls, stories: list[ArticlePage]) -> _Surroundings:
        step = Page.steplen
        ancestors = {s.path[:end] for s in stories for end in range(step, len(s.path), step)}
        sections = {
            path: (pk, title)
            for path, pk, title in SectionPage.objects.filter(path__in=ancestors)
            .order_by()
            .values_list("path", "pk", "title")
        }
        through = ArticlePage.also_in_sections.through
        also_in: dict[int, list[int]] = defaultdict(list)
        for story_id, section_id in through.objects.filter(
            articlepage_id__in=[s.pk for s in stories]
        ).values_list("articlepage_id", "sectionpage_id"):
            also_in[story_id].append(section_id)
        parents = Page.objects.filter(path__in={s.path[:-step] for s in stories})
        parent_urls = {parent.path: parent.get_url(None) for parent in parents}
        return cls(sections, also_in, parent_urls)

    def story_url(self, story: ArticlePage) -> str:
        """A story's address: its parent's and its slug, as Wagtail routes it (asking
        Wagtail for each story costs more than the rest of indexing it)."""
        parent = self.parent_urls.get(story.path[: -Page.steplen])
        if parent:
            return f"{parent}{story.slug}/"
        return story.get_url(None) or ""


def index_stories(stories: Iterable[ArticlePage]) -> Iterator[IndexedStory]:
    """The search document, stored text and engine text of each story."""
    batch = list(stories)
    if not batch:
        return
    around = _Surroundings.of(batch)
    for story in batch:
        yield _indexed(story, around)


def _indexed(story: ArticlePage, around: _Surroundings) -> IndexedStory:
    step = Page.steplen
    ancestors = [story.path[:end] for end in range(len(story.path) - step, 0, -step)]
    sections = [around.sections[path] for path in ancestors if path in around.sections]
    titles = [title for _, title in sections[:2]]  # its section and the one above
    authors = [byline.author for byline in story.bylines.all()]
    tags = [item.tag.name for item in story.tagged_items.all()]
    image = story.featured_image
    caption = story.featured_caption or (image.caption if image else "")
    body = body_plain_text(story.body)
    claims = [claim.claim for claim in story.claims.all()]
    extra_parts = [
        story.kicker,
        *titles,
        *tags,
        *(name for author in authors for name in (author.name, author.name_my) if name),
        caption,
    ]
    headline = tokens(story.title)
    standfirst = tokens(story.standfirst)
    extra = tokens("\n".join(part for part in extra_parts if part))
    language = story.locale.language_code
    facets = [
        facet("l", language),
        *(facet("s", pk) for pk in {pk for pk, _ in sections} | set(around.also_in[story.pk])),
        *(facet("a", author.pk) for author in authors),
    ]
    text = engine_text(
        [headline, standfirst, tokens("\n".join([body, *claims])), extra], dict.fromkeys(facets)
    )
    published_at = story.first_published_at or timezone.now()
    document = {
        "language": language,
        "url": around.story_url(story),
        "published_at": published_at,
        "headline": story.title,
        "standfirst": normalize(story.standfirst),  # normalised once here, not per snippet
        "section_title": titles[0] if titles else "",
        "authors": [{"name": a.name, "name_my": a.name_my} for a in authors],
        "ranking": ranking_text(headline, standfirst, extra),
    }
    stored = {
        "text": compress(normalize(body[:STORED_TEXT_LENGTH])),
        "terms": compress(text),
    }
    return IndexedStory(
        page_id=story.pk,
        language=language,
        published_at=published_at,
        document=document,
        stored=stored,
        engine_text=text,
    )
