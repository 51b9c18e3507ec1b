"""Builders for test data. They give shape; the services give state (publishing, links)."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from masthead.journalism.models import ArticlePage, Author, HomePage, SectionPage
from masthead.journalism.services import (
    ArticleDraft,
    create_article,
    create_section,
    edition_home,
    publish_article,
)
from masthead.metrics.models import StoryViews

_serial = itertools.count(1)


def home(language: str = "en") -> HomePage:
    return edition_home(language)


def section(
    title: str = "News", *, language: str = "en", parent: Any = None, **kwargs: Any
) -> SectionPage:
    number = next(_serial)
    return create_section(
        parent=parent or home(language), title=title, slug=f"section-{number}", **kwargs
    )


def author(name: str = "Thida Aung", **kwargs: Any) -> Author:
    number = next(_serial)
    return Author.objects.create(name=name, slug=f"author-{number}", **kwargs)


def paragraph(text: str) -> dict[str, Any]:
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def article(
    in_section: SectionPage,
    *,
    title: str | None = None,
    body_text: str = "Residents said the road had been closed for a week.",
    published_at: datetime | None = None,
    publish: bool = True,
    **draft_fields: Any,
) -> ArticlePage:
    """A story in `in_section`, published unless `publish` is false. Without `published_at`
    it is backdated by its serial number in minutes (a day after 1,440 stories): a test that
    compares its time with another's must give one."""
    number = next(_serial)
    draft = ArticleDraft(
        title=title or f"Story number {number}",
        slug=f"story-{number}",
        body=[paragraph(body_text)],
        **draft_fields,
    )
    story = create_article(section=in_section, draft=draft)
    if publish:
        publish_article(
            article=story,
            published_at=published_at or timezone.now() - timedelta(minutes=number),
        )
    return ArticlePage.objects.get(pk=story.pk)


def user_in(group_name: str, username: str | None = None) -> Any:
    user = get_user_model().objects.create_user(
        username=username or f"{group_name.lower().replace(' ', '-')}-{next(_serial)}",
        password="a-long-test-password",
        is_staff=True,
    )
    user.groups.add(Group.objects.get(name=group_name))
    return user


def fact_check(in_section: SectionPage, **claim: Any) -> ArticlePage:
    """A published fact check with one claim; `claim` overrides its fields."""
    fields = {
        "claim": "The bridge was never bombed.",
        "claimant": "A state newspaper",
        "verdict": "false",
        "evidence": "Satellite images show the span down.",
        **claim,
    }
    return article(in_section, story_format="fact-check", claims=(fields,))


def story_views(totals: Iterable[tuple[ArticlePage, int]]) -> None:
    """All-time view totals for stories, in the rows the metrics fold keeps."""
    StoryViews.objects.bulk_create(
        StoryViews(
            story_id=story.pk,
            locale_id=story.locale_id,
            section_path=story.path[: -story.steplen],
            published_at=story.first_published_at,
            total=total,
        )
        for story, total in totals
    )
