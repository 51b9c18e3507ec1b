"""Chainable reads over articles: ArticlePage.objects.live().in_section(s).recent()."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.db.models.expressions import Expression
from django.utils import timezone
from wagtail.query import PageQuerySet

from masthead.core.time import display_zone, local_midnight

if TYPE_CHECKING:
    from wagtail.models import Page

    from masthead.journalism.models import Author, SectionPage, Tag


def descendant_paths(path: str) -> dict[str, str]:
    """Filter arguments for the pages below the one at `path`: a range over the indexed path
    column (a LIKE prefix match cannot use an index on SQLite)."""
    # Tree paths use 0-9 and A-Z; "~" sorts after all of them.
    return {"path__gt": path, "path__lt": path + "~"}


def child_paths(page: Page) -> dict[str, Any]:
    """Filter arguments for the pages right below `page`: `child_of` as a range over the
    indexed (depth, path) columns, which its LIKE cannot use on SQLite (it would read every
    page at that depth: every story of an edition)."""
    return {**descendant_paths(page.path), "depth": page.depth + 1}


Bounds = tuple[datetime, datetime]  # the first and last value of a field, local


def local_year(bounds: Bounds, field: str = "first_published_at") -> Expression:
    """The year of `field` in the newsroom's time zone, for grouping the rows within
    `bounds` (`local_bounds`), as a plain comparison with each year's first instant.
    ExtractYear with a time zone calls a Python function for every row on SQLite: a second
    for 100,000 stories."""
    first, last = bounds
    starts = [(year, date(year, 1, 1)) for year in range(first.year, last.year + 1)]
    return _period_of(field, starts, next_start=date(last.year + 1, 1, 1))


def local_month(bounds: Bounds, field: str = "first_published_at") -> Expression:
    """As `local_year`, the month (1 to 12)."""
    first, last = bounds
    months = range(first.year * 12 + first.month - 1, last.year * 12 + last.month)
    starts = [(n % 12 + 1, date(n // 12, n % 12 + 1, 1)) for n in months]
    after = last.year * 12 + last.month
    return _period_of(field, starts, next_start=date(after // 12, after % 12 + 1, 1))


def local_bounds(queryset: QuerySet[Any], field: str = "first_published_at") -> Bounds:
    """The first and last value of `field`, local: each read along its index (an aggregate
    would read every row)."""
    values = queryset.exclude(**{f"{field}__isnull": True}).values_list(field, flat=True)
    first, last = values.order_by(field).first(), values.order_by(f"-{field}").first()
    if first is None or last is None:
        first = last = timezone.now()
    return first.astimezone(display_zone()), last.astimezone(display_zone())


def _period_of(field: str, starts: list[tuple[int, date]], next_start: date) -> Expression:
    """Which period `field` falls in: the label of the last start it is not before."""
    ends = [start for _, start in starts[1:]] + [next_start]
    return Case(
        *(
            When(**{f"{field}__lt": local_midnight(end)}, then=Value(label))
            for (label, _), end in zip(starts, ends, strict=True)
        ),
        output_field=IntegerField(),
    )


class ArticlePageQuerySet(PageQuerySet):
    def in_edition(self, language: str) -> ArticlePageQuerySet:
        return self.filter(locale__language_code=language)

    def in_section(self, section: SectionPage) -> ArticlePageQuerySet:
        """Stories filed under the section or its subsections, or also listed in it."""
        from masthead.journalism.models import ArticlePage

        also_listed = ArticlePage.also_in_sections.through.objects.filter(
            sectionpage_id=section.pk
        ).values("articlepage_id")
        return self.filter(Q(**descendant_paths(section.path)) | Q(pk__in=also_listed))

    def by_author(self, author: Author) -> ArticlePageQuerySet:
        from masthead.journalism.models import ArticleAuthor

        return self.filter(pk__in=ArticleAuthor.objects.filter(author=author).values("page_id"))

    def tagged(self, tag: Tag) -> ArticlePageQuerySet:
        from masthead.journalism.models import ArticleTag

        return self.filter(pk__in=ArticleTag.objects.filter(tag=tag).values("content_object_id"))

    def recent(self) -> ArticlePageQuerySet:
        return self.order_by("-first_published_at", "-pk")

    def published_between(self, start: date, end: date) -> ArticlePageQuerySet:
        """Published on local (Myanmar-time) days start..end inclusive."""
        return self.filter(
            first_published_at__gte=local_midnight(start),
            first_published_at__lt=local_midnight(end + timedelta(days=1)),
        )

    def on_this_day(self, day: date) -> ArticlePageQuerySet:
        """Published on this calendar day (local time) in earlier years: that day's local
        window in each year, read along the index (ExtractMonth with a time zone calls a
        Python function for every row on SQLite)."""
        first, _ = local_bounds(self)
        windows = Q()
        for year in range(first.year, day.year):
            try:
                earlier = day.replace(year=year)
            except ValueError:  # 29 February, in a year without one
                continue
            windows |= Q(
                first_published_at__gte=local_midnight(earlier),
                first_published_at__lt=local_midnight(earlier + timedelta(days=1)),
            )
        return self.filter(windows) if windows else self.none()

    def for_listing(self) -> ArticlePageQuerySet:
        """Everything a story card shows, in a fixed number of queries."""
        from masthead.journalism.models import ArticleAuthor

        return self.select_related("featured_image", "locale").prefetch_related(
            Prefetch(
                "bylines",
                queryset=ArticleAuthor.objects.select_related("author"),
            )
        )


def count_live_in_section(section: SectionPage) -> int:
    """How many live stories `in_section(section)` lists, in two parts that each use an
    index: one COUNT with the OR reads every story of the edition. Stories below a section
    are in its edition, so the first part needs no edition filter (which would steer the
    database to the edition-wide index)."""
    from masthead.journalism.models import ArticlePage

    below = descendant_paths(section.path)
    also_listed = ArticlePage.also_in_sections.through.objects.filter(
        sectionpage_id=section.pk
    ).values("articlepage_id")
    live = ArticlePage.objects.live()
    listed_elsewhere = live.filter(pk__in=also_listed, locale_id=section.locale_id).exclude(**below)
    return live.filter(**below).count() + listed_elsewhere.count()
