"""Links inside a copy of the site.

A published page links with root-relative addresses (`/news/x/`, `/static/css/site.css`)
that only work at the root of the live host. In a copy every link a browser follows is
made relative to the page's own file and names a file, never a folder
(`../../news/x/index.html`), so the copy works from any host, under any sub-path, on an
onion service and straight from disk (file://, where no server adds `index.html`).

- A page or asset the copy holds is linked relatively, percent-encoded (Burmese names too).
- Any other address of the site (a search, a short link, the admin, a page the copy leaves
  out) points to the live site, absolutely: it cannot work offline, and a reader who is
  online gets there.
- External links, `mailto:` and fragments are left as they are, and so is what names the
  original rather than leading anywhere: `<link rel="canonical">`, `og:` metadata, JSON-LD.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import PurePosixPath
from urllib.parse import quote, unquote, urljoin, urlsplit, urlunsplit

from masthead.publishing.paths import relative_file

# The attributes that hold an address a browser follows or loads, by element.
LINK_ATTRIBUTES: dict[str, frozenset[str]] = {
    "a": frozenset({"href"}),
    "area": frozenset({"href"}),
    "link": frozenset({"href"}),
    "img": frozenset({"src"}),
    "source": frozenset({"src"}),
    "script": frozenset({"src"}),
    "iframe": frozenset({"src"}),
    "video": frozenset({"src", "poster"}),
    "audio": frozenset({"src"}),
    "track": frozenset({"src"}),
    "embed": frozenset({"src"}),
    "object": frozenset({"data"}),
    "input": frozenset({"src"}),
    "form": frozenset({"action"}),
    "button": frozenset({"formaction"}),
}
SRCSET_ELEMENTS = frozenset({"img", "source"})
_CSS_URL = re.compile(r"""url\(\s*(?P<quote>['"]?)(?P<address>.*?)(?P=quote)\s*\)""", re.I | re.S)
_CSS_IMPORT = re.compile(r"""@import\s+(?P<quote>['"])(?P<address>.*?)(?P=quote)""", re.I)
_SPACES = re.compile(r"\s+")
_NOT_SPACE = re.compile(r"\S+")
_DESCRIPTOR = re.compile(r"[^,]*")
_SEPARATORS = re.compile(r"[\s,]*")
SITE_AT_ROOT = PurePosixPath()


def file_link(target: PurePosixPath, from_file: PurePosixPath) -> str:
    """The relative link from one file of the copy to another, percent-encoded so that
    Burmese names, spaces and `?` or `#` in a name reach the right file."""
    folder, parts = from_file.parent.parts, target.parts
    shared = 0
    while shared < min(len(folder), len(parts) - 1) and folder[shared] == parts[shared]:
        shared += 1
    relative = [".."] * (len(folder) - shared) + list(parts[shared:])
    return quote("/".join(relative), safe="/")


@dataclass(frozen=True)
class _Destination:
    """Where an address leads: a file of the copy, or else the live site (`live`, None
    when the address should stay as it was written)."""

    file: PurePosixPath | None
    live: str | None
    fragment: str


@dataclass(frozen=True)
class Copy:
    """What a copy holds and where the live site is: enough to rewrite any link.

    `has_page` answers for a page's file in the site's own layout (`news/x/index.html`);
    `asset` gives the file of a `/static/` or `/media/` path (as linked, percent-encoded or
    not) or None when there is no such file. The copy may keep the site under a folder
    (`site_folder`), as the offline bundle does, to leave room for its own start page.
    """

    live_base: str
    has_page: Callable[[PurePosixPath], bool]
    asset: Callable[[str], PurePosixPath | None]
    asset_prefixes: tuple[str, ...]
    other_live_bases: tuple[str, ...] = ()
    site_folder: PurePosixPath = SITE_AT_ROOT
    same_site: frozenset[str] = field(init=False)
    _root_relative: dict[str, _Destination] = field(
        init=False, default_factory=dict, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        hosts = {urlsplit(base).netloc.lower() for base in (self.live_base, *self.other_live_bases)}
        object.__setattr__(self, "same_site", frozenset(host for host in hosts if host))

    def file_of(self, site_file: PurePosixPath) -> PurePosixPath:
        """Where a file of the site's layout sits in the copy."""
        return self.site_folder / site_file

    def locate(self, path: str, *, has_query: bool = False) -> PurePosixPath | None:
        """The copy's file for a site path, or None when the copy cannot answer it."""
        try:
            decoded = unquote(path, errors="strict")
            if decoded.startswith(self.asset_prefixes):
                found = self.asset(path)
                return self.file_of(found) if found is not None else None
            if has_query:
                return None  # the copy has one file per address and cannot answer a query
            candidates = [path] if path.endswith("/") else [path, f"{path}/"]
            for candidate in candidates:
                site_file = relative_file(candidate)
                if self.has_page(site_file):
                    return self.file_of(site_file)
        except ValueError:  # malformed percent-encoding, dot segments, a NUL...
            return None
        return None

    def link(self, value: str, *, page_url: str, page_file: PurePosixPath) -> str:
        """`value`, found on the page at `page_url` kept in `page_file`, as the copy needs it."""
        address = value.strip()
        if not address or address.startswith("#"):
            return value
        if address.startswith("/") and not address.startswith("//"):
            # Root-relative: the same wherever it is found, and most links are.
            if address not in self._root_relative:
                self._root_relative[address] = self._destination(address, "/")
            destination = self._root_relative[address]
        else:
            destination = self._destination(address, page_url)
        if destination.file is not None:
            return file_link(destination.file, page_file) + destination.fragment
        return destination.live if destination.live is not None else value

    def _destination(self, address: str, page_url: str) -> _Destination:
        page_address = self.live_base + quote(page_url, safe="/%")
        parts = urlsplit(urljoin(page_address, address))
        if parts.scheme not in {"http", "https"} or parts.netloc.lower() not in self.same_site:
            return _Destination(None, None, "")
        path = parts.path or "/"
        target = self.locate(path, has_query=bool(parts.query))
        if target is not None:
            return _Destination(target, None, f"#{parts.fragment}" if parts.fragment else "")
        if urlsplit(address).netloc:
            return _Destination(None, None, "")  # already absolute: it names the live site
        live = urlsplit(self.live_base)
        return _Destination(
            None, urlunsplit((live.scheme, live.netloc, path, parts.query, parts.fragment)), ""
        )

    def srcset(self, value: str, *, page_url: str, page_file: PurePosixPath) -> str:
        candidates = []
        for address, descriptor in split_srcset(value):
            linked = self.link(address, page_url=page_url, page_file=page_file)
            candidates.append(f"{linked} {descriptor}".strip())
        return ", ".join(candidates)

    def css(self, text: str, *, page_url: str, page_file: PurePosixPath) -> str:
        """CSS with its `url(...)` and `@import` addresses rewritten; `page_url` is the
        address the CSS was served from (a stylesheet's own, or the page of a style
        attribute), so relative addresses resolve as the browser resolved them."""

        def relink(found: re.Match[str]) -> str:
            original = found.group("address")
            linked = self.link(original, page_url=page_url, page_file=page_file)
            if linked == original:
                return found.group(0)
            start, end = found.span("address")
            whole_start = found.start()
            matched = found.group(0)
            return matched[: start - whole_start] + linked + matched[end - whole_start :]

        return _CSS_IMPORT.sub(relink, _CSS_URL.sub(relink, text))


def split_srcset(value: str) -> list[tuple[str, str]]:
    """The (address, descriptor) candidates of a srcset attribute, as browsers split it:
    an address runs to the next space; a comma ending it, or the next comma after its
    descriptor, ends the candidate."""
    candidates: list[tuple[str, str]] = []
    position = 0
    while True:
        separators = _SEPARATORS.match(value, position)
        assert separators is not None  # it matches the empty string too
        position = separators.end()
        if position >= len(value):
            return candidates
        found = _NOT_SPACE.match(value, position)
        assert found is not None
        address, position = found.group(), found.end()
        descriptor = ""
        if address.endswith(","):
            address = address.rstrip(",")
        else:
            described = _DESCRIPTOR.match(value, position)
            assert described is not None
            descriptor, position = _SPACES.sub(" ", described.group()).strip(), described.end()
        candidates.append((address, descriptor))


# --- Pages ----------------------------------------------------------------------------------
LinkFunction = Callable[[str], str]
# (page URL, link function for that page) -> HTML to stand in for a form that posts.
FormStandIn = Callable[[str, LinkFunction], str]
# (page URL, link function) -> HTML to add to the masthead's tools (the edition switch).
ToolsAddition = Callable[[str, LinkFunction], str]


@dataclass(frozen=True)
class PageRewriter:
    """Rewrites the pages of one copy; see the module documentation for the rules.

    Two edits go beyond links: a form that posts (the contact form) cannot work without
    the newsroom's server, so `form_stand_in` replaces it; `tools_addition` adds links
    to the masthead's tools bar (the mirror's search page).
    """

    copy: Copy
    form_stand_in: FormStandIn | None = None
    tools_addition: ToolsAddition | None = None

    def rewrite(self, html: str, *, page_url: str, page_file: PurePosixPath) -> str:
        scanner = _PageScanner(self, html, page_url=page_url, page_file=page_file)
        scanner.feed(html)
        scanner.close()
        return scanner.rewritten()


@dataclass(order=True)
class _Edit:
    start: int
    end: int
    text: str


class _PageScanner(HTMLParser):
    """Finds the tags of one page with their exact place in its text, so that only the
    tags that change are rewritten and the rest of the page stays byte for byte."""

    def __init__(
        self, rewriter: PageRewriter, html: str, *, page_url: str, page_file: PurePosixPath
    ) -> None:
        super().__init__(convert_charrefs=False)
        self.rewriter, self.copy, self.html = rewriter, rewriter.copy, html
        self.page_url, self.page_file = page_url, page_file
        self.line_starts = [0, *(found.end() for found in re.finditer("\n", html))]
        self.edits: list[_Edit] = []
        self.posting_form_start: int | None = None
        self.in_tools = False
        self.style_start: int | None = None

    def link(self, value: str) -> str:
        return self.copy.link(value, page_url=self.page_url, page_file=self.page_file)

    def rewritten(self) -> str:
        pieces, last = [], 0
        for edit in sorted(self.edits):
            if edit.start < last:
                continue  # inside a replaced form
            pieces += [self.html[last : edit.start], edit.text]
            last = edit.end
        pieces.append(self.html[last:])
        return "".join(pieces)

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _end_of_tag(self, start: int) -> int:
        closing = self.html.find(">", start)
        return len(self.html) if closing < 0 else closing + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        raw = self.get_starttag_text() or ""
        values = {name: value or "" for name, value in attrs}
        posts = values.get("method", "").lower() == "post"
        if tag == "form" and posts and self.rewriter.form_stand_in is not None:
            self.posting_form_start = start
            return
        if tag == "nav" and "masthead__tools" in values.get("class", "").split():
            self.in_tools = True
        if tag == "style":
            self.style_start = start + len(raw)
        changed = self._rewritten_attributes(tag, attrs)
        if changed is not None:
            closing = " />" if raw.rstrip().endswith("/>") else ">"
            self.edits.append(_Edit(start, start + len(raw), _tag(tag, changed, closing)))

    def _rewritten_attributes(
        self, tag: str, attrs: list[tuple[str, str | None]]
    ) -> list[tuple[str, str | None]] | None:
        followed = LINK_ATTRIBUTES.get(tag, frozenset())
        rel = {
            token.lower()
            for name, value in attrs
            if name == "rel"
            for token in (value or "").split()
        }
        if tag == "link" and "canonical" in rel:
            followed = frozenset()  # it names the original, for search engines
        rewritten, changed = [], False
        for name, value in attrs:
            new = value
            if value is not None:
                if name in followed:
                    new = self.link(value)
                elif name == "srcset" and tag in SRCSET_ELEMENTS:
                    new = self.copy.srcset(value, page_url=self.page_url, page_file=self.page_file)
                elif name == "style":
                    new = self.copy.css(value, page_url=self.page_url, page_file=self.page_file)
            changed = changed or new != value
            rewritten.append((name, new))
        return rewritten if changed else None

    def handle_endtag(self, tag: str) -> None:
        start = self._offset()
        if tag == "form" and self.posting_form_start is not None:
            stand_in = self.rewriter.form_stand_in
            assert stand_in is not None
            replacement = stand_in(self.page_url, self.link)
            self.edits.append(_Edit(self.posting_form_start, self._end_of_tag(start), replacement))
            self.posting_form_start = None
        elif tag == "nav" and self.in_tools:
            self.in_tools = False
            if self.rewriter.tools_addition is not None:
                addition = self.rewriter.tools_addition(self.page_url, self.link)
                self.edits.append(_Edit(start, start, addition))
        elif tag == "style" and self.style_start is not None:
            css = self.html[self.style_start : start]
            rewritten = self.copy.css(css, page_url=self.page_url, page_file=self.page_file)
            if rewritten != css:
                self.edits.append(_Edit(self.style_start, start, rewritten))
            self.style_start = None


def _tag(name: str, attrs: Iterable[tuple[str, str | None]], closing: str) -> str:
    parts = [name]
    for attribute, value in attrs:
        if value is None:
            parts.append(attribute)
        else:  # inside double quotes only & and " need escaping; ' stays as written
            parts.append(f'{attribute}="{escape(value, quote=False).replace(chr(34), "&quot;")}"')
    return "<" + " ".join(parts) + closing
