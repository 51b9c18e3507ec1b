from __future__ import annotations

from typing import Any

from django.db import models
from modelcluster.fields import ParentalKey
from taggit.models import TagBase, TaggedItemBase

from masthead.burmese import slugify as burmese_slugify


class Tag(TagBase):
    """A topic label. Slugs keep Burmese script intact (Django's slugify would strip its
    vowel signs); a tag whose name yields no slug falls back to its id."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True, allow_unicode=True)

    class Meta:
        ordering = ["name"]

    def slugify(self, tag: str, i: Any = None) -> str:
        slug = burmese_slugify(tag, max_length=90) or "tag"
        return f"{slug}-{i}" if i is not None else slug


class ArticleTag(TaggedItemBase):
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="tagged_articles")
    content_object = ParentalKey(
        "journalism.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )
