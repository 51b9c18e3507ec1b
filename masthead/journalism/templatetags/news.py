"""Template helpers for reader pages: dates, numbers and links in the edition's language."""

from __future__ import annotations

import copy
from datetime import datetime
from typing import Any

from django import template
from django.http import HttpRequest
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, pgettext
from django.utils.translation import gettext as _
from wagtail.images.models import SourceImageIOError

from masthead import burmese
from masthead.core.memo import remembered
from masthead.core.time import display_today, to_display_time
from masthead.journalism.models import ArticlePage, Author, HomePage, Tag

register = template.Library()


def _language() -> str:
    return "my" if get_language() == "my" else "en"


@register.filter
def edition_date(value: datetime | None, style: str = "long") -> str:
    """A date in the edition's language and script, in the newsroom's time zone."""
    if value is None:
        return ""
    local = to_display_time(value) if isinstance(value, datetime) else value
    return burmese.format_date(
        local, style="short" if style == "short" else "long", language=_language()
    )


@register.filter
def edition_datetime(value: datetime | None) -> str:
    if value is None:
        return ""
    local = to_display_time(value)
    date_part = burmese.format_date(local, style="long", language=_language())
    separator = pgettext("list separator", ", ")
    return f"{date_part}{separator}{burmese.format_time(local, language=_language())}"


@register.filter
def edition_relative(value: datetime | None) -> str:
    if value is None:
        return ""
    return burmese.relative_time(value, timezone.now(), language=_language())


@register.filter
def edition_number(value: Any) -> str:
    """Digits in the edition's script: 2025 → ၂၀၂၅ on Burmese pages."""
    text = str(value)
    return burmese.to_burmese_digits(text) if _language() == "my" else text


@register.filter
def edition_count(value: int | None) -> str:
    """A humanised count: 1.5k, or its Burmese form."""
    return burmese.humanize_count(int(value or 0), language=_language())


@register.filter
def reading_time(article: ArticlePage) -> str:
    minutes = edition_number(article.reading_minutes)
    return _("%(minutes)s min read") % {"minutes": minutes}


@register.filter
def iso(value: datetime | None) -> str:
    return value.isoformat() if value else ""


def edition_home_for(request: HttpRequest | None, language: str) -> HomePage | None:
    cache_name = f"_masthead_home_{language}"
    if request is not None and hasattr(request, cache_name):
        cached: HomePage | None = getattr(request, cache_name)
        return cached
    home = remembered(
        ("edition_home", language),
        lambda: HomePage.objects.filter(locale__language_code=language, depth=2).first(),
    )
    if request is not None:
        setattr(request, cache_name, home)
    return home


def _home_route(context: template.Context, route: str, **kwargs: Any) -> str:
    request = context.get("request")
    home = edition_home_for(request, _language())
    if home is None:
        return ""
    return home.get_url(request) + home.reverse_subpage(route, kwargs=kwargs)


@register.simple_tag(takes_context=True)
def author_url(context: template.Context, author: Author) -> str:
    return _home_route(context, "author", slug=author.slug)


@register.simple_tag(takes_context=True)
def tag_url(context: template.Context, tag: Tag) -> str:
    return _home_route(context, "tag", slug=tag.slug)


@register.simple_tag(takes_context=True)
def edition_route(context: template.Context, route: str) -> str:
    """The URL of an edition-wide page: on_this_day, archive."""
    return _home_route(context, route)


@register.simple_tag(takes_context=True)
def year_archive_url(context: template.Context, year: int) -> str:
    """The edition's archive of one year: /2024/, /my/2024/."""
    return _home_route(context, "archive_date", year=f"{year:04d}")


@register.simple_tag
def listing_page_url(base_url: str, number: int) -> str:
    """Numbered page `number` of the listing at `base_url`: /news/page/2/."""
    return f"{base_url}page/{number}/"


@register.simple_tag
def now_in_edition() -> str:
    """Today's date in the edition's language, for the header."""
    return burmese.format_date(display_today(), style="long", weekday=True, language=_language())


@register.simple_tag(takes_context=True)
def byline_names(context: template.Context, people: Any, link: bool = True) -> SafeString:
    """Authors' names joined as the edition's language joins a list ("A, B and C",
    "A၊ B နှင့် C"), linked to their pages; the newsroom's name when there are none.
    Accepts authors or bylines."""
    authors = [getattr(person, "author", person) for person in people]
    if not authors:
        settings = context.get("edition_settings")
        return format_html("{}", settings.name if settings is not None else "")
    names = [
        format_html('<a href="{}" rel="author">{}</a>', author_url(context, a), a.display_name)
        if link
        else format_html("{}", a.display_name)
        for a in authors
    ]
    if len(names) == 1:
        return names[0]
    separator = pgettext("list separator", ", ")
    joined = separator.join(names[:-1]) + " " + _("and") + " " + names[-1]
    return mark_safe(joined)  # every part was escaped by format_html above


@register.simple_tag(takes_context=True)
def article_structured_data(context: template.Context) -> SafeString:
    """JSON-LD for the story in context: NewsArticle, BreadcrumbList, ClaimReview."""
    from masthead.journalism import metadata

    page, story = context["page"], context["story"]
    newsroom = context["edition_settings"].name
    image_url = None
    if page.featured_image:
        try:
            image_url = page.featured_image.get_rendition("width-1200").url
        except SourceImageIOError:  # the original is gone: the story still reads, unillustrated
            image_url = None
    home = edition_home_for(context.get("request"), _language())
    documents: list[Any] = [
        metadata.news_article(
            page,
            story,
            newsroom=newsroom,
            author_urls=[author_url(context, author) for author in story.authors],
            image_url=image_url,
        ),
        metadata.breadcrumb_list(
            story, page, home_name=newsroom, home_url=home.url if home else "/"
        ),
        *metadata.claim_reviews(story, page, newsroom),
    ]
    return metadata.json_ld(documents)


@register.simple_tag
def absolute_url(path: str) -> str:
    from masthead.journalism.metadata import absolute

    return absolute(path or "")


@register.simple_tag
def share_links(article: ArticlePage) -> list[tuple[str, str]]:
    """Where a reader can share the story: plain links, and its short address to copy."""
    from masthead.journalism.metadata import absolute
    from masthead.journalism.metadata import share_links as links

    shared = links(absolute(article.url or ""), article.title)
    named = [(_("Email") if name == "Email" else name, href) for name, href in shared]
    return [*named, (_("Short link"), absolute(f"/a/{article.pk}/"))]


@register.simple_tag(takes_context=True)
def recommended_stories(context: template.Context) -> list[ArticlePage]:
    from masthead.journalism.queries import recommended_stories as recommended

    edition_settings = context.get("edition_settings")
    if edition_settings is None:
        return []
    kept = remembered(("recommended", edition_settings.pk), lambda: recommended(edition_settings))
    return [copy.copy(story) for story in kept]  # the view-count tags write on them
