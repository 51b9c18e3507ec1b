"""A synthetic archive for scale tests and benchmarks: `masthead generate --articles N`.

Stories are spread over the demo's sections, authors and tags and over twenty years, with
bodies of realistic length in English and Burmese. To write 100,000 stories in minutes the
generator inserts tree rows in bulk (computing Wagtail's tree paths itself) instead of
adding pages one by one; the stories are live and behave like any other, but have no
revision history until an editor first changes them.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from masthead.demo import corpus
from masthead.demo.images import demo_image
from masthead.demo.loader import ensure_demo_authors, ensure_demo_sections
from masthead.journalism.models import (
    ArticleAuthor,
    ArticlePage,
    ArticleTag,
    Author,
    NewsImage,
    SectionPage,
    Tag,
)
from masthead.journalism.services import ensure_editions

TREE_ALPHABET = Page.alphabet
STEP = Page.steplen
IMAGE_POOL = 24


def _step_to_int(step: str) -> int:
    return int(step, len(TREE_ALPHABET))


def _int_to_step(number: int) -> str:
    digits = ""
    base = len(TREE_ALPHABET)
    while number:
        number, remainder = divmod(number, base)
        digits = TREE_ALPHABET[remainder] + digits
    return digits.rjust(STEP, TREE_ALPHABET[0])


def _insert_article_rows(articles: Iterable[ArticlePage]) -> None:
    """Insert the article table's own rows in one statement per batch. Django's bulk_create
    refuses multi-table models, and saving one by one would also fire the search and
    reference-index signals for every story (`masthead search reindex` covers them)."""
    fields = ArticlePage._meta.local_concrete_fields
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(ArticlePage._meta.db_table)} ({columns}) VALUES ({placeholders})"
    rows = [
        [field.get_db_prep_save(getattr(article, field.attname), connection) for field in fields]
        for article in articles
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


@dataclass
class GenerateReport:
    created: int
    burmese: int
    seconds: float


@dataclass
class _SectionSlot:
    """A section that receives generated stories, and the next free tree position in it."""

    section: SectionPage
    next_step: int
    added: int = 0

    def take_path(self) -> str:
        path = self.section.path + _int_to_step(self.next_step)
        self.next_step += 1
        self.added += 1
        return path


def _slots(language: str) -> list[_SectionSlot]:
    home_sections = ensure_demo_sections(language)
    slots = []
    for section in home_sections:
        last = (
            Page.objects.filter(path__startswith=section.path, depth=section.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        next_step = _step_to_int(last[-STEP:]) + 1 if last else 1
        slots.append(_SectionSlot(section=section, next_step=next_step))
    return slots


def _tags(language: str, rng: random.Random) -> list[Tag]:
    names = corpus.tag_names(language)
    existing = {tag.name.lower(): tag for tag in Tag.objects.filter(name__in=names)}
    missing = [name for name in names if name.lower() not in existing]
    for name in missing:
        tag = Tag(name=name)
        tag.slug = tag.slugify(name)
        if Tag.objects.filter(slug=tag.slug).exists():
            tag.slug = f"{tag.slug}-{uuid.uuid4().hex[:6]}"
        tag.save()
        existing[name.lower()] = tag
    return list(existing.values())


def _image_pool() -> list[NewsImage]:
    return [
        demo_image(
            key=f"archive-{number}",
            title=f"Archive picture {number}",
            caption="",
            credit="Ayeyar Chronicle archive",
            alt="A landscape in Myanmar",
        )
        for number in range(IMAGE_POOL)
    ]


def _published_at(rng: random.Random, now: datetime, years: int) -> datetime:
    # More stories in recent years, as a growing newsroom publishes more.
    fraction = math.sqrt(rng.random())
    return now - timedelta(seconds=(1 - fraction) * years * 365.25 * 86400)


def generate_archive(
    *,
    count: int,
    burmese_share: float = 0.3,
    seed: int = 2021,
    years: int = 20,
    batch_size: int = 1000,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> GenerateReport:
    started = timezone.now()
    rng = random.Random(seed)
    ensure_editions()
    authors = list(ensure_demo_authors().values()) or list(Author.objects.all())
    slots = {"en": _slots("en"), "my": _slots("my")}
    tags = {"en": _tags("en", rng), "my": _tags("my", rng)}
    images = _image_pool()
    homes_locale = {language: slots[language][0].section.locale_id for language in ("en", "my")}
    content_type = ContentType.objects.get_for_model(ArticlePage)
    serial_start = ArticlePage.objects.count()
    now = timezone.now()
    created = burmese = 0
    while created < count:
        size = min(batch_size, count - created)
        with transaction.atomic():
            pages, articles, bylines, taggings = [], [], [], []
            for offset in range(size):
                serial = serial_start + created + offset
                language = "my" if rng.random() < burmese_share else "en"
                burmese += language == "my"
                slot = rng.choice(slots[language])
                story = corpus.story(language, rng)
                published = _published_at(rng, now, years)
                slug = f"{story.slug}-{serial}"
                page = Page(
                    content_type=content_type,
                    title=story.headline,
                    draft_title=story.headline,
                    slug=slug,
                    path=slot.take_path(),
                    depth=slot.section.depth + 1,
                    numchild=0,
                    url_path=f"{slot.section.url_path}{slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale_id=homes_locale[language],
                    translation_key=uuid.UUID(int=rng.getrandbits(128), version=4),
                )
                pages.append(page)
                articles.append(
                    {
                        "kicker": "",
                        "standfirst": story.standfirst,
                        "story_format": story.story_format,
                        "body": story.blocks,
                        "featured_image": rng.choice(images) if rng.random() < 0.7 else None,
                        "reading_minutes": story.reading_minutes,
                    }
                )
                chosen_authors = rng.sample(authors, k=1 if rng.random() < 0.85 else 2)
                bylines.append(chosen_authors)
                taggings.append(rng.sample(tags[language], k=rng.randint(1, 4)))
            Page.objects.bulk_create(pages)
            _insert_article_rows(
                ArticlePage(page_ptr_id=page.pk, **fields)
                for page, fields in zip(pages, articles, strict=True)
            )
            ArticleAuthor.objects.bulk_create(
                ArticleAuthor(page_id=page.pk, author=author, sort_order=order)
                for page, chosen in zip(pages, bylines, strict=True)
                for order, author in enumerate(chosen)
            )
            ArticleTag.objects.bulk_create(
                ArticleTag(content_object_id=page.pk, tag=tag)
                for page, chosen in zip(pages, taggings, strict=True)
                for tag in chosen
            )
        created += size
        progress(created, count)
    for language_slots in slots.values():
        for slot in language_slots:
            if slot.added:
                Page.objects.filter(pk=slot.section.pk).update(
                    numchild=Page.objects.filter(
                        path__startswith=slot.section.path, depth=slot.section.depth + 1
                    ).count()
                )
    return GenerateReport(
        created=created, burmese=burmese, seconds=(timezone.now() - started).total_seconds()
    )
