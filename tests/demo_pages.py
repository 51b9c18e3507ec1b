"""The demo newsroom's reader pages that the accessibility and HTML validity checks look at.

Pages are picked from the database, not named by slug, so the checks follow the demo content
as it grows: per edition the front, the News section, the article with a featured image whose
body uses the most kinds of block, a fact check when the edition has one, that article's
first author, the About page and the contact form. `every_template=True` adds one page for
each other reader template (listings, archives, the other static pages, the light edition,
the 404 page) and one article per story format.
"""

from __future__ import annotations

from dataclasses import dataclass

from masthead.journalism.models import (
    ArticlePage,
    ContactPage,
    DonatePage,
    HomePage,
    SectionPage,
    StandardPage,
    StoryFormat,
    TeamPage,
)
from masthead.journalism.services import edition_home
from masthead.publishing.lite.paths import lite_url

EDITIONS = ("en", "my")


@dataclass(frozen=True)
class ReaderPage:
    label: str  # "my article": the edition, then what the page is
    url: str
    status: int = 200


def _route(home: HomePage, name: str, **kwargs: str) -> str:
    return str(home.url) + home.reverse_subpage(name, kwargs=kwargs)


def _richest(stories: list[ArticlePage]) -> ArticlePage:
    """The story whose body shows the most kinds of block (the first such, by id)."""
    return max(
        sorted(stories, key=lambda story: story.pk),
        key=lambda story: len({block.block_type for block in story.body}),
    )


def reader_pages(language: str, *, every_template: bool = False) -> list[ReaderPage]:
    home = edition_home(language)
    stories = ArticlePage.objects.live().in_edition(language)
    illustrated = _richest(list(stories.filter(featured_image__isnull=False)))
    section = SectionPage.objects.live().filter(locale_id=home.locale_id, slug="news").get()
    about = StandardPage.objects.live().filter(locale_id=home.locale_id).order_by("pk").first()
    contact = ContactPage.objects.live().filter(locale_id=home.locale_id).first()
    author = illustrated.bylines.order_by("sort_order").first()
    assert about and contact and author, "the demo newsroom is not loaded"
    pages = {
        "front": str(home.url),
        "section": str(section.url),
        "article": str(illustrated.url),
        "author": _route(home, "author", slug=author.author.slug),
        "static page": str(about.url),
        "contact page": str(contact.url),
        "newsletter page": f"{home.url}newsletter/",
    }
    fact_check = stories.filter(story_format=StoryFormat.FACT_CHECK).order_by("pk").first()
    if fact_check is not None:
        pages["fact check"] = str(fact_check.url)
    pages["login page"] = f"{home.url}accounts/login/"
    if every_template:
        for name, url in _other_templates(home, language, illustrated).items():
            if url not in pages.values():
                pages[name] = url
    found = [ReaderPage(f"{language} {name}", url) for name, url in pages.items()]
    if every_template:
        found.append(ReaderPage(f"{language} 404 page", f"{home.url}no-such-page/", 404))
    return found


def _other_templates(home: HomePage, language: str, article: ArticlePage) -> dict[str, str]:
    pages: dict[str, str] = {}
    for model in (TeamPage, DonatePage):
        page = model.objects.live().filter(locale_id=home.locale_id).first()
        if page is not None:
            pages[str(model._meta.verbose_name)] = str(page.url)
    tag = article.tags.order_by("pk").first()
    if tag is not None:
        pages["tag"] = _route(home, "tag", slug=tag.slug)
    published = article.first_published_at
    assert published is not None
    pages["date archive"] = _route(home, "archive_date", year=f"{published.year:04}")
    pages["on this day"] = _route(home, "on_this_day")
    pages["archive"] = _route(home, "archive")
    pages["light front"] = lite_url(str(home.url))
    pages["light article"] = lite_url(str(article.url))
    stories = ArticlePage.objects.live().in_edition(language).order_by("pk")
    for story_format in StoryFormat:
        story = stories.filter(story_format=story_format).first()
        if story is not None and str(story.url) not in pages.values():
            pages[f"{story_format.value} article"] = str(story.url)
    return pages
