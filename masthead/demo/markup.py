"""The light markup the demo content is written in, turned into body blocks.

Blocks are separated by blank lines:
  paragraph text with *italic*, **bold** and [links](https://...)
  ## subheading / ### minor heading
  > block quote lines, the last one "— attribution" optionally
  !! pull quote
  - bulleted / 1. numbered list lines
  ---  divider
  | pipe | table |  (first row is the header)
  [[image: caption | credit | alt]]  [[embed: url | title]]  [[related: article-key]]

Images and related stories are left as references for the loader to resolve, since they
need database objects.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from typing import Any

_BOLD = re.compile(r"\*\*(.+?)\*\*")
_ITALIC = re.compile(r"(?<![*\w])\*(?!\s)(.+?)(?<!\s)\*(?![*\w])")
_LINK = re.compile(r"\[([^\]]+)\]\((https?://[^)\s]+|/[^)\s]*)\)")
_SPECIAL = re.compile(r"^\[\[(image|embed|related):\s*(.*?)\]\]$", re.DOTALL)
_NUMBERED = re.compile(r"^\d+\.\s+")


class MarkupError(ValueError):
    """The content has markup the loader cannot read; the message says where."""


@dataclass(frozen=True)
class ImageRef:
    caption: str
    credit: str
    alt: str


@dataclass(frozen=True)
class RelatedRef:
    key: str


@dataclass(frozen=True)
class Block:
    """A body block; `value` is ready for the StreamField, or an ImageRef/RelatedRef."""

    type: str
    value: Any


def inline_html(text: str) -> str:
    """Escape text and turn the inline markup into the HTML Wagtail's rich text stores."""
    html = escape(text)  # the link pattern below then sees an already escaped URL
    html = _LINK.sub(r'<a href="\2">\1</a>', html)
    html = _BOLD.sub(r"<b>\1</b>", html)
    return _ITALIC.sub(r"<i>\1</i>", html)


def _split_blocks(source: str) -> list[str]:
    return [chunk.strip() for chunk in re.split(r"\n\s*\n", source.strip()) if chunk.strip()]


def _quote(lines: list[str]) -> Block:
    text_lines = [line.lstrip(">").strip() for line in lines]
    attribution = ""
    if len(text_lines) > 1 and text_lines[-1].startswith(("—", "--")):
        attribution = text_lines.pop().lstrip("—-").strip()
    return Block("block_quote", {"text": "\n".join(text_lines), "attribution": attribution})


def _pull_quote(chunk: str) -> Block:
    text = chunk[2:].strip()
    attribution = ""
    if " — " in text and not text.endswith('"'):
        text, attribution = (part.strip() for part in text.rsplit(" — ", 1))
    return Block("pull_quote", {"text": text, "attribution": attribution})


def _table(lines: list[str]) -> Block:
    rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
    rows = [row for row in rows if not all(set(cell) <= set("-: ") for cell in row)]
    header, *body = rows
    width = len(header)
    for number, row in enumerate(body, start=2):
        if len(row) != width:
            raise MarkupError(f"table row {number} has {len(row)} cells; the header has {width}")
    numeric = [
        all(re.fullmatch(r"[\d.,–\-၀-၉ %]*", row[i]) for row in body) and i > 0
        for i in range(width)
    ]
    return Block(
        "table",
        {
            "caption": "",
            "table": {
                "columns": [
                    {"type": "number" if numeric[i] else "text", "heading": header[i]}
                    for i in range(width)
                ],
                "rows": [{"values": row} for row in body],
            },
        },
    )


def _special(kind: str, argument: str) -> Block:
    parts = [part.strip() for part in argument.split("|")]
    if kind == "image":
        caption, credit, alt = [*parts, "", "", ""][:3]
        return Block("image", ImageRef(caption=caption, credit=credit, alt=alt or caption))
    if kind == "embed":
        if len(parts) < 2 or not parts[0].startswith("https://"):
            raise MarkupError(f"an embed needs 'https://url | title', not {argument!r}")
        return Block("embed", {"url": parts[0], "title": parts[1]})
    return Block("related", RelatedRef(key=parts[0]))


def parse_body(source: str) -> list[Block]:
    blocks: list[Block] = []
    for chunk in _split_blocks(source):
        lines = chunk.splitlines()
        special = _SPECIAL.match(chunk)
        if special:
            blocks.append(_special(special.group(1), special.group(2)))
        elif chunk.startswith("### "):
            blocks.append(Block("heading", {"text": chunk[4:].strip(), "level": "h3"}))
        elif chunk.startswith("## "):
            blocks.append(Block("heading", {"text": chunk[3:].strip(), "level": "h2"}))
        elif chunk.startswith("!!"):
            blocks.append(_pull_quote(chunk))
        elif all(line.startswith(">") for line in lines):
            blocks.append(_quote(lines))
        elif chunk.strip() in {"---", "***"}:
            blocks.append(Block("divider", None))
        elif all(line.lstrip().startswith("|") for line in lines):
            blocks.append(_table(lines))
        elif all(line.startswith(("- ", "* ")) for line in lines):
            blocks.append(
                Block("list", {"style": "bulleted", "items": [ln[2:].strip() for ln in lines]})
            )
        elif all(_NUMBERED.match(line) for line in lines):
            items = [_NUMBERED.sub("", line).strip() for line in lines]
            blocks.append(Block("list", {"style": "numbered", "items": items}))
        else:
            blocks.append(Block("paragraph", f"<p>{inline_html(' '.join(lines))}</p>"))
    return blocks
