"""Where a copy takes each page from: the published tree, or a fresh render.

The published tree is what readers are served, and the publisher keeps every file equal to
a fresh render of its URL; a copy made from it is what the site shows, at the cost of a
file read instead of a render (a full render of a large site takes hours, reading it
minutes). A file is not taken when it may lag behind: the URL is waiting in the publisher's
queue or its last render failed. Then, and when there is no file, the page is rendered.
`fresh=True` renders every page, for a copy that depends on nothing on disk.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import unquote

from masthead.publishing import store
from masthead.publishing.models import PendingRender, RenderFailure
from masthead.publishing.paths import relative_file
from masthead.publishing.render import render


class PageFailed(Exception):
    """A page of the site failed to render: a copy without it would have broken links."""


@dataclass
class PageSource:
    fresh: bool = False
    reused: int = 0
    rendered: int = 0
    gone: list[str] = field(default_factory=list)
    _lagging: set[PurePosixPath] = field(default_factory=set)

    def __post_init__(self) -> None:
        if not self.fresh:
            waiting = PendingRender.objects.values_list("url", flat=True)
            failed = RenderFailure.objects.values_list("url", flat=True)
            for url in [*waiting, *failed]:
                try:
                    self._lagging.add(relative_file(url))
                except ValueError:
                    continue

    def body(self, url: str) -> bytes | None:
        """The page at `url`, or None when the site no longer has it."""
        if not self.fresh and relative_file(url) not in self._lagging:
            stored = store.read(url)
            if stored is not None:
                self.reused += 1
                return stored
        # Inventory URLs are spelled as links spell them, percent-encoded (Burmese slugs);
        # a web server hands the application the decoded path, so the render gets that.
        rendered = render(unquote(url))
        if rendered.is_page:
            self.rendered += 1
            return rendered.body
        if rendered.is_gone:
            self.gone.append(url)
            return None
        raise PageFailed(f"{url}: {rendered.error or f'answered {rendered.status}'}")
