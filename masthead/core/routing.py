"""Finding a request's site and page, with what every request asks read once per content
generation (masthead/core/memo.py).

Wagtail looks up the site by the request's host, then the active language's locale, then the
edition's root page, with one query each, before it routes to the page; a dozen template
tags ask for the site again. A reader page answered by Django costs a few milliseconds, so
those queries were a fifth of it. Here the site and each edition's root are kept like the
menus and footers: read once, replaced when content changes.
"""

from __future__ import annotations

import copy

from django.http import Http404, HttpRequest, HttpResponse
from django.http.request import split_domain_port
from django.utils.translation import get_language
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from masthead.core.memo import remembered


def site_for_request(request: HttpRequest) -> Site | None:
    """The site answering `request` (Wagtail's `Site.find_for_request`), kept per host and
    port. Each request gets its own copy: Wagtail and the views may set attributes on it."""
    hostname, port = split_domain_port(request.get_host())[0], request.get_port()
    site = remembered(("site", hostname, port), lambda: _read_site(hostname, port))
    return copy.copy(site)


def _read_site(hostname: str, port: str) -> Site | None:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site.root_page  # noqa: B018 - read now, with the rest, not on each request's first use
    return site


def serve(request: HttpRequest, path: str) -> HttpResponse:
    """Wagtail's page view, routed from the edition's kept root page. What it records on
    the request is what `Page.route_for_request` would: the route, or None when the path
    leads nowhere."""
    site = Site.find_for_request(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        root = remembered(
            ("edition-root", site.pk, get_language()), lambda: site.root_page.localized.specific
        )
        try:
            route = copy.copy(root).route(request, [part for part in path.split("/") if part])
        except Http404:
            route = None
        request._wagtail_route_for_request = route  # type: ignore[attr-defined]
    return wagtail_views.serve(request, path)
