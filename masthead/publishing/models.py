"""What the publisher keeps in the database: the URLs waiting to be rendered, the footprint of
every published thing (so a later change knows which files it leaves behind) and the renders
that failed (shown to editors in the admin)."""

from __future__ import annotations

from django.db import models


class PendingRender(models.Model):
    """A URL whose file must be rendered again. A URL asked for many times in a burst is one
    row: `requested_at` moves on with each request, so the render waits for the burst to end
    (never longer than the publisher's patience, counted from `first_requested_at`)."""

    url = models.CharField(max_length=700, unique=True)
    priority = models.PositiveSmallIntegerField(default=5)
    first_requested_at = models.DateTimeField()
    requested_at = models.DateTimeField()

    class Meta:
        indexes = [models.Index(fields=["priority", "requested_at"])]

    def __str__(self) -> str:
        return self.url


class Footprint(models.Model):
    """The URLs and listings a published thing (a page, an author, a tag) appeared on when it
    was last published, so that unpublishing or moving it re-renders where it used to be."""

    key = models.CharField(max_length=100, unique=True)  # "page:12", "author:3"
    urls = models.JSONField(default=list)
    listings = models.JSONField(default=list)  # [[kind, id, locale id], ...]
    # For stories: their place in listings (ordered by first publication), the section whose
    # neighbours link to them, and the counterparts that link to them.
    published_at = models.DateTimeField(null=True)
    parent_id = models.IntegerField(null=True)
    translation_key = models.UUIDField(null=True)

    def __str__(self) -> str:
        return self.key


class RenderFailure(models.Model):
    """A URL whose last render failed; its previous file, if any, is still being served."""

    url = models.CharField(max_length=700, unique=True)
    error = models.TextField()
    failed_at = models.DateTimeField(auto_now=True)
    attempts = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-failed_at"]

    def __str__(self) -> str:
        return self.url


class ContentGeneration(models.Model):
    """One row: a token replaced by every change to what reader pages show, in the change's
    own transaction. Reads shared by many renders are kept under it (masthead/core/memo.py)."""

    token = models.CharField(max_length=32)

    def __str__(self) -> str:
        return self.token
