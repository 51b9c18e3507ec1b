"""Reads the demo newsroom's content files (content/*.toml) into checked records."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from masthead.core.time import display_zone
from masthead.demo.sections import all_section_paths

CONTENT_DIR = Path(__file__).resolve().parent / "content"
FORMATS = {
    "news",
    "analysis",
    "commentary",
    "guest-column",
    "editorial",
    "interview",
    "profile",
    "obituary",
    "fact-check",
    "photo-essay",
    "video",
    "cartoon",
    "letter",
}
VERDICTS = {"true", "mostly-true", "misleading", "mostly-false", "false", "unproven"}


class ContentError(ValueError):
    """A content file is inconsistent; the message names the file and the entry."""


@dataclass(frozen=True)
class AuthorSpec:
    key: str
    name: str
    role: str
    staff: bool
    short_bio: str
    bio: str
    email: str = ""
    x_handle: str = ""
    website: str = ""
    name_my: str = ""
    role_my: str = ""
    short_bio_my: str = ""
    bio_my: str = ""


@dataclass(frozen=True)
class ArticleSpec:
    key: str
    language: str
    section: str
    headline: str
    standfirst: str
    story_format: str
    body: str
    kicker: str = ""
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    also_in: tuple[str, ...] = ()
    featured_image: dict[str, str] | None = None
    corrections: tuple[dict[str, Any], ...] = ()
    claims: tuple[dict[str, Any], ...] = ()
    counterpart: str = ""
    date_rule: dict[str, Any] = field(default_factory=dict)

    def published_at(self, today: date) -> datetime:
        """When the story appears to have been published, relative to the load day."""
        return resolve_date(self.date_rule, today)


@dataclass(frozen=True)
class PageSpec:
    key: str
    title: str
    intro: str
    body: str
    ways_to_give: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True)
class EditionSpec:
    language: str
    settings: dict[str, str]
    pages: tuple[PageSpec, ...]


def resolve_date(rule: dict[str, Any], today: date) -> datetime:
    clock = time.fromisoformat(rule.get("time", "08:00"))
    if "published" in rule:
        naive = datetime.fromisoformat(rule["published"])
        return naive.replace(tzinfo=display_zone())
    if "days_ago" in rule:
        day = today - timedelta(days=int(rule["days_ago"]))
    else:
        years = int(rule["years_ago"])
        try:
            day = today.replace(year=today.year - years)
        except ValueError:  # 29 February in a year without one
            day = today.replace(year=today.year - years, day=28)
    return datetime.combine(day, clock, tzinfo=display_zone())


def _load(name: str) -> dict[str, Any]:
    path = CONTENT_DIR / name
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        raise ContentError(f"{name}: {error}") from None


def load_authors() -> list[AuthorSpec]:
    burmese = {entry["key"]: entry for entry in _load("authors_my.toml").get("author", [])}
    authors = []
    for entry in _load("authors.toml")["author"]:
        links = entry.get("links", {})
        mine = burmese.get(entry["key"], {})
        authors.append(
            AuthorSpec(
                key=entry["key"],
                name=entry["name"],
                role=entry.get("role", ""),
                staff=bool(entry.get("staff", True)),
                short_bio=entry.get("short_bio", ""),
                bio=entry.get("bio", "").strip(),
                email=links.get("email", ""),
                x_handle=links.get("x", "").lstrip("@"),
                website=links.get("website", ""),
                name_my=mine.get("name", ""),
                role_my=mine.get("role", ""),
                short_bio_my=mine.get("short_bio", ""),
                bio_my=mine.get("bio", "").strip(),
            )
        )
    return authors


def load_burmese_section_titles() -> dict[str, str]:
    return dict(_load("sections_my.toml").get("sections", {}))


def load_edition(language: str) -> EditionSpec:
    data = _load(f"pages_{language}.toml")
    pages = tuple(
        PageSpec(
            key=entry["key"],
            title=entry["title"],
            intro=entry.get("intro", ""),
            body=entry.get("body", ""),
            ways_to_give=tuple(entry.get("ways_to_give", ())),
        )
        for entry in data.get("page", [])
    )
    return EditionSpec(language=language, settings=dict(data["edition"]), pages=pages)


ARTICLE_FILES = {
    "en": ("articles_en_news.toml", "articles_en_more.toml"),
    "my": ("articles_my.toml",),
}


def load_articles(language: str, author_keys: set[str]) -> list[ArticleSpec]:
    sections = set(all_section_paths())
    articles: list[ArticleSpec] = []
    for name in ARTICLE_FILES[language]:
        for entry in _load(name).get("article", []):
            articles.append(_article(name, entry, language, sections, author_keys))
    keys = [article.key for article in articles]
    duplicates = {key for key in keys if keys.count(key) > 1}
    if duplicates:
        raise ContentError(f"duplicate article keys: {', '.join(sorted(duplicates))}")
    return articles


def _article(
    source: str, entry: dict[str, Any], language: str, sections: set[str], author_keys: set[str]
) -> ArticleSpec:
    key = entry.get("key", "?")
    where = f"{source}, article {key!r}"
    date_rule: dict[str, Any] = {
        name: entry[name] for name in ("published", "days_ago", "years_ago") if name in entry
    }
    if len(date_rule) != 1:
        raise ContentError(f"{where}: give exactly one of published, days_ago, years_ago")
    if "time" in entry:
        date_rule["time"] = entry["time"]
    for path in (entry["section"], *entry.get("also_in", ())):
        if path not in sections:
            raise ContentError(f"{where}: unknown section {path!r}")
    unknown = set(entry.get("authors", ())) - author_keys
    if unknown:
        raise ContentError(f"{where}: unknown authors {sorted(unknown)}")
    if entry.get("format", "news") not in FORMATS:
        raise ContentError(f"{where}: unknown format {entry.get('format')!r}")
    for claim in entry.get("claims", ()):
        if claim.get("verdict") not in VERDICTS:
            raise ContentError(f"{where}: unknown verdict {claim.get('verdict')!r}")
    return ArticleSpec(
        key=key,
        language=language,
        section=entry["section"],
        headline=entry["headline"],
        standfirst=entry.get("standfirst", ""),
        story_format=entry.get("format", "news"),
        body=entry["body"],
        kicker=entry.get("kicker", ""),
        authors=tuple(entry.get("authors", ())),
        tags=tuple(entry.get("tags", ())),
        also_in=tuple(entry.get("also_in", ())),
        featured_image=entry.get("featured_image"),
        corrections=tuple(entry.get("corrections", ())),
        claims=tuple(entry.get("claims", ())),
        counterpart=entry.get("counterpart", ""),
        date_rule=date_rule,
    )
