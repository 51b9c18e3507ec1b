from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from masthead.core.editions import edition_for_path
from masthead.core.routing import site_for_request


class EditionLanguageMiddleware:
    """Activates the language of the edition named by the URL prefix.

    It replaces Django's LocaleMiddleware, which also reads cookies and Accept-Language
    and adds `Vary: Accept-Language`: a published page must vary on nothing but its URL.
    The Wagtail admin picks each editor's own language itself. The request's Wagtail site
    is set here too, from what is kept for the content generation (masthead/core/routing.py).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        edition = edition_for_path(request.path_info)
        translation.activate(edition.language)
        request.LANGUAGE_CODE = edition.language
        request.edition = edition  # type: ignore[attr-defined]
        request._wagtail_site = site_for_request(request)  # type: ignore[attr-defined]
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", edition.language)
        return response
