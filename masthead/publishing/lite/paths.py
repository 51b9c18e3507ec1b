"""Light addresses for the publisher: which URLs to render when a page changes."""

from __future__ import annotations

import json
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


# Below this many bytes of stored text, a story fits one light page with room to spare: the
# page's own header and footer take under 4 KB of the 15 KB budget, rendering only removes
# the editor's markup, and each block is allowed for as if it became a long picture or
# related-story link. Cutting a story for real costs a dozen queries; a full build of a large
# archive asks this for every story.
SURELY_ONE_PART_BYTES = 7_000
BYTES_PER_BLOCK = 300


def surely_one_part(article: ArticlePage) -> bool:
    blocks = list(article.body.raw_data)
    stored = sum(
        len(text.encode())
        for text in (
            article.title,
            article.standfirst,
            article.kicker,
            article.featured_caption,
            article.featured_credit,
            json.dumps(blocks, ensure_ascii=False),
        )
    )
    if stored + BYTES_PER_BLOCK * len(blocks) > SURELY_ONE_PART_BYTES:
        return False
    notes = getattr(article, "has_notes", None)  # annotated by a bulk read (inventory)
    if notes is not None:
        return not notes
    return not article.corrections.exists() and not article.claims.exists()


def lite_urls_for_article(article: ArticlePage, url: str | None = None) -> list[str]:
    """Every light address of a story: its own (part 1) and one per further part, as the
    light edition cuts it now. A story outside any edition has none. `url`: the story's
    address, when the caller has worked it out already."""
    from masthead.publishing.lite.pages import kept_story_parts, part_url

    url = url or article.url
    if not url:
        return []
    if surely_one_part(article):
        return [lite_url(url)]
    links = LiteLinks.load()
    tree = links.tree(article.locale.language_code)
    if tree is None or links.lite_url(article) is None:
        return []
    with translation.override(tree.edition.language):
        count = kept_story_parts(article, tree, links).count
    # Spelled as the full site spells the story's address (percent-encoded), like lite_url.
    base = lite_url(url)
    return [part_url(base, number) for number in range(1, count + 1)]
