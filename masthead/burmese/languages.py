"""The two languages the formatting helpers speak: English and Burmese."""

from __future__ import annotations

from typing import Final

ENGLISH: Final = "en"
BURMESE: Final = "my"
LANGUAGES: Final = (ENGLISH, BURMESE)


def check_language(language: str) -> str:
    """Return ``language`` if it is ``"en"`` or ``"my"``; raise ValueError otherwise."""
    if language not in LANGUAGES:
        raise ValueError(f"language must be 'en' or 'my', not {language!r}")
    return language
