"""What every reader page needs: its edition, the edition's settings and navigation.

Values are lazy, so admin pages (which run context processors too) pay nothing for them.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from masthead.core.editions import edition_for_path, other_edition
from masthead.core.memo import remembered
from masthead.journalism.models import EditionSettings
from masthead.journalism.queries import edition_navigation
from masthead.journalism.templatetags.news import edition_home_for


def edition(request: HttpRequest) -> dict[str, Any]:
    current = edition_for_path(request.path_info)

    def navigation() -> Any:
        home = edition_home_for(request, current.language)
        return (
            remembered(("navigation", home.pk), lambda: edition_navigation(home)) if home else None
        )

    return {
        "edition": current,
        "other_edition": other_edition(current),
        "edition_home": SimpleLazyObject(lambda: edition_home_for(request, current.language)),
        "other_edition_home": SimpleLazyObject(
            lambda: edition_home_for(request, other_edition(current).language)
        ),
        "edition_settings": SimpleLazyObject(
            lambda: remembered(
                ("edition_settings", current.language),
                lambda: EditionSettings.for_language(current.language),
            )
        ),
        "navigation": SimpleLazyObject(navigation),
    }
