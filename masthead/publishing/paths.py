"""Where a URL's file lives in the published tree, and which URL a file stands for.

The tree is laid out for `try_files $uri $uri/index.html`: a URL ending in "/" is stored as
`<path>/index.html`, any other URL (a feed, a sitemap, robots.txt) at its own path. Paths are
percent-decoded, so a Burmese URL is stored under its Burmese name, as nginx looks it up.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote

INDEX = "index.html"
# Precompressed siblings written beside every file, for gzip_static / brotli_static.
VARIANTS = (".gz", ".br")


class NotPublishable(ValueError):
    """A URL that can never be a file in the tree (a query, a dot segment, a NUL...)."""


def canonical(url: str) -> str:
    """One spelling per address: percent-decoded, as the tree stores it ("/my/သတင်း/" for
    Wagtail's "/my/%E1%80%9E.../")."""
    return unquote(url)


def relative_file(url: str) -> PurePosixPath:
    """The file of `url` relative to the tree's root: "/news/x/" → news/x/index.html."""
    if not url.startswith("/") or "?" in url or "#" in url:
        raise NotPublishable(f"not a site path: {url!r}")
    path = unquote(url, errors="strict")
    parts = [part for part in path.split("/") if part]
    if any(part in {".", ".."} or "\x00" in part or part.startswith(".") for part in parts):
        raise NotPublishable(f"not a publishable path: {url!r}")
    if path.endswith("/"):
        parts.append(INDEX)
    return PurePosixPath(*parts)


def file_for_url(root: Path, url: str) -> Path:
    return root / relative_file(url)


def url_for_file(root: Path, file: Path) -> str | None:
    """The URL a file of the tree stands for; None for variants and anything not a page."""
    return url_for_relative(file.relative_to(root).as_posix())


def url_for_relative(relative: str) -> str | None:
    """As `url_for_file`, for the file's path relative to the tree's root ("news/x/index.html")."""
    if relative.endswith(VARIANTS) or "/." in f"/{relative}":
        return None
    if relative == INDEX:
        return "/"
    if relative.endswith(f"/{INDEX}"):
        return "/" + relative[: -len(INDEX)]
    return "/" + relative
