"""Page slugs that keep Burmese intact (docs/decisions/0003-burmese-slugs.md).

Wagtail's slug field, its admin form and its slug-from-title script all use Django's Unicode
slug rule, which drops Burmese vowel signs, medials and asat. Here the field and the forms
validate with masthead.burmese instead, and a slug the admin script mangled from a Burmese
headline is replaced by the proper one.
"""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.core.validators import validate_unicode_slug

from masthead import burmese


def validate_page_slug(value: str) -> None:
    try:
        burmese.validate_slug(value)
    except ValueError as error:
        raise ValidationError(str(error), code="invalid") from None


def use_burmese_slug_rule() -> None:
    """Make Wagtail's page slug field accept slugs that keep Burmese marks (at start-up)."""
    from wagtail.models import Page

    field = Page._meta.get_field("slug")
    kept = [
        v
        for v in field.validators
        if v is not validate_unicode_slug and v is not validate_page_slug
    ]
    field.validators[:] = [*kept, validate_page_slug]


def _letters_and_digits(text: str) -> str:
    return "".join(char for char in text.lower() if unicodedata.category(char)[0] in {"L", "N"})


def repaired_slug(title: str, slug: str) -> str:
    """The slug to keep: ours if `slug` is the headline with its marks stripped (what a
    Django-style slugifier makes of Burmese), otherwise `slug` as the editor typed it."""
    proper = burmese.slugify(title)
    if proper and slug != proper and _letters_and_digits(slug) == _letters_and_digits(proper):
        return proper
    return slug
