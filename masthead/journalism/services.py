"""Every write to the newsroom's content goes through a function here.

Views, admin hooks, commands, the demo loader and importers call these; page models hold
no business logic. Each service is atomic, and what follows a write (rendering files,
reindexing) hangs off Wagtail's publish signals once the transaction commits.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale, Page, Revision, Site

from masthead.core.editions import EDITIONS
from masthead.journalism.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    ContactMessage,
    ContactPage,
    Correction,
    EditionSettings,
    FactCheckClaim,
    HomePage,
    SectionPage,
)
from masthead.journalism.signals import rows_updated

User = AbstractBaseUser | AnonymousUser


# --- Editions -----------------------------------------------------------------------------
@dataclass(frozen=True)
class EditionHomes:
    english: HomePage
    burmese: HomePage


@transaction.atomic
def ensure_editions(*, site_name: str = "masthead") -> EditionHomes:
    """Make sure both editions exist: their locales, their front pages (linked as
    translations of each other), the default site pointing at the English front, and a
    settings record per edition. Safe to run any number of times."""
    locales = {code: Locale.objects.get_or_create(language_code=code)[0] for code in EDITIONS}
    root = Page.get_first_root_node()
    english = HomePage.objects.filter(locale=locales["en"], depth=2).first()
    if english is None:
        english = HomePage(title=site_name, slug="home-en", locale=locales["en"])
        root.add_child(instance=english)
        english.save_revision().publish()
    burmese = HomePage.objects.filter(locale=locales["my"], depth=2).first()
    if burmese is None:
        burmese = english.copy_for_translation(locales["my"])
        burmese.slug = "home-my"
        burmese.save()
        burmese.save_revision().publish()

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=english,
            is_default_site=True,
            site_name=site_name,
        )
    elif site.root_page_id != english.pk:
        site.root_page = english
        site.save()
    _remove_wagtail_welcome_page(root)

    for locale in locales.values():
        EditionSettings.objects.get_or_create(locale=locale, defaults={"name": site_name})
    return EditionHomes(english=english, burmese=burmese)


def _remove_wagtail_welcome_page(root: Page) -> None:
    """Wagtail's first migration plants a placeholder "Welcome" page; editions replace it."""
    for child in root.get_children():
        if child.specific_class is Page and child.numchild == 0:
            child.delete()


def edition_home(language: str) -> HomePage:
    return HomePage.objects.get(locale__language_code=language, depth=2)


# --- Sections -----------------------------------------------------------------------------
@transaction.atomic
def create_section(
    *,
    parent: Page,
    title: str,
    slug: str,
    in_menu: bool = True,
    in_footer_map: bool = True,
    intro: str = "",
) -> SectionPage:
    section = SectionPage(
        title=title,
        slug=slug,
        show_in_menus=in_menu,
        in_footer_map=in_footer_map,
        intro=intro,
        locale_id=parent.locale_id,
    )
    if not SectionPage.can_create_at(parent):
        raise ValidationError("Sections go two levels deep at most: front › section › subsection.")
    parent.add_child(instance=section)
    section.save_revision().publish()
    return section


# --- Articles -----------------------------------------------------------------------------
@dataclass
class ArticleDraft:
    """What a new story is made of, before it exists."""

    title: str
    slug: str
    body: Any
    standfirst: str = ""
    kicker: str = ""
    story_format: str = "news"
    authors: tuple[Author, ...] = ()
    tags: tuple[str, ...] = ()
    featured_image: Any = None
    featured_caption: str = ""
    featured_credit: str = ""
    also_in_sections: tuple[SectionPage, ...] = ()
    claims: tuple[dict[str, Any], ...] = ()


@transaction.atomic
def create_article(
    *, section: SectionPage, draft: ArticleDraft, user: User | None = None
) -> ArticlePage:
    """Create a story as a draft in its primary section."""
    article = ArticlePage(
        title=draft.title,
        slug=draft.slug,
        standfirst=draft.standfirst,
        kicker=draft.kicker,
        story_format=draft.story_format,
        body=draft.body,
        featured_image=draft.featured_image,
        featured_caption=draft.featured_caption,
        featured_credit=draft.featured_credit,
        locale_id=section.locale_id,
        live=False,
    )
    article.bylines = [ArticleAuthor(author=author) for author in draft.authors]
    article.claims = [FactCheckClaim(**claim) for claim in draft.claims]
    article.also_in_sections = list(draft.also_in_sections)
    article.tags.add(*draft.tags)
    section.add_child(instance=article)
    article.save_revision(user=_real_user(user))
    return article


def _real_user(user: User | None) -> AbstractBaseUser | None:
    return user if isinstance(user, AbstractBaseUser) else None


def _check_can_publish(page: Page, user: User | None) -> None:
    if user is not None and not page.permissions_for_user(user).can_publish():
        raise PermissionDenied("You may submit this story for review, but not publish it.")


@transaction.atomic
def publish_article(
    *, article: ArticlePage, user: User | None = None, published_at: datetime | None = None
) -> Revision:
    """Publish the story's latest revision now. `published_at` backdates a first
    publication (importers and the demo use it); it never moves a published story's date."""
    _check_can_publish(article, user)
    revision = article.latest_revision or article.save_revision(user=_real_user(user))
    revision.publish(user=_real_user(user))
    if published_at is not None:
        ArticlePage.objects.filter(pk=article.pk).update(
            first_published_at=published_at, last_published_at=published_at
        )
        rows_updated.send(sender=ArticlePage)
        article.first_published_at = published_at
        article.last_published_at = published_at
    return revision


@transaction.atomic
def schedule_article(
    *, article: ArticlePage, go_live_at: datetime, user: User | None = None
) -> Revision:
    """Approve the story's latest revision to go live at `go_live_at` (the task worker's
    scheduler publishes it within a minute of that time)."""
    if go_live_at <= timezone.now():
        raise ValidationError("A scheduled time must be in the future; publish it now instead.")
    _check_can_publish(article, user)
    draft = article.get_latest_revision_as_object()
    draft.go_live_at = go_live_at
    revision = draft.save_revision(user=_real_user(user))
    revision.publish(user=_real_user(user))
    return revision


@transaction.atomic
def unpublish_article(*, article: ArticlePage, user: User | None = None) -> None:
    _check_can_publish(article, user)
    article.unpublish(user=_real_user(user))


@transaction.atomic
def add_correction(
    *, article: ArticlePage, note: str, user: User | None = None, noted_at: datetime | None = None
) -> Correction:
    """Add a dated correction to a live story and publish it at once. A pending draft by
    another editor keeps its changes: the correction is added to the draft as well."""
    note = note.strip()
    if not note:
        raise ValidationError("A correction needs a note saying what was wrong.")
    _check_can_publish(article, user)
    noted_at = noted_at or timezone.now()
    live = ArticlePage.objects.get(pk=article.pk)
    pending_draft = live.get_latest_revision_as_object() if live.has_unpublished_changes else None

    live.corrections.add(Correction(noted_at=noted_at, note=note))
    live.updated_at = noted_at
    live.save_revision(user=_real_user(user)).publish(user=_real_user(user))

    if pending_draft is not None:
        pending_draft.corrections.add(Correction(noted_at=noted_at, note=note))
        pending_draft.updated_at = noted_at
        pending_draft.save_revision(user=_real_user(user))
    return live.corrections.get(noted_at=noted_at, note=note)


@transaction.atomic
def link_counterparts(*, article: ArticlePage, counterpart: ArticlePage) -> None:
    """Mark two stories as the same story in the two editions (Wagtail's translation key),
    so each page links to the other and declares it in its hreflang links."""
    if article.locale_id == counterpart.locale_id:
        raise ValidationError("Counterparts must be in different editions.")
    clash = (
        ArticlePage.objects.filter(
            translation_key=article.translation_key, locale_id=counterpart.locale_id
        )
        .exclude(pk=counterpart.pk)
        .exists()
    )
    if clash:
        raise ValidationError("That story already has a counterpart in the other edition.")
    Page.objects.filter(pk=counterpart.pk).update(translation_key=article.translation_key)
    rows_updated.send(sender=Page)
    counterpart.translation_key = article.translation_key


# --- Contact messages -------------------------------------------------------------------------
@transaction.atomic
def receive_contact_message(
    *, page: ContactPage | None, data: dict[str, Any], language: str
) -> ContactMessage:
    """Store a reader's message first, then email it from the task queue: a dead mail
    server delays the email but never loses the message."""
    message = ContactMessage.objects.create(
        page=page,
        name=data["name"],
        email=data["email"],
        subject=data.get("subject", ""),
        message=data["message"],
        language=language,
    )
    from masthead.journalism.tasks import email_contact_message

    transaction.on_commit(lambda: email_contact_message.enqueue(message_id=message.pk))
    return message


def send_contact_message_email(*, message_id: int) -> None:
    message = ContactMessage.objects.get(pk=message_id)
    if message.emailed:
        return
    send_mail(
        subject=f"[contact] {message.subject or message.message[:60]}",
        message=f"From: {message.name} <{message.email}>\nEdition: {message.language}\n\n"
        f"{message.message}",
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[settings.MASTHEAD_CONTACT_EMAIL],
    )
    ContactMessage.objects.filter(pk=message_id).update(emailed=True)


# --- Zawgyi left in stored text -----------------------------------------------------------------
def _unzawgyi(value: Any) -> Any:
    """The value with every surely-Zawgyi paragraph of every string in it converted."""
    from masthead import burmese

    if isinstance(value, str):
        return burmese.fix_zawgyi(value).text
    raw = getattr(value, "raw_data", None)
    if raw is not None:
        return _unzawgyi(list(raw))
    if isinstance(value, dict):
        return {key: _unzawgyi(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_unzawgyi(item) for item in value]
    return value


def _convert_fields(obj: Any, fields: set[str]) -> None:
    for name in fields:
        setattr(obj, name, _unzawgyi(getattr(obj, name)))


@transaction.atomic
def convert_stored_zawgyi(*, model_label: str, pk: int, fields: set[str]) -> None:
    """Convert the surely-Zawgyi paragraphs of one stored object to Unicode.

    A page is corrected through a new revision, published when the page was live with no
    pending draft; when a draft is pending, the draft gets a corrected revision and the live
    row is corrected in place, so neither the draft nor the live story keeps Zawgyi.
    """
    from django.apps import apps

    model = apps.get_model(model_label)
    obj = model.objects.get(pk=pk)
    if not isinstance(obj, Page):
        _convert_fields(obj, fields)
        obj.save()
        return
    draft = obj.get_latest_revision_as_object()
    _convert_fields(draft, fields)
    if obj.live and obj.has_unpublished_changes:
        draft.save_revision()
        model.objects.filter(pk=pk).update(
            **{name: _unzawgyi(getattr(obj, name)) for name in fields}
        )
        rows_updated.send(sender=model)
    elif obj.live:
        draft.save_revision().publish()
    else:
        draft.save_revision()
