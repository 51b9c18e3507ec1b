"""The search index: one row per live story, its stored text, and the vocabulary.

- ``SearchDocument`` is what results show and rank by: headline, address, date, section,
  authors, and the tokens of the headline, standfirst and extra fields (``ranking``). Its
  primary key is the story's *key* (keys.py): edition and publication time packed into one
  integer, newest first, which is also the row id in the engine's index, so an edition, a
  date range and "newest first" are ranges and orders of one integer that the engine reads
  without joining anything.
- ``SearchText`` holds what only some requests read: the compressed body text snippets
  are cut from, and (on SQLite) the compressed engine text of the story (terms.py),
  needed to take the story out of the engine's index and the vocabulary again. On
  PostgreSQL its table also carries the story's tsvector with a GIN index (added by the
  migration), in rows kept narrow so an index lookup reads few pages.
- ``SearchTerm`` counts the stories each engine term occurs in: completions of a word being
  typed, which English word forms exist, and how rare each term is, for ranking.

The words themselves are indexed by the engine: an FTS5 table on SQLite
(backends/sqlite_fts5.py), the tsvector column on PostgreSQL (backends/postgres.py).
"""

from __future__ import annotations

from typing import Any

from django.db import models


class KeyField(models.BigIntegerField):
    """A 64-bit integer key that is SQLite's row id (``integer primary key``), so rows are
    stored in key order there; a bigint elsewhere."""

    def db_type(self, connection: Any) -> str | None:
        if connection.vendor == "sqlite":
            return "integer"
        return super().db_type(connection)


class SearchDocument(models.Model):
    key = KeyField(primary_key=True)  # edition, then newest first: see keys.py
    page = models.OneToOneField("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    url = models.CharField(max_length=1000)
    published_at = models.DateTimeField()
    headline = models.TextField()
    standfirst = models.TextField(blank=True)  # normalised: a snippet when the body has none
    section_title = models.CharField(max_length=255, blank=True)
    # [{"name": ..., "name_my": ...}] in byline order
    authors = models.JSONField(default=list, blank=True)
    # Engine tokens of the headline, standfirst and extra fields, tab-separated (ranking.py)
    ranking = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.headline


class SearchText(models.Model):
    document = models.OneToOneField(
        SearchDocument, on_delete=models.CASCADE, primary_key=True, related_name="stored"
    )
    text = models.BinaryField()  # zlib: the plain body text, where snippets come from
    # zlib: the engine text FTS5 received (terms.py); empty on PostgreSQL, whose vector
    # holds the story's terms itself
    terms = models.BinaryField(blank=True, default=b"")

    def __str__(self) -> str:
        return f"text of {self.document_id}"


class SearchTerm(models.Model):
    term = models.CharField(max_length=200, primary_key=True)
    documents = models.IntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["term", "documents"], name="search_term_documents")]

    def __str__(self) -> str:
        return self.term
