"""Search in a copy of the site, where no server can answer a query.

Each edition gets a search page at its `search/` address (where the live site's search
lives, so a search form on any page leads to it) and an index of its newest stories beside
it, `search/stories.js`. The index holds each story's headline, standfirst, date and link,
and their search form from `masthead.burmese.index_text` (syllables for Burmese); the page's
script (publishing/mirror-search.js) puts the reader's query in the same form and looks
through it. The index is JSON given to a script assignment, because browsers refuse to
fetch a JSON file from a page opened with file://.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from masthead.burmese import index_text
from masthead.core.editions import Edition, edition_for_path, get_edition
from masthead.journalism.models import ArticlePage, HomePage
from masthead.journalism.templatetags.news import edition_date
from masthead.publishing.mirror.wording import Wording, wording_for
from masthead.publishing.paths import relative_file

RECENT_STORIES = 2000
RESULTS_SHOWN = 50
SEARCH_SEGMENT = "search"
INDEX_NAME = "stories.js"
INDEX_VARIABLE = "mastheadMirrorStories"


@dataclass(frozen=True)
class EditionSearch:
    """The search of one edition in a copy."""

    edition: Edition
    home: HomePage

    @property
    def page_url(self) -> str:
        return f"{self.home.url}{SEARCH_SEGMENT}/"

    @property
    def index_url(self) -> str:
        return f"{self.page_url}{INDEX_NAME}"

    @property
    def archive_url(self) -> str:
        return f"{self.home.url}archive/"

    @property
    def page_file(self) -> PurePosixPath:
        return relative_file(self.page_url)

    @property
    def index_file(self) -> PurePosixPath:
        return relative_file(self.index_url)

    @property
    def wording(self) -> Wording:
        return wording_for(self.edition.language)


def edition_searches() -> list[EditionSearch]:
    """One search per edition whose front is live."""
    homes = HomePage.objects.live().filter(depth=2).select_related("locale").order_by("pk")
    return [EditionSearch(get_edition(home.locale.language_code), home) for home in homes]


def index_entries(
    search: EditionSearch, *, story_link: Callable[[str], str | None]
) -> list[dict[str, str]]:
    """The newest stories of the edition, newest first, each with its search form.

    `story_link(url)` gives the link from the search page to the story in the copy, or None
    when the copy does not hold it (the story is then left out of the index)."""
    stories = (
        ArticlePage.objects.live()
        .filter(locale_id=search.home.locale_id)
        .select_related("locale")
        .recent()[:RECENT_STORIES]
    )
    entries = []
    with translation.override(search.edition.language):
        for story in stories:
            link = story_link(story.url) if story.url else None
            if link is None:
                continue
            headline = " ".join(story.title.split())
            entries.append(
                {
                    "h": headline,
                    "s": story.standfirst,
                    "u": link,
                    "d": edition_date(story.first_published_at),
                    "t": story.first_published_at.isoformat() if story.first_published_at else "",
                    "i": "\n".join([index_text(headline), index_text(story.standfirst)]),
                }
            )
    return entries


def index_script(entries: list[dict[str, str]]) -> bytes:
    document = json.dumps({"stories": entries}, ensure_ascii=False, separators=(",", ":"))
    # Whatever a headline holds, no "</" ends the script early and no line separator
    # breaks it in older browsers.
    safe = document.replace("</", "<\\/").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{INDEX_VARIABLE}={safe};\n".encode()


def search_page(search: EditionSearch, *, story_count: int) -> str:
    """The edition's search page, in the site's own frame (header, menu, footer), with
    root-relative links for the copy's rewriter to make relative."""
    wording = search.wording
    context: dict[str, Any] = {
        "search": search,
        "wording": wording,
        "scope": wording.search_scope.format(count=wording.number(story_count)),
        "results_shown": RESULTS_SHOWN,
    }
    return render_as_page("mirror/search.html", context, page_url=search.page_url)


def render_as_page(template: str, context: dict[str, Any], *, page_url: str) -> str:
    """A template that extends the site's base, rendered as the page at `page_url` would
    be: same edition, language, menu and footer."""
    base = urlsplit(settings.BASE_URL)
    request = RequestFactory().get(
        page_url,
        HTTP_HOST=base.netloc or "localhost",
        secure=base.scheme == "https",
    )
    with translation.override(edition_for_path(page_url).language):
        return render_to_string(template, context, request=request)
