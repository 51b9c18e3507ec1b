"""Content events → index tasks, queued when the editor's transaction commits (as the
publisher's are): publish, unpublish and move of stories, and changes to what a story's
index holds from elsewhere (an author's names, a tag's name, a section's title).

A deleted page takes its search document with it (a cascade); before any document row is
deleted its terms are taken out of the engine's index and the vocabulary, in the same
transaction (services.forget_document)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.db.models.signals import post_save, pre_delete
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from masthead.journalism.models import ArticlePage, ArticleTag, Author, SectionPage, Tag
from masthead.journalism.models.querysets import descendant_paths
from masthead.search import services, tasks
from masthead.search.models import SearchDocument


def _later(enqueue: Callable[[], Any]) -> None:
    transaction.on_commit(enqueue)


def _queue_index(page_ids: list[int]) -> None:
    if page_ids:
        _later(lambda: tasks.index_pages.enqueue(page_ids))


def _stories_below(page: Page) -> list[int]:
    return list(
        ArticlePage.objects.filter(**descendant_paths(page.path)).values_list("pk", flat=True)
    )


def _published(sender: Any, instance: Page, **kwargs: Any) -> None:
    if isinstance(instance, ArticlePage):
        _queue_index([instance.pk])
    elif isinstance(instance, SectionPage):
        _queue_index(_stories_below(instance))  # its title is in their index


def _unpublished(sender: Any, instance: Page, **kwargs: Any) -> None:
    if isinstance(instance, ArticlePage):
        page_id = instance.pk
        _later(lambda: tasks.remove_pages.enqueue([page_id]))


def _document_deleted(sender: Any, instance: SearchDocument, **kwargs: Any) -> None:
    services.forget_document(instance)


def _moved(sender: Any, instance: Page, **kwargs: Any) -> None:
    _queue_index([instance.pk, *_stories_below(instance)])


def _author_saved(sender: Any, instance: Author, **kwargs: Any) -> None:
    _queue_index(list(instance.bylines.values_list("page_id", flat=True)))


def _tag_saved(sender: Any, instance: Tag, **kwargs: Any) -> None:
    _queue_index(
        list(ArticleTag.objects.filter(tag=instance).values_list("content_object_id", flat=True))
    )


def connect() -> None:
    page_published.connect(_published, dispatch_uid="masthead-search-published")
    page_unpublished.connect(_unpublished, dispatch_uid="masthead-search-unpublished")
    pre_delete.connect(
        _document_deleted, sender=SearchDocument, dispatch_uid="masthead-search-forget"
    )
    post_page_move.connect(_moved, dispatch_uid="masthead-search-moved")
    post_save.connect(_author_saved, sender=Author, dispatch_uid="masthead-search-author")
    post_save.connect(_tag_saved, sender=Tag, dispatch_uid="masthead-search-tag")
