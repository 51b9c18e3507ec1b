"""Cutting HTML into runs that fit a byte budget, for light pages that must stay small
whatever an editor or an importer put in one paragraph.

A cut falls after a sentence where it can, else after a space, and only as a last resort
inside a run of unspaced Burmese, where it still never separates a consonant from its
vowel signs, medials, asat or stacked consonant. It never falls inside a tag or an entity.
An element cut in two is closed at the end of one run and opened again, with the same
attributes, at the start of the next, so every run is well-formed HTML on its own.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[^<&]+|[<&]")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9]*)")
_VOID = {"br", "hr", "img", "wbr", "input", "meta", "link", "source", "area", "col"}
_INLINE = {"a", "b", "i", "em", "strong", "sup", "sub", "s", "span", "br", "code", "small"}
# After a Burmese full stop (။), a Latin full stop, question or exclamation mark.
_SENTENCE_END = re.compile(r"[။?!.][\"'”’)]*\s+|။")
_SPACE = re.compile(r"\s+")
_VIRAMA = "\u1039"


def utf8_size(text: str) -> int:
    return len(text.encode("utf-8"))


def _prefix_within(text: str, room: int) -> int:
    """How many characters of `text` fit in `room` bytes."""
    return len(text.encode("utf-8")[: max(room, 0)].decode("utf-8", errors="ignore"))


def _joins_previous(text: str, index: int) -> bool:
    """True when a cut before text[index] would tear a Burmese syllable apart."""
    if index <= 0 or index >= len(text):
        return False
    return unicodedata.category(text[index]).startswith("M") or text[index - 1] == _VIRAMA


def _cut_point(text: str, room: int, *, forced: bool) -> int:
    """Where to cut `text` so that text[:cut] fits `room` bytes: 0 when no good place
    exists and `forced` is false (the caller then starts a new run instead)."""
    fits = _prefix_within(text, room)
    if fits >= len(text):
        return len(text)
    window = text[:fits]
    sentence_ends = [m.end() for m in _SENTENCE_END.finditer(window)]
    if sentence_ends and sentence_ends[-1] >= fits // 2:
        return sentence_ends[-1]
    spaces = [m.end() for m in _SPACE.finditer(window)]
    if spaces and spaces[-1] > 0:
        return spaces[-1]
    if sentence_ends:
        return sentence_ends[-1]
    if not forced:
        return 0
    cut = fits
    while cut > 0 and _joins_previous(text, cut):
        cut -= 1
    if cut == 0:  # a single cluster wider than the room: keep it whole rather than tear it
        cut = 1
        while cut < len(text) and _joins_previous(text, cut):
            cut += 1
    return cut


class _Runs:
    """Runs being filled, with the elements open at the current point."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.done: list[str] = []
        self.open: list[tuple[str, str]] = []  # (name, start tag) of each open element
        self.parts: list[str] = []
        self.size = 0
        self.has_content = False

    def closing(self) -> str:
        return "".join(f"</{name}>" for name, _ in reversed(self.open))

    def room(self) -> int:
        return self.limit - self.size - utf8_size(self.closing())

    def add(self, token: str, *, content: bool) -> None:
        self.parts.append(token)
        self.size += utf8_size(token)
        self.has_content = self.has_content or content

    def finish_run(self) -> None:
        self.done.append("".join(self.parts) + self.closing())
        reopened = [start for _, start in self.open]
        self.parts, self.size, self.has_content = [], 0, False
        for start in reopened:
            self.add(start, content=False)

    def add_tag(self, tag: str) -> None:
        match = _TAG_NAME.match(tag)
        if match is None:  # a comment or a doctype: nothing a reader sees
            return
        name = match[1].lower()
        if tag.startswith("</"):
            if any(open_name == name for open_name, _ in self.open):
                while self.open:
                    if self.open.pop()[0] == name:
                        break
                self.add(tag, content=True)
            return
        grows = utf8_size(tag) + (0 if name in _VOID else len(name) + 3)
        if self.has_content and grows > self.room():
            self.finish_run()
        self.add(tag, content=name in _VOID)
        if name not in _VOID and not tag.endswith("/>"):
            self.open.append((name, tag))

    def add_text(self, text: str, *, atomic: bool) -> None:
        while text:
            if utf8_size(text) <= self.room():
                self.add(text, content=True)
                return
            cut = 0 if atomic else _cut_point(text, self.room(), forced=not self.has_content)
            if cut == 0 and self.has_content:
                self.finish_run()
                continue
            cut = cut or len(text)
            self.add(text[:cut], content=True)
            text = text[cut:]
            if text:
                self.finish_run()

    def result(self) -> list[str]:
        if self.has_content or not self.done:
            self.finish_run()
        return [run for run in self.done if run]


def split_html(fragment: str, limit: int) -> list[str]:
    """`fragment` as one or more well-formed runs of at most `limit` bytes each (a run may
    exceed it only when a single tag, entity or syllable is wider than `limit`)."""
    if utf8_size(fragment) <= limit:
        return [fragment]
    runs = _Runs(limit)
    for token in _TOKEN.findall(fragment):
        if token.startswith("<") and len(token) > 1:
            runs.add_tag(token)
        else:
            runs.add_text(token, atomic=token.startswith("&") and len(token) > 1)
    return runs.result()


def top_level_elements(html: str) -> list[str]:
    """The top-level elements of a rich-text fragment, in order: each paragraph, list or
    heading on its own. Loose text and inline markup between them come back wrapped in a
    paragraph; stray end tags are dropped."""
    elements: list[str] = []
    loose: list[str] = []
    current: list[str] = []
    depth = 0

    def flush_loose() -> None:
        text = "".join(loose).strip()
        if text:
            elements.append(f"<p>{text}</p>")
        loose.clear()

    for token in _TOKEN.findall(html):
        match = _TAG_NAME.match(token) if token.startswith("<") else None
        name = match[1].lower() if match else ""
        if depth == 0 and (match is None or name in _INLINE):
            loose.append(token)
            continue
        if match is None:
            current.append(token)
            continue
        closing = token.startswith("</")
        void = name in _VOID or token.endswith("/>")
        if depth == 0:
            if closing:
                continue
            flush_loose()
            if void:
                elements.append(token)
                continue
        current.append(token)
        if void:
            continue
        depth += -1 if closing else 1
        if depth == 0:
            elements.append("".join(current))
            current = []
    flush_loose()
    if current:  # an element never closed: kept as it is, as a browser would read it
        elements.append("".join(current))
    return elements
