"""The light edition's one view: a front, a section front or a part of a story, named by
nothing but its URL."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from masthead.core.editions import edition_for_path
from masthead.journalism.models import ArticlePage, HomePage, SectionPage
from masthead.publishing.lite.links import EditionTree, LiteLinks
from masthead.publishing.lite.pages import (
    kept_story_parts,
    render_front,
    render_not_found,
    render_section,
)
from masthead.publishing.lite.queries import find_page
from masthead.publishing.lite.style import style_source_hash


def _html(body: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(body, content_type="text/html; charset=utf-8", status=status)
    # The page's inline style is allowed by its hash; no other style, and no script, is.
    response._csp_update = {"style-src": [style_source_hash()]}  # type: ignore[attr-defined]
    return response


def _page(path: str, tree: EditionTree, links: LiteLinks) -> str | None:
    found = find_page(tree, path)
    if found is None:
        return None
    page = found.page
    if isinstance(page, ArticlePage):
        parts = kept_story_parts(page, tree, links)
        return parts.render(found.part) if found.part <= parts.count else None
    if isinstance(page, SectionPage):
        return render_section(page, tree, links)
    if isinstance(page, HomePage) and page.pk == tree.home.pk:
        return render_front(tree, links)
    return None  # a static page, the contact form...: the full site only


@require_safe
def lite_page(request: HttpRequest, path: str) -> HttpResponse:
    """/lite/<path>/ and /my/lite/<path>/: the light version of the page at <path>/."""
    links = LiteLinks.load()
    tree = links.tree(edition_for_path(request.path_info).language)
    if tree is None:  # an edition with no front yet
        raise Http404("No such edition.")
    html = _page(path, tree, links)
    if html is None:
        return _html(render_not_found(tree, links), status=404)
    return _html(html)
