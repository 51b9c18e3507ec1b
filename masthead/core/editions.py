"""The two editions a masthead site publishes, and how a URL names its edition.

An edition is a language with its own home page and section tree. English is the default
and has no URL prefix; Burmese lives under /my/. The edition comes from the URL alone,
never from a cookie or an Accept-Language header, so a published page is the same file
for every reader.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Edition:
    language: str
    name: str
    native_name: str

    @property
    def prefix(self) -> str:
        """The URL path prefix: "" for the default edition, "/my" for Burmese."""
        return "" if self.language == settings.LANGUAGE_CODE else f"/{self.language}"


EDITIONS: dict[str, Edition] = {
    "en": Edition(language="en", name="English", native_name="English"),
    "my": Edition(language="my", name="Burmese", native_name="မြန်မာ"),
}


def edition_for_path(path: str) -> Edition:
    for edition in EDITIONS.values():
        prefix = edition.prefix
        if prefix and (path == prefix or path.startswith(prefix + "/")):
            return edition
    return EDITIONS[settings.LANGUAGE_CODE]


def get_edition(language: str) -> Edition:
    return EDITIONS.get(language, EDITIONS[settings.LANGUAGE_CODE])


def other_edition(edition: Edition) -> Edition:
    return next(e for e in EDITIONS.values() if e.language != edition.language)
