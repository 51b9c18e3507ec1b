"""Loads the demo newsroom, Ayeyar Chronicle, into the database.

Idempotent: everything is looked up by a stable key before it is created, so running it
again adds only what is missing. All writes go through the journalism services.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import Page

from masthead.core.time import display_today
from masthead.demo import content, markup
from masthead.demo.images import demo_image
from masthead.demo.sections import SECTIONS, SectionSpec
from masthead.journalism.models import (
    ArticlePage,
    Author,
    ContactPage,
    DonatePage,
    EditionSettings,
    HomePage,
    HomeSectionBlock,
    SectionPage,
    StandardPage,
    TeamPage,
)
from masthead.journalism.services import (
    ArticleDraft,
    add_correction,
    create_article,
    create_section,
    ensure_editions,
    link_counterparts,
    publish_article,
)

FRONT_SECTIONS = ("news", "politics", "war-against-the-junta", "business", "opinion", "in-person")
DEMO_USERS = (
    ("admin", "Administrators", True),
    ("editor", "Editors", False),
    ("reporter", "Reporters", False),
    ("datadesk", "Data desk", False),
)


@dataclass
class DemoReport:
    created_articles: int = 0
    existing_articles: int = 0
    credentials: dict[str, str] = field(default_factory=dict)


def load_demo(
    *, today: date | None = None, log: Callable[[str], None] = lambda _: None
) -> DemoReport:
    today = today or display_today().date()
    report = DemoReport()
    english_edition = content.load_edition("en")
    burmese_edition = content.load_edition("my")
    homes = ensure_editions(site_name=english_edition.settings["name"])
    editions = {"en": (homes.english, english_edition), "my": (homes.burmese, burmese_edition)}

    burmese_titles = content.load_burmese_section_titles()
    sections: dict[tuple[str, str], SectionPage] = {}
    for language, (home, edition) in editions.items():
        _apply_edition(home, edition)
        titles = burmese_titles if language == "my" else {}
        sections.update(_ensure_sections(home, language, titles))
        _ensure_static_pages(home, edition)
        _place_front_sections(home, sections, language)
    log(f"editions and {len(sections)} sections ready")

    authors = ensure_demo_authors()
    log(f"{len(authors)} authors ready")

    specs = {language: content.load_articles(language, set(authors)) for language in editions}
    articles: dict[str, ArticlePage] = {}
    for language_specs in specs.values():
        created, existing = _ensure_articles(language_specs, sections, authors, today, articles)
        report.created_articles += created
        report.existing_articles += existing
    _link_counterparts(specs["my"], articles)
    log(f"{report.created_articles} stories published, {report.existing_articles} already there")

    report.credentials = _ensure_users()
    return report


# --- Editions, sections, static pages -----------------------------------------------------
def _apply_edition(home: HomePage, edition: content.EditionSpec) -> None:
    values = edition.settings
    if home.title != values["name"]:
        home.title = values["name"]
        home.save_revision().publish()
    record = EditionSettings.objects.get(locale_id=home.locale_id)
    for name in (
        "name",
        "tagline",
        "about",
        "newsletter_blurb",
        "copyright_holder",
        "weather_city",
    ):
        setattr(record, name, values.get(name, getattr(record, name)))
    record.save()


def ensure_demo_sections(language: str) -> list[SectionPage]:
    """The demo's section tree in one edition (created if missing), both levels."""
    homes = ensure_editions()
    home = homes.english if language == "en" else homes.burmese
    titles = content.load_burmese_section_titles() if language == "my" else {}
    return list(_ensure_sections(home, language, titles).values())


def _ensure_sections(
    home: HomePage, language: str, titles: dict[str, str]
) -> dict[tuple[str, str], SectionPage]:
    found: dict[tuple[str, str], SectionPage] = {}

    def ensure(parent: Any, spec: SectionSpec, path: str) -> SectionPage:
        existing = SectionPage.objects.child_of(parent).filter(slug=spec.slug).first()
        section = existing or create_section(
            parent=parent,
            title=titles.get(path, spec.title),
            slug=spec.slug,
            in_menu=spec.in_menu,
        )
        found[(language, path)] = section
        return section

    for spec in SECTIONS:
        top = ensure(home, spec, spec.slug)
        for child in spec.children:
            ensure(top, child, f"{spec.slug}/{child.slug}")
    return found


def _page_body(source: str) -> list[dict[str, Any]]:
    blocks = []
    for block in markup.parse_body(source):
        if block.type in {"paragraph", "heading", "block_quote", "list", "divider"}:
            blocks.append({"type": block.type, "value": block.value})
    return blocks


def _ensure_static_pages(home: HomePage, edition: content.EditionSpec) -> None:
    kinds = {"team": TeamPage, "contact": ContactPage, "donate": DonatePage}
    for spec in edition.pages:
        if home.get_children().filter(slug=spec.key).exists():
            continue
        model = kinds.get(spec.key, StandardPage)
        page: Page = model(
            title=spec.title, slug=spec.key, intro=spec.intro, locale_id=home.locale_id
        )
        if isinstance(page, StandardPage | DonatePage):
            page.body = _page_body(spec.body)
        if isinstance(page, DonatePage):
            page.show_in_menus = True
            page.ways_to_give = [{"type": "way", "value": way} for way in spec.ways_to_give]
        home.add_child(instance=page)
        page.save_revision().publish()


def _place_front_sections(
    home: HomePage, sections: dict[tuple[str, str], SectionPage], language: str
) -> None:
    if home.section_placements.exists():
        return
    for order, path in enumerate(FRONT_SECTIONS):
        HomeSectionBlock.objects.create(
            page=home, section=sections[(language, path)], sort_order=order
        )


# --- Authors ----------------------------------------------------------------------------
def ensure_demo_authors() -> dict[str, Author]:
    authors = {}
    for spec in content.load_authors():
        author = Author.objects.filter(slug=spec.key).first()
        if author is None:
            photo = demo_image(
                key=f"author-{spec.key}",
                title=spec.name,
                caption=spec.name,
                credit="Ayeyar Chronicle",
                alt=f"Portrait placeholder for {spec.name}",
            )
            author = Author.objects.create(
                slug=spec.key,
                name=spec.name,
                name_my=spec.name_my,
                role=spec.role,
                role_my=spec.role_my,
                short_bio=spec.short_bio[:200],
                short_bio_my=spec.short_bio_my[:300],
                bio=spec.bio,
                bio_my=spec.bio_my,
                email=spec.email,
                x_handle=spec.x_handle,
                website=spec.website,
                is_staff=spec.staff,
                photo=photo,
            )
        authors[spec.key] = author
    return authors


# --- Articles ---------------------------------------------------------------------------
def _body_blocks(
    spec: content.ArticleSpec, articles: dict[str, ArticlePage], *, with_related: bool
) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = []
    for number, block in enumerate(markup.parse_body(spec.body)):
        if isinstance(block.value, markup.ImageRef):
            ref = block.value
            image = demo_image(
                key=f"{spec.key}-{number}",
                title=ref.caption or spec.headline,
                caption=ref.caption,
                credit=ref.credit,
                alt=ref.alt,
            )
            value: Any = {"image": image.pk, "caption": "", "credit": "", "layout": "standard"}
        elif isinstance(block.value, markup.RelatedRef):
            target = articles.get(block.value.key)
            if not with_related:
                continue
            if target is None:
                raise content.ContentError(
                    f"article {spec.key!r} relates to unknown article {block.value.key!r}"
                )
            value = {"page": target.pk, "label": ""}
        else:
            value = block.value
        blocks.append({"type": block.type, "value": value})
    return blocks


def _ensure_articles(
    specs: list[content.ArticleSpec],
    sections: dict[tuple[str, str], SectionPage],
    authors: dict[str, Author],
    today: date,
    articles: dict[str, ArticlePage],
) -> tuple[int, int]:
    """Create what is missing as drafts first (so related links can point anywhere), then
    give each its full body and publish it at its story date."""
    new: list[content.ArticleSpec] = []
    for spec in specs:
        section = sections[(spec.language, spec.section)]
        existing = ArticlePage.objects.filter(locale_id=section.locale_id, slug=spec.key).first()
        if existing is not None:
            articles[spec.key] = existing
            continue
        articles[spec.key] = _create_draft(spec, section, sections, authors, articles)
        new.append(spec)
    for spec in new:
        _publish(spec, articles, today)
    return len(new), len(specs) - len(new)


def _create_draft(
    spec: content.ArticleSpec,
    section: SectionPage,
    sections: dict[tuple[str, str], SectionPage],
    authors: dict[str, Author],
    articles: dict[str, ArticlePage],
) -> ArticlePage:
    image = None
    if spec.featured_image:
        image = demo_image(
            key=spec.key,
            title=spec.headline,
            caption=spec.featured_image.get("caption", ""),
            credit=spec.featured_image.get("credit", ""),
            alt=spec.featured_image.get("alt", ""),
        )
    draft = ArticleDraft(
        title=spec.headline,
        slug=spec.key,
        body=_body_blocks(spec, articles, with_related=False),
        standfirst=spec.standfirst,
        kicker=spec.kicker,
        story_format=spec.story_format,
        authors=tuple(authors[key] for key in spec.authors),
        tags=spec.tags,
        featured_image=image,
        also_in_sections=tuple(sections[(spec.language, path)] for path in spec.also_in),
        claims=tuple(
            {
                "claim": claim["claim"],
                "claimant": claim["claimant"],
                "verdict": claim["verdict"],
                "evidence": claim.get("evidence", ""),
            }
            for claim in spec.claims
        ),
    )
    return create_article(section=section, draft=draft)


@transaction.atomic
def _publish(spec: content.ArticleSpec, articles: dict[str, ArticlePage], today: date) -> None:
    article = ArticlePage.objects.get(pk=articles[spec.key].pk)
    article.body = _body_blocks(spec, articles, with_related=True)
    article.save_revision()
    published_at = spec.published_at(today)
    publish_article(article=article, published_at=published_at)
    for correction in spec.corrections:
        noted_at = max(content.resolve_date(correction, today), published_at + timedelta(hours=3))
        add_correction(article=article, note=correction["note"], noted_at=noted_at)
    articles[spec.key] = article


def _link_counterparts(specs: list[content.ArticleSpec], articles: dict[str, ArticlePage]) -> None:
    for spec in specs:
        if not spec.counterpart:
            continue
        english = articles.get(spec.counterpart)
        if english is None:
            raise content.ContentError(
                f"article {spec.key!r} names unknown counterpart {spec.counterpart!r}"
            )
        burmese = ArticlePage.objects.get(pk=articles[spec.key].pk)
        if burmese.translation_key != english.translation_key:
            link_counterparts(article=english, counterpart=burmese)


# --- People -----------------------------------------------------------------------------
def credentials_path() -> Path:
    return Path(settings.VAR_DIR) / "demo-credentials.json"


def _ensure_users() -> dict[str, str]:
    """One account per role. Passwords are made once, kept in var/ (readable by the owner
    only) and printed by `masthead demo`."""
    path = credentials_path()
    saved: dict[str, str] = json.loads(path.read_text()) if path.exists() else {}
    User = get_user_model()
    for username, group_name, is_superuser in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None or username not in saved:
            password = secrets.token_urlsafe(12)
            if user is None:
                user = User(username=username, email=f"{username}@example.org")
            user.set_password(password)
            user.is_staff = True
            user.is_superuser = is_superuser
            user.save()
            saved[username] = password
        user.groups.add(Group.objects.get(name=group_name))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(saved, indent=2))
    path.chmod(0o600)
    return saved
