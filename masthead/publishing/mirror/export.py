"""The mirror: a self-contained copy of the whole public site, both editions, in a folder.

Every URL of the site's inventory is copied with its links made relative (`links`), with
the static files and image renditions its pages use, a search page per edition that works
in the reader's browser (`search_index`), and SHA256SUMS (`folder`). The folder can be
served from any host, under any sub-path or onion address, or opened straight from disk.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings

from masthead.publishing.inventory import all_urls
from masthead.publishing.mirror.assets import Assets, asset_prefixes
from masthead.publishing.mirror.folder import FolderReport, MirrorFolder
from masthead.publishing.mirror.links import SITE_AT_ROOT, Copy, PageRewriter, file_link
from masthead.publishing.mirror.search_index import (
    EditionSearch,
    edition_searches,
    index_entries,
    index_script,
    search_page,
)
from masthead.publishing.mirror.sources import PageSource
from masthead.publishing.mirror.stand_ins import contact_form_stand_in, search_link_addition
from masthead.publishing.paths import relative_file

Progress = Callable[[int, int], None]


@dataclass
class MirrorReport:
    folder: FolderReport
    pages: int = 0
    assets: int = 0
    reused: int = 0
    rendered: int = 0
    gone: list[str] = field(default_factory=list)
    seconds: float = 0.0


def build_mirror(
    root: Path,
    *,
    incremental: bool = False,
    fresh: bool = False,
    progress: Progress | None = None,
) -> MirrorReport:
    """Write the mirror into `root`. Incremental builds rewrite only the files whose
    content changed; both kinds remove what the site no longer has and write the
    manifest last."""
    started = time.monotonic()
    folder = MirrorFolder(root, incremental=incremental)
    pages = site_pages(all_urls())
    # The live site's search lives at these addresses; a page there would take precedence.
    searches = [search for search in edition_searches() if search.page_file not in pages]
    generated = {search.page_file for search in searches} | {s.index_file for s in searches}
    assets = Assets()
    copy = live_copy(has_page=(set(pages) | generated).__contains__, assets=assets)
    rewriter = PageRewriter(
        copy,
        form_stand_in=contact_form_stand_in,
        tools_addition=search_link_addition(searches),
    )
    source = PageSource(fresh=fresh)
    report = MirrorReport(folder=folder.report)
    for done, (site_file, url) in enumerate(pages.items(), start=1):
        body = source.body(url)
        if body is not None:
            copied = copied_body(rewriter, body, url=url, site_file=site_file)
            folder.put(copy.file_of(site_file), copied)
            report.pages += 1
        if progress:
            progress(done, len(pages))
    for search in searches:
        _write_search(folder, rewriter, search)
    report.assets = write_assets(folder.put, copy, assets)
    report.folder = folder.finish()
    report.reused, report.rendered, report.gone = source.reused, source.rendered, source.gone
    report.seconds = time.monotonic() - started
    return report


def site_pages(urls: list[str]) -> dict[PurePosixPath, str]:
    """{file in the site's layout: URL}, in the inventory's order."""
    pages: dict[PurePosixPath, str] = {}
    for url in urls:
        try:
            pages.setdefault(relative_file(url), url)
        except ValueError:  # an address that can never be a file
            continue
    return pages


def live_copy(
    *,
    has_page: Callable[[PurePosixPath], bool],
    assets: Assets,
    site_folder: PurePosixPath = SITE_AT_ROOT,
) -> Copy:
    """A copy of this site: the live site at BASE_URL (and its onion address, if any)."""
    onion = settings.MASTHEAD_ONION_URL
    return Copy(
        live_base=settings.BASE_URL,
        other_live_bases=(onion,) if onion else (),
        has_page=has_page,
        asset=assets,
        asset_prefixes=asset_prefixes(),
        site_folder=site_folder,
    )


def copied_body(
    rewriter: PageRewriter, body: bytes, *, url: str, site_file: PurePosixPath
) -> bytes:
    """A page as the copy keeps it: HTML with its links rewritten; feeds, sitemaps and
    robots.txt as they are (their addresses must stay absolute)."""
    if site_file.suffix != ".html":
        return body
    html = body.decode("utf-8", errors="surrogateescape")
    page_file = rewriter.copy.file_of(site_file)
    rewritten = rewriter.rewrite(html, page_url=url, page_file=page_file)
    return rewritten.encode("utf-8", errors="surrogateescape")


def write_assets(put: Callable[[PurePosixPath, bytes], None], copy: Copy, assets: Assets) -> int:
    """Copy every asset the pages linked to; stylesheets get their own links rewritten,
    which may find more assets (fonts)."""
    written = 0
    for site_file, body in assets.take_new():
        if site_file.suffix == ".css":
            css = body.decode("utf-8", errors="surrogateescape")
            url = f"/{site_file.as_posix()}"
            rewritten = copy.css(css, page_url=url, page_file=copy.file_of(site_file))
            body = rewritten.encode("utf-8", errors="surrogateescape")
        put(copy.file_of(site_file), body)
        written += 1
    return written


def _write_search(folder: MirrorFolder, rewriter: PageRewriter, search: EditionSearch) -> None:
    copy = rewriter.copy

    def story_link(url: str) -> str | None:
        target = copy.locate(url)
        if target is None:
            return None
        return file_link(target, copy.file_of(search.page_file))

    entries = index_entries(search, story_link=story_link)
    folder.put(copy.file_of(search.index_file), index_script(entries))
    html = search_page(search, story_count=len(entries))
    page_file = copy.file_of(search.page_file)
    rewritten = rewriter.rewrite(html, page_url=search.page_url, page_file=page_file)
    folder.put(page_file, rewritten.encode("utf-8"))
