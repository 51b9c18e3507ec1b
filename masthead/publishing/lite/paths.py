"""Light addresses for the publisher: which URLs to render when a page changes."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from django.utils import translation

from masthead.core.editions import edition_for_path
from masthead.journalism.models import ArticlePage
from masthead.publishing.lite.links import LITE_SEGMENT, LiteLinks


def lite_url(page_url: str) -> str:
    """The light address of a front, section or story from its full-site address:
    "/" → "/lite/", "/my/news/x/" → "/my/lite/news/x/". Scheme and host are kept; a light
    address is returned as it is."""
    parts = urlsplit(page_url)
    edition = edition_for_path(parts.path)
    rest = parts.path[len(edition.prefix) :] or "/"
    if rest == f"/{LITE_SEGMENT}/" or rest.startswith(f"/{LITE_SEGMENT}/"):
        return page_url
    path = f"{edition.prefix}/{LITE_SEGMENT}{rest}"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, parts.fragment))


def lite_urls_for_article(article: ArticlePage) -> list[str]:
    """Every light address of a story: its own (part 1) and one per further part, as the
    light edition cuts it now. A story outside any edition has none."""
    from masthead.publishing.lite.pages import part_url, story_parts

    links = LiteLinks.load()
    tree = links.tree(article.locale.language_code)
    if tree is None or links.lite_url(article) is None or not article.url:
        return []
    with translation.override(tree.edition.language):
        count = story_parts(article, tree, links).count
    # Spelled as the full site spells the story's address (percent-encoded), like lite_url.
    base = lite_url(article.url)
    return [part_url(base, number) for number in range(1, count + 1)]
