"""Content events → publisher tasks. Each task is queued when the editor's transaction
commits, so the worker sees what the editor saved."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from masthead.journalism.models import ArticleTag, Author, EditionSettings, NewsImage, Tag
from masthead.journalism.weather.signals import weather_changed
from masthead.publishing import tasks

_paused: ContextVar[bool] = ContextVar("publishing_paused", default=False)


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Queue nothing while bulk work runs (loading the demo); a full build follows it."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def _later(enqueue: Callable[[], Any]) -> None:
    if not _paused.get():
        transaction.on_commit(enqueue)


def _page_event(sender: Any, instance: Page, **kwargs: Any) -> None:
    page_id = instance.pk
    _later(lambda: tasks.queue_page_event(page_id))


def _page_moved(sender: Any, instance: Page, **kwargs: Any) -> None:
    ids = [instance.pk, *Page.objects.descendant_of(instance).values_list("pk", flat=True)]
    _later(lambda: tasks.refresh_subtree.enqueue(ids))


# Ids and slugs are read now: Django clears a deleted object's id before the commit.
def _old_slug(sender: Any, instance: Author | Tag, **kwargs: Any) -> None:
    if instance.pk:
        instance._slug_before_save = (
            sender.objects.filter(pk=instance.pk).values_list("slug", flat=True).first()
        )


def _author_saved(sender: Any, instance: Author, **kwargs: Any) -> None:
    author_id, old_slug = instance.pk, getattr(instance, "_slug_before_save", None)
    _later(lambda: tasks.refresh_author.enqueue(author_id, old_slug))


def _author_deleted(sender: Any, instance: Author, **kwargs: Any) -> None:
    author_id, slug = instance.pk, instance.slug
    story_ids = list(instance.bylines.values_list("page_id", flat=True))
    _later(lambda: tasks.refresh_author.enqueue(author_id, slug))
    _later(lambda: tasks.refresh_subtree.enqueue(story_ids))


def _tag_saved(sender: Any, instance: Tag, **kwargs: Any) -> None:
    tag_id, old_slug = instance.pk, getattr(instance, "_slug_before_save", None)
    _later(lambda: tasks.refresh_tag.enqueue(tag_id, old_slug))


def _tag_deleted(sender: Any, instance: Tag, **kwargs: Any) -> None:
    tag_id, slug = instance.pk, instance.slug
    story_ids = list(
        ArticleTag.objects.filter(tag=instance).values_list("content_object_id", flat=True)
    )
    _later(lambda: tasks.refresh_tag.enqueue(tag_id, slug))
    _later(lambda: tasks.refresh_subtree.enqueue(story_ids))


def _image_saved(sender: Any, instance: NewsImage, **kwargs: Any) -> None:
    image_id = instance.pk
    _later(lambda: tasks.refresh_image.enqueue(image_id))


def _edition_settings_saved(sender: Any, instance: EditionSettings, **kwargs: Any) -> None:
    locale_id = instance.locale_id
    _later(lambda: tasks.refresh_edition.enqueue(locale_id))


def _weather_changed(sender: Any, **kwargs: Any) -> None:
    """The fronts and the header fragment show the weather: re-render them (unchanged files
    are left as they are)."""
    _later(lambda: tasks.refresh_daily_pages.enqueue())


def connect() -> None:
    weather_changed.connect(_weather_changed, dispatch_uid="masthead-publish-weather")
    page_published.connect(_page_event, dispatch_uid="masthead-publish-published")
    page_unpublished.connect(_page_event, dispatch_uid="masthead-publish-unpublished")
    post_delete.connect(_page_event, sender=Page, dispatch_uid="masthead-publish-deleted")
    post_page_move.connect(_page_moved, dispatch_uid="masthead-publish-moved")
    pre_save.connect(_old_slug, sender=Author, dispatch_uid="masthead-publish-author-slug")
    pre_save.connect(_old_slug, sender=Tag, dispatch_uid="masthead-publish-tag-slug")
    post_save.connect(_author_saved, sender=Author, dispatch_uid="masthead-publish-author")
    pre_delete.connect(_author_deleted, sender=Author, dispatch_uid="masthead-publish-author")
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid="masthead-publish-tag")
    pre_delete.connect(_tag_deleted, sender=Tag, dispatch_uid="masthead-publish-tag")
    for model, receiver in (
        (NewsImage, _image_saved),
        (EditionSettings, _edition_settings_saved),
    ):
        for signal in (post_save, post_delete):
            signal.connect(
                receiver, sender=model, dispatch_uid=f"masthead-publish-{model.__name__}"
            )
