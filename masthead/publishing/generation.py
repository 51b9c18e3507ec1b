"""The content generation: one token that every change to what reader pages show replaces.

Menus, footers, edition settings and rendered story bodies are kept in each process under
the current token (masthead/core/memo.py), so a request pays one small query to learn it
instead of a dozen to rebuild them. The token is replaced inside the transaction that makes
the change, so a request that sees the new token also sees the new content. Tokens are
random, never counted: a transaction rolled back leaves the old token, and a later change
can never land on a token some process still holds values for.
"""

from __future__ import annotations

import uuid
from typing import Any

from django.apps import apps
from django.core.signals import request_finished, request_started
from django.db import connection
from django.db.models import Model
from django.db.models.signals import m2m_changed, post_delete, post_save
from wagtail.images.models import AbstractRendition
from wagtail.models import Locale, Page, PageViewRestriction, Site

from masthead.core import memo
from masthead.journalism.signals import rows_updated
from masthead.publishing.models import ContentGeneration

ROW = 1
# Written by readers or by renders, not by editors: no reader page shows them as content.
NOT_CONTENT = {"journalism.ContactMessage"}


def current_token() -> str | None:
    """The token, with the cheapest query there is; None before any change was recorded."""
    table = connection.ops.quote_name(ContentGeneration._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT token FROM {table} WHERE id = %s", [ROW])
        row = cursor.fetchone()
    return row[0] if row else None


def advance() -> str:
    """Record a change: every value kept under the old token is read afresh."""
    token = uuid.uuid4().hex
    if not ContentGeneration.objects.filter(pk=ROW).update(token=token):
        ContentGeneration.objects.update_or_create(pk=ROW, defaults={"token": token})
    memo.content_changed()
    return token


def content_models() -> list[type[Model]]:
    """Models whose rows reader pages show: every page type, sites, locales, view
    restrictions, and the newsroom's own models (authors, tags, pictures, settings...)."""
    found: list[type[Model]] = [Site, Locale, PageViewRestriction]
    for model in apps.get_models():
        if model._meta.label in NOT_CONTENT or issubclass(model, AbstractRendition):
            continue
        if issubclass(model, Page) or model._meta.app_label == "journalism":
            found.append(model)
    return found


def _changed(sender: Any, **kwargs: Any) -> None:
    advance()


def _relations_changed(sender: Any, action: str, **kwargs: Any) -> None:
    if action.startswith("post_"):
        advance()


def connect() -> None:
    """Replace the token on every save and delete of content (and every update the
    journalism layer reports), and read it for the shared reads. Receivers are connected
    per model: a receiver for every sender would turn off Django's fast bulk deletes
    everywhere."""
    for model in content_models():
        uid = f"masthead-generation-{model._meta.label_lower}"
        post_save.connect(_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(
                _relations_changed, sender=through, dispatch_uid=f"{uid}-{field.name}"
            )
    rows_updated.connect(_changed, dispatch_uid="masthead-generation-rows-updated")
    request_started.connect(_request_started, dispatch_uid="masthead-generation-request")
    request_finished.connect(_request_finished, dispatch_uid="masthead-generation-request")
    memo.set_generation_source(current_token)


def _request_started(sender: Any, **kwargs: Any) -> None:
    memo.begin_request()


def _request_finished(sender: Any, **kwargs: Any) -> None:
    memo.end_request()
