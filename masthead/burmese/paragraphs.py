"""Splitting text into paragraphs at line breaks, keeping the breaks."""

from __future__ import annotations

import re

#: The line boundaries of ``str.splitlines``; each is also whitespace (``str.isspace``).
_LINE_BREAK = re.compile("(\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029])")


def split_paragraphs(text: str) -> list[tuple[str, str]]:
    """Each paragraph of ``text`` with the line break that ends it ("" for the last one).

    ``"".join(p + b for p, b in split_paragraphs(t)) == t``; empty paragraphs are kept so
    paragraph indexes match the lines a person sees.
    """
    pieces = _LINE_BREAK.split(text)
    paragraphs = pieces[0::2]
    breaks = [*pieces[1::2], ""]
    return list(zip(paragraphs, breaks, strict=True))
