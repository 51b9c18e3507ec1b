"""The back office as editors use it: Wagtail's own forms and views, posted for real."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from masthead.journalism.models import ArticlePage
from tests import factories

pytestmark = pytest.mark.django_db


def article_form(author_pk: int, **overrides: Any) -> dict[str, Any]:
    fields = {
        "title": "Ferry service stops at Pakokku",
        "slug": "ferry-service-stops",
        "kicker": "",
        "standfirst": "Boat owners say fuel has become too dear.",
        "story_format": "news",
        "body": streamfield([("paragraph", rich_text("<p>The ferry stopped on Monday.</p>"))]),
        "bylines": inline_formset([{"author": author_pk}]),
        "claims": inline_formset([]),
        "corrections": inline_formset([]),
        "comments": inline_formset([]),
        "tags": "Pakokku, Transport",
        "counterpart": "",
        "updated_at": "",
        "seo_title": "",
        "search_description": "",
    }
    fields.update(overrides)
    return nested_form_data(fields)


def logged_in(group: str) -> Client:
    client = Client()
    client.force_login(factories.user_in(group))
    return client


def test_back_office_screens_open_for_an_editor():
    news = factories.section()
    story = factories.article(news, authors=(factories.author(),))
    client = logged_in("Editors")
    for url in (
        "/admin/",
        f"/admin/pages/{news.pk}/",
        f"/admin/pages/add/journalism/articlepage/{news.pk}/",
        f"/admin/pages/{story.pk}/edit/",
        f"/admin/pages/{story.pk}/history/",
        "/admin/snippets/journalism/author/",
        "/admin/snippets/journalism/editionsettings/",
        "/admin/snippets/journalism/contactmessage/",
        "/admin/images/",
    ):
        assert client.get(url).status_code == 200, url


def test_reporter_writes_a_story_and_submits_it_for_review():
    news = factories.section()
    writer = factories.author()
    client = logged_in("Reporters")
    response = client.post(
        f"/admin/pages/add/journalism/articlepage/{news.pk}/",
        {**article_form(writer.pk), "action-submit": "Submit for review"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    story = ArticlePage.objects.get(slug="ferry-service-stops")
    assert not story.live
    assert story.current_workflow_state is not None
    assert story.reading_minutes >= 1
    revision = story.get_latest_revision_as_object()
    assert [b.author for b in revision.bylines.all()] == [writer]


def test_editor_publishes_from_the_form_and_the_story_is_served():
    news = factories.section()
    client = logged_in("Editors")
    response = client.post(
        f"/admin/pages/add/journalism/articlepage/{news.pk}/",
        {**article_form(factories.author().pk), "action-publish": "Publish"},
    )
    assert response.status_code == 302
    story = ArticlePage.objects.get(slug="ferry-service-stops")
    assert story.live
    assert "The ferry stopped on Monday." in Client().get(story.url).content.decode()


def test_missing_headline_is_reported_and_nothing_is_created():
    news = factories.section()
    client = logged_in("Editors")
    response = client.post(
        f"/admin/pages/add/journalism/articlepage/{news.pk}/",
        {**article_form(factories.author().pk, title=""), "action-publish": "Publish"},
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not ArticlePage.objects.filter(slug="ferry-service-stops").exists()


def test_preview_renders_unsaved_changes():
    story = factories.article(factories.section(), authors=(factories.author(),))
    client = logged_in("Editors")
    url = f"/admin/pages/{story.pk}/edit/preview/"
    form = article_form(
        story.bylines.get().author_id, title="A headline still in draft", slug=story.slug
    )
    assert client.post(url, form).json()["is_valid"] is True
    preview = client.get(url)
    assert "A headline still in draft" in preview.content.decode()
    assert ArticlePage.objects.get(pk=story.pk).title != "A headline still in draft"


def test_locked_story_cannot_be_edited_by_a_reporter():
    story = factories.article(factories.section())
    editor = logged_in("Editors")
    assert editor.post(f"/admin/pages/{story.pk}/lock/").status_code == 302
    story.refresh_from_db()
    reporter = factories.user_in("Reporters")
    assert story.locked
    assert story.permissions_for_user(reporter).page_locked()


def test_counterpart_chosen_in_the_form_links_the_editions():
    english = factories.article(factories.section(language="en"), authors=(factories.author(),))
    burmese = factories.article(factories.section(language="my"))
    client = logged_in("Editors")
    form = article_form(english.bylines.get().author_id, slug=english.slug, counterpart=burmese.pk)
    response = client.post(f"/admin/pages/{english.pk}/edit/", {**form, "action-publish": "1"})
    assert response.status_code == 302
    assert Page.objects.get(pk=burmese.pk).translation_key == english.translation_key
    assert f'href="{burmese.url}"' in Client().get(english.url).content.decode()


def test_an_author_named_twice_is_refused_with_a_message():
    news = factories.section()
    writer = factories.author()
    form = article_form(
        writer.pk, bylines=inline_formset([{"author": writer.pk}, {"author": writer.pk}])
    )
    response = logged_in("Editors").post(
        f"/admin/pages/add/journalism/articlepage/{news.pk}/", {**form, "action-publish": "1"}
    )
    assert response.status_code == 200
    assert "An author is named twice in the byline." in response.content.decode()
    assert not ArticlePage.objects.filter(slug="ferry-service-stops").exists()


def test_an_editor_who_chooses_burmese_gets_the_back_office_in_burmese():
    from wagtail.users.models import UserProfile

    editor = factories.user_in("Editors")
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "my"
    profile.save()
    client = Client()
    client.force_login(editor)
    page = client.get("/admin/").content.decode()
    assert '<html lang="my"' in page
    account = client.get("/admin/account/").content.decode()
    assert 'value="my"' in account  # Burmese is among the languages editors may choose
