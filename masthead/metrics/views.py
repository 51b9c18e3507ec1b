"""Reader pages of audience signals.

`similar_page` is where "Load more" leads: the next picks of a story's Similar picks, a whole
page without JavaScript and the list appended in place with it. It follows the counts, so it
is rendered per request (cached briefly), never published as a file.

`sidebar_fragment` is the sidebar alone (Recommended and Most read, with their counts),
published as a file and re-rendered with the counts, which articles fetch to refresh their
own copy (masthead/static/js/signals.js).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.translation import get_language
from wagtail.models import Locale

from masthead.journalism.models import ArticlePage
from masthead.metrics import rankings
from masthead.metrics.templatetags.signals import SIMILAR_PER_PAGE

MAX_SIMILAR_PAGES = 25
SIMILAR_CACHE_SECONDS = 300


def similar_page(request: HttpRequest, story_id: int, number: int) -> HttpResponse:
    if not 1 <= number <= MAX_SIMILAR_PAGES:
        raise Http404("No such page of picks.")
    story = (
        ArticlePage.objects.live()
        .filter(pk=story_id, locale__language_code=get_language())
        .select_related("locale")
        .first()
    )
    if story is None:
        raise Http404("No such story in this edition.")
    section_path = story.path[: -ArticlePage.steplen]
    picks = rankings.popular_before(
        story=story,
        section_path=section_path,
        offset=(number - 1) * SIMILAR_PER_PAGE,
        limit=SIMILAR_PER_PAGE + 1,  # one more tells whether there is a next page
    )
    if not picks and number > 1:
        raise Http404("No more picks.")
    response = render(
        request,
        "metrics/similar_page.html",
        {
            "story": story,
            "section": story.get_parent().specific,
            "picks": picks[:SIMILAR_PER_PAGE],
            "number": number,
            "next_number": number + 1
            if len(picks) > SIMILAR_PER_PAGE and number < MAX_SIMILAR_PAGES
            else None,
        },
    )
    patch_cache_control(response, public=True, max_age=SIMILAR_CACHE_SECONDS)
    return response


def sidebar_fragment(request: HttpRequest) -> HttpResponse:
    locale = Locale.objects.filter(language_code=get_language()).first()
    if locale is None:
        raise Http404("No such edition.")
    return render(request, "metrics/sidebar_fragment.html", {"locale_id": locale.pk})
