"""A story as a flow of small, self-contained pieces of HTML, in reading order: the picture
link, the fact-check verdicts, the body, the corrections.

Each piece is at most the size it is given, so the pieces can be packed into parts that each
fit the light page's budget. Paragraphs are pieces of their own; a paragraph, quote, list or
table larger than the limit is cut at sentence, item or row boundaries. Nothing here makes
a request to another site or puts an image on the page: pictures are links to a small JPEG,
embeds are plain links.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import nh3
from django.utils.html import escape, format_html, strip_tags
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from wagtail.rich_text import RichText

from masthead.journalism.models import ArticlePage, Correction, FactCheckClaim, Verdict
from masthead.journalism.templatetags.news import edition_date, edition_number
from masthead.publishing.lite.split import split_html, top_level_elements, utf8_size

# Tags a light paragraph keeps; everything else is unwrapped to its text.
RICH_TEXT_TAGS = {"p", "a", "b", "strong", "i", "em", "sup", "sub", "s", "br", "ul", "ol", "li"}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
_PAGE_LINK = re.compile(r"<a\b[^>]*\blinktype=\"page\"[^>]*>")
_LINK_ID = re.compile(r"\bid=\"(\d+)\"")


def verdict_label(verdict: str) -> str:
    """A fact-check verdict in the edition's language."""
    labels: dict[str, str] = {
        Verdict.TRUE: pgettext("fact-check verdict", "True"),
        Verdict.MOSTLY_TRUE: pgettext("fact-check verdict", "Mostly true"),
        Verdict.MISLEADING: pgettext("fact-check verdict", "Misleading"),
        Verdict.MOSTLY_FALSE: pgettext("fact-check verdict", "Mostly false"),
        Verdict.FALSE: pgettext("fact-check verdict", "False"),
        Verdict.UNPROVEN: pgettext("fact-check verdict", "Unproven"),
    }
    return labels.get(verdict, verdict)


@dataclass(frozen=True)
class Picture:
    """A small JPEG of a picture, made for the light edition, and its own caption."""

    url: str
    size: int
    caption: str
    credit: str


@dataclass(frozen=True)
class LinkedPage:
    """A live page a story links to, and where a light page sends the reader for it."""

    title: str
    url: str


@dataclass(frozen=True)
class Piece:
    html: SafeString
    # Headings stay with what follows them: a part never ends on a heading.
    keep_with_next: bool = False
    heading_level: int = 0  # 2 for an <h2>, 3 for an <h3>; 0 for anything else

    @property
    def size(self) -> int:
        """Bytes on the page, with the line break that joins it to the next piece."""
        return utf8_size(self.html) + 1


def _heading(text: str, level: int) -> Piece:
    return Piece(format_html("<h{}>{}</h{}>", level, text, level), True, level)


def in_heading_order(pieces: Iterable[Piece]) -> list[Piece]:
    """The pieces of one page with no heading level skipped after its <h1>: a minor heading
    with no subheading before it on the page (at the start of a later part, say) is shown
    as a subheading, so screen-reader users meet the outline they expect."""
    ordered = []
    last = 1
    for piece in pieces:
        if piece.heading_level:
            level = min(piece.heading_level, last + 1)
            if level != piece.heading_level:
                old, new = piece.heading_level, level
                inner = piece.html[len(f"<h{old}>") : -len(f"</h{old}>")]
                piece = Piece(SafeString(f"<h{new}>{inner}</h{new}>"), True, new)
            last = level
        ordered.append(piece)
    return ordered


@dataclass(frozen=True)
class FlowSources:
    """What the flow needs beyond the story itself, fetched beforehand in a fixed number
    of queries: pictures by image id and linked pages by page id."""

    pictures: dict[int, Picture]
    linked_pages: dict[int, LinkedPage]


def clean_rich_text(html: str, linked_pages: dict[int, LinkedPage]) -> str:
    """Stored rich text as light HTML: links to our pages point at their light versions
    (or lose their address when the page is gone), and every attribute but a link's
    address is dropped, editor keys and all."""

    def relink(match: re.Match[str]) -> str:
        found = _LINK_ID.search(match[0])
        target = linked_pages.get(int(found[1])) if found else None
        return format_html('<a href="{}">', target.url) if target else "<a>"

    relinked = _PAGE_LINK.sub(relink, html)
    return nh3.clean(
        relinked,
        tags=RICH_TEXT_TAGS,
        attributes={"a": {"href"}},
        link_rel=None,
        url_schemes=URL_SCHEMES,
    )


def linked_page_ids(article: ArticlePage) -> set[int]:
    """Ids of the pages the story's body links to, read from its stored form."""
    ids: set[int] = set()
    for raw in article.body.raw_data:
        value = raw.get("value")
        if raw["type"] == "paragraph" and isinstance(value, str):
            for link in _PAGE_LINK.findall(value):
                found = _LINK_ID.search(link)
                if found:
                    ids.add(int(found[1]))
        elif raw["type"] == "related" and isinstance(value, dict) and value.get("page"):
            ids.add(int(value["page"]))
    return ids


def picture_image_ids(article: ArticlePage) -> set[int]:
    ids = {article.featured_image_id} if article.featured_image_id else set()
    for raw in article.body.raw_data:
        value = raw.get("value")
        if raw["type"] == "image" and isinstance(value, dict) and value.get("image"):
            ids.add(int(value["image"]))
    return ids


# --- Pieces ---------------------------------------------------------------------------------------
def _pieces(html: str, limit: int, *, keep_with_next: bool = False) -> list[Piece]:
    return [
        Piece(SafeString(run), keep_with_next=keep_with_next) for run in split_html(html, limit)
    ]


def _grouped(
    items: Sequence[str], opening: Callable[[int], str], closing: str, limit: int
) -> list[Piece]:
    """Items (list items, table rows) in as few well-formed pieces as fit the limit; each
    piece opens with `opening(index of its first item)`, so a table repeats its header
    and a numbered list goes on counting."""
    pieces: list[Piece] = []
    start = 0
    while start < len(items):
        head = opening(start)
        taken: list[str] = []
        size = utf8_size(head) + utf8_size(closing)
        for item in items[start:]:
            if taken and size + utf8_size(item) > limit:
                break
            taken.append(item)
            size += utf8_size(item)
        html = head + "".join(taken) + closing
        pieces += _pieces(html, limit)  # one item wider than the limit is cut within
        start += len(taken)
    return pieces


def picture_piece(picture: Picture, caption: str, credit: str, limit: int) -> list[Piece]:
    kilobytes = edition_number(max(1, round(picture.size / 1024)))
    label = _("Picture (%(size)s KB)") % {"size": kilobytes}
    html = format_html('<p><a href="{}" type="image/jpeg">{}</a>', picture.url, label)
    if caption:
        html += format_html(" {}", caption)
    if credit:
        html += format_html(" ({}: {})", _("Photo"), credit)
    return _pieces(html + "</p>", limit)


def _quote(text: str, attribution: str, limit: int) -> list[Piece]:
    paragraphs = [p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    inner = "".join(
        format_html("<p>{}</p>", SafeString("<br>".join(escape(line) for line in p.splitlines())))
        for p in paragraphs
    )
    html = f"<figure><blockquote>{inner}</blockquote>"
    if attribution:
        html += format_html("<figcaption>— {}</figcaption>", attribution)
    return _pieces(html + "</figure>", limit)


def _list(value: Any, limit: int) -> list[Piece]:
    tag = "ol" if value["style"] == "numbered" else "ul"
    items = [format_html("<li>{}</li>", item) for item in value["items"]]

    def opening(index: int) -> str:
        return f'<ol start="{index + 1}">' if tag == "ol" and index else f"<{tag}>"

    return _grouped(items, opening, f"</{tag}>", limit)


def _table(value: Any, limit: int) -> list[Piece]:
    table = value["table"]
    caption = value["caption"] or getattr(table, "caption", "")
    head = "".join(format_html('<th scope="col">{}</th>', c["heading"]) for c in table.columns)
    rows = []
    for row in table.row_data:
        cells = [str(cell if cell is not None else "") for cell in row["values"]]
        rows.append(
            "<tr>"
            + "".join(
                format_html('<th scope="row">{}</th>', cell)
                if index == 0
                else format_html("<td>{}</td>", cell)
                for index, cell in enumerate(cells)
            )
            + "</tr>"
        )
    opening = '<div class="t"><table>'
    if caption:
        opening += format_html("<caption>{}</caption>", caption)
    if head.strip():
        opening += f"<thead><tr>{head}</tr></thead>"
    return _grouped(rows, lambda _index: opening + "<tbody>", "</tbody></table></div>", limit)


def _embed(value: Any, limit: int) -> list[Piece]:
    html = format_html(
        '<p><a href="{}" rel="nofollow noopener noreferrer">{}</a> ({}). {}</p>',
        value["url"],
        value["title"],
        value.host(),
        _("Opens on the other site, which may track you."),
    )
    return _pieces(html, limit)


def _body_picture(raw: dict[str, Any], sources: FlowSources, limit: int) -> list[Piece]:
    picture = sources.pictures.get(int(raw.get("image") or 0))
    if picture is None:
        return []
    return picture_piece(
        picture, raw.get("caption") or picture.caption, raw.get("credit") or picture.credit, limit
    )


def _related(raw: dict[str, Any], sources: FlowSources, limit: int) -> list[Piece]:
    target = sources.linked_pages.get(int(raw.get("page") or 0))
    if target is None:  # the story it pointed to is gone or unpublished
        return []
    label = raw.get("label") or target.title
    html = format_html('<p>{}: <a href="{}">{}</a></p>', _("Read also"), target.url, label)
    return _pieces(html, limit)


def body_pieces(article: ArticlePage, sources: FlowSources, limit: int) -> list[Piece]:
    """The story's body, block by block. Pictures and related links are read from the
    stored form, with the pictures and pages fetched beforehand, so a story with many of
    them costs no more queries than one with none."""
    pieces: list[Piece] = []
    body = article.body
    for index, raw in enumerate(body.raw_data):
        kind = raw["type"]
        if kind == "image":
            pieces += _body_picture(raw["value"], sources, limit)
            continue
        if kind == "related":
            pieces += _related(raw["value"], sources, limit)
            continue
        value = body[index].value
        match kind:
            case "paragraph":
                # The stored form, not str(value): that would resolve each link by a query.
                source = value.source if isinstance(value, RichText) else str(value)
                cleaned = clean_rich_text(source, sources.linked_pages)
                for element in top_level_elements(cleaned):
                    pieces += _pieces(element, limit)
            case "heading":
                pieces.append(_heading(value["text"], 3 if value["level"] == "h3" else 2))
            case "pull_quote" | "block_quote":
                pieces += _quote(value["text"], value["attribution"], limit)
            case "list":
                pieces += _list(value, limit)
            case "table":
                pieces += _table(value, limit)
            case "embed":
                pieces += _embed(value, limit)
            case "divider":
                pieces.append(Piece(SafeString("<hr>")))
            case _:  # a kind of block this edition does not know yet: its words, plainly
                text = strip_tags(str(body[index].render()))
                if text.strip():
                    pieces += _pieces(format_html("<p>{}</p>", text.strip()), limit)
    return pieces


def verdict_pieces(claims: Iterable[FactCheckClaim], limit: int) -> list[Piece]:
    pieces: list[Piece] = []
    for claim in claims:
        pieces += _pieces(
            format_html(
                "<p><b>{}:</b> {} — {}<br><b>{}:</b> {}</p>",
                _("Claim"),
                claim.claim,
                claim.claimant,
                _("Verdict"),
                verdict_label(claim.verdict),
            ),
            limit,
        )
        if claim.evidence:
            pieces += _pieces(format_html("<p>{}</p>", claim.evidence), limit)
    if pieces:
        pieces.insert(0, _heading(_("Fact-check verdicts"), 2))
    return pieces


def correction_pieces(corrections: Iterable[Correction], limit: int) -> list[Piece]:
    pieces: list[Piece] = []
    for correction in corrections:
        html = format_html("<p>{}: {}</p>", edition_date(correction.noted_at), correction.note)
        pieces += _pieces(html, limit)
    if pieces:
        pieces.insert(0, _heading(_("Corrections"), 2))
    return pieces


def story_pieces(
    article: ArticlePage,
    *,
    claims: Iterable[FactCheckClaim],
    corrections: Iterable[Correction],
    sources: FlowSources,
    limit: int,
) -> list[Piece]:
    """The whole story after its header, in reading order."""
    pieces: list[Piece] = []
    featured = sources.pictures.get(article.featured_image_id or 0)
    if featured is not None:
        caption = article.featured_caption or featured.caption
        credit = article.featured_credit or featured.credit
        pieces += picture_piece(featured, caption, credit, limit)
    pieces += verdict_pieces(claims, limit)
    pieces += body_pieces(article, sources, limit)
    pieces += correction_pieces(corrections, limit)
    return pieces
