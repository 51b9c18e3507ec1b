"""Addresses of pages on the full site and in the light edition, worked out from the page
tree alone: a page's path under its edition's front, after the edition's prefix.

No URL routing and no request take part, so a light page links the same way whether a
reader's request or the publisher renders it, and a list of thirty stories costs no query.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from wagtail.models import Page

from masthead.core.editions import Edition, get_edition
from masthead.core.memo import remembered
from masthead.journalism.models import ArticlePage, HomePage, SectionPage

LITE_SEGMENT = "lite"
# The kinds of page that have a light version; every other page is linked on the full site.
LITE_PAGE_TYPES = (HomePage, SectionPage, ArticlePage)


@dataclass(frozen=True)
class EditionTree:
    edition: Edition
    home: HomePage

    def relative_path(self, page: Page) -> str | None:
        """The page's path under the edition's front ("news/x/"), None if not under it."""
        root = self.home.url_path
        if not page.url_path.startswith(root):
            return None
        return page.url_path[len(root) :]

    @property
    def lite_front_url(self) -> str:
        return f"{self.edition.prefix}/{LITE_SEGMENT}/"

    @property
    def full_front_url(self) -> str:
        return f"{self.edition.prefix}/"


class LiteLinks:
    """The editions' fronts, and from them the full and light address of any page."""

    def __init__(self, homes: Iterable[HomePage]) -> None:
        self._trees = {
            home.locale_id: EditionTree(get_edition(home.locale.language_code), home)
            for home in homes
        }

    @classmethod
    def load(cls) -> LiteLinks:
        """The editions' fronts, read once per content generation (or batch of renders)."""
        return remembered(
            ("lite-links",), lambda: cls(HomePage.objects.filter(depth=2).select_related("locale"))
        )

    def tree(self, language: str) -> EditionTree | None:
        return next((t for t in self._trees.values() if t.edition.language == language), None)

    def _located(self, page: Page) -> tuple[EditionTree, str] | None:
        tree = self._trees.get(page.locale_id)
        relative = tree.relative_path(page) if tree else None
        return (tree, relative) if tree and relative is not None else None

    def full_url(self, page: Page) -> str | None:
        located = self._located(page)
        return f"{located[0].full_front_url}{located[1]}" if located else None

    def lite_url(self, page: Page) -> str | None:
        """The light address of a front, section or story; None for any other page."""
        located = self._located(page)
        if located is None or not issubclass(page.specific_class or Page, LITE_PAGE_TYPES):
            return None
        return f"{located[0].lite_front_url}{located[1]}"

    def best_url(self, page: Page) -> str | None:
        """Where a light page should send a reader for `page`: its light version when it
        has one, else the full page (a static page, say)."""
        return self.lite_url(page) or self.full_url(page)
