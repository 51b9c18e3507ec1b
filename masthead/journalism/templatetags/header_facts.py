"""The header's date and weather line (masthead/journalism/weather)."""

from __future__ import annotations

from django import template

from masthead.journalism.weather.providers import configured_place
from masthead.journalism.weather.queries import HeaderFacts
from masthead.journalism.weather.queries import header_facts as current_header_facts

register = template.Library()


@register.simple_tag
def header_facts() -> HeaderFacts:
    return current_header_facts()


@register.simple_tag
def weather_configured() -> bool:
    """Whether the header has a weather line to make room for (settings only, no query)."""
    return configured_place() is not None
