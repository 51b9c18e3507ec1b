"""Plain text of a story, for reading time, excerpts and search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.utils.html import strip_tags
from django.utils.text import Truncator

from masthead.burmese import reading_minutes

if TYPE_CHECKING:
    from masthead.journalism.models import ArticlePage


def _block_text(block_type: str, value: object) -> list[str]:
    match block_type:
        case "paragraph":
            return [strip_tags(str(getattr(value, "source", value)))]
        case "heading":
            return [value["text"]]  # type: ignore[index]
        case "pull_quote" | "block_quote":
            return [value["text"]]  # type: ignore[index]
        case "list":
            return list(value["items"])  # type: ignore[index]
        case "image":
            return [value.display_caption()]  # type: ignore[attr-defined]
        case "table":
            table = value["table"]  # type: ignore[index]
            rows = [[str(cell or "") for cell in row["values"]] for row in table.row_data]
            return [value["caption"] or "", *(" ".join(row) for row in rows)]  # type: ignore[index]
    return []


def body_plain_text(body: object) -> str:
    parts: list[str] = []
    for block in body or []:  # type: ignore[attr-defined]
        parts.extend(_block_text(block.block_type, block.value))
    return "\n\n".join(part for part in parts if part)


def article_plain_text(article: ArticlePage) -> str:
    return "\n\n".join(
        part for part in (article.title, article.standfirst, body_plain_text(article.body)) if part
    )


def reading_minutes_for(text: str) -> int:
    return reading_minutes(
        text,
        syllables_per_minute=settings.MASTHEAD_READING_SYLLABLES_PER_MINUTE,
        words_per_minute=settings.MASTHEAD_READING_WORDS_PER_MINUTE,
    )


def excerpt(article: ArticlePage, words: int = 30) -> str:
    """The standfirst, or the opening of the body, cut to a short excerpt."""
    text = article.standfirst or body_plain_text(article.body)
    return Truncator(text).words(words, truncate="…")
