"""The search page and the live search endpoint: dynamic, never published as files.

Neither sets a cookie. Both are rate-limited per client (a clear 429 with Retry-After);
a query or filter that cannot be searched gets a 400 with a message, never a 500.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Page

from masthead.journalism.models import Author, SectionPage
from masthead.journalism.templatetags.news import edition_date, edition_home_for
from masthead.search.forms import SearchFilterForm
from masthead.search.queries import SearchResults, live_results, search_stories
from masthead.search.query import QueryError, SearchQuery, parse_query
from masthead.search.ratelimit import retry_after

#: The live endpoint's answer never exceeds this many bytes.
LIVE_MAX_BYTES = 2048
LIVE_HEADLINE_CHARACTERS = 90


def _language() -> str:
    return "my" if get_language() == "my" else "en"


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    language = _language()
    wait = retry_after(
        request,
        bucket="page",
        limit=settings.MASTHEAD_SEARCH_PAGE_PER_MINUTE,
        window=60,
    )
    raw = request.GET.get("q", "")
    form = SearchFilterForm(request.GET, language=language)
    errors: list[str] = []
    status = 200
    query = SearchQuery(text="")
    results = None
    if wait is not None:
        errors.append(_("Too many searches from your connection; please wait a minute."))
        status = 429
    else:
        try:
            query = parse_query(raw)
        except QueryError:
            errors.append(_("Please search for at most %(count)s characters.") % {"count": 200})
            status = 400
        if not form.is_valid():
            errors += [
                str(error) for field_errors in form.errors.values() for error in field_errors
            ]
            status = 400
        if status == 200:
            results = search_stories(
                query=query,
                filters=form.filters(),
                newest_first=form.newest_first,
                page=form.page_number,
            )
    context: dict[str, Any] = {
        "query": query,
        "raw_query": query.text or raw[:200],
        "form": form,
        "errors": errors,
        "results": results,
        "sections": _edition_sections(language),
        "authors": Author.objects.only("slug", "name", "name_my").order_by("name"),
        "selected": {name: request.GET.get(name, "") for name in form.fields},
        "page_links": _page_links(request, results),
        "other_edition_search": _other_edition_search(request, language),
        "archive_url": _archive_url(request, language),
    }
    response = TemplateResponse(request, "search/search_page.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    if wait is not None:
        response["Retry-After"] = str(wait)
    return response


def _edition_sections(language: str) -> list[Page]:
    """The edition's sections and subsections, for the section filter. Read by id from the
    sections' own small table, then the edition picked out here: filtering the page table
    by locale first would walk every story of the edition."""
    ids = list(SectionPage.objects.order_by().values_list("pk", flat=True))
    locale = Locale.objects.filter(language_code=language).values_list("pk", flat=True).first()
    found = (
        Page.objects.live()
        .filter(pk__in=ids, depth__lte=4)
        .order_by()
        .only("pk", "title", "depth", "path", "locale_id")
    )
    return sorted((page for page in found if page.locale_id == locale), key=lambda p: p.path)


def _page_links(request: HttpRequest, results: SearchResults | None) -> dict[str, str]:
    if results is None:
        return {}
    links = {}
    for name, number in (("previous", results.previous_page), ("next", results.next_page)):
        if number is not None:
            params = request.GET.copy()
            params["page"] = str(number)
            links[name] = "?" + params.urlencode()
    return links


def _other_edition_search(request: HttpRequest, language: str) -> str:
    other = "en" if language == "my" else "my"
    prefix = "" if other == settings.LANGUAGE_CODE else f"/{other}"
    query = request.GET.get("q", "")[:200]
    return f"{prefix}/search/" + ("?" + urlencode({"q": query}) if query else "")


def _archive_url(request: HttpRequest, language: str) -> str:
    home = edition_home_for(request, language)
    return f"{home.url}archive/" if home is not None and home.url else ""


@require_safe
def live_search(request: HttpRequest) -> HttpResponse:
    """The top five stories of the edition for what is being typed, as compact JSON:
    {"results": [{"title", "url", "date"}]}. The script links "View all results" to the
    search page itself, so a long query never pushes the answer over its size."""
    wait = retry_after(
        request,
        bucket="live",
        limit=settings.MASTHEAD_SEARCH_LIVE_PER_MINUTE,
        window=60,
    )
    if wait is not None:
        refused = JsonResponse(
            {"error": _("Too many searches from your connection; please wait a minute.")},
            status=429,
        )
        refused["Retry-After"] = str(wait)
        return refused
    raw = request.GET.get("q", "")
    try:
        query = parse_query(raw, live=True)
    except QueryError:
        return JsonResponse(
            {"error": _("Please search for at most %(count)s characters.") % {"count": 200}},
            status=400,
        )
    language = _language()
    found = live_results(query=query, language=language)
    items = [
        {"title": story.headline, "url": story.url, "date": edition_date(story.published_at)}
        for story in found
    ]
    body = _fit({"results": items})
    response = HttpResponse(body, content_type="application/json")
    response["Cache-Control"] = "public, max-age=60"
    response["X-Robots-Tag"] = "noindex"
    return response


def _fit(payload: dict[str, Any]) -> bytes:
    """The JSON answer in at most LIVE_MAX_BYTES: headlines are shortened, then results
    dropped, until it fits."""
    limit = LIVE_HEADLINE_CHARACTERS
    while True:
        for item in payload["results"]:
            if len(item["title"]) > limit:
                item["title"] = item["title"][: limit - 1].rstrip() + "…"
        body = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()
        if len(body) <= LIVE_MAX_BYTES:
            return body
        if limit > 30:
            limit -= 20
        else:
            payload["results"].pop()
