"""Zawgyi typed into the back office is stored as Unicode, and the editor is told."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from masthead.journalism.models import ArticlePage
from masthead.journalism.zawgyi_check import fix_submitted_data
from tests import factories
from tests.burmese_fixtures import UNICODE, ZAWGYI
from tests.journalism.test_admin_forms import article_form, logged_in

AMBIGUOUS = "ကမ္ဘာ"  # correct Unicode ("world") that the detector finds doubtful (about 0.4)

pytestmark = pytest.mark.django_db


def post_story(client: Client, section_pk: int, **fields: object):
    form = article_form(factories.author().pk, slug="zawgyi-test", **fields)
    return client.post(
        f"/admin/pages/add/journalism/articlepage/{section_pk}/", {**form, "action-publish": "1"}
    )


def test_submitted_data_is_converted_per_field_including_rich_text():
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    submitted = nested_form_data(
        {
            "title": ZAWGYI,
            "standfirst": "Plain English stays as it is.",
            "body": streamfield([("paragraph", rich_text(f"<p>{ZAWGYI}</p>"))]),
        }
    )
    data.update(submitted)
    fixed, report = fix_submitted_data(data, convert_uncertain=False)
    assert fixed["title"] == UNICODE
    assert fixed["standfirst"] == "Plain English stays as it is."
    body_values = [fixed[key] for key in fixed if key.startswith("body-") and "value" in key]
    assert any(UNICODE in value for value in body_values)
    assert not any(ZAWGYI in value for value in body_values)
    assert report.converted == {"title", "body"}


def test_zawgyi_headline_and_body_are_converted_and_the_editor_is_told():
    news = factories.section(language="my")
    client = logged_in("Editors")
    body = streamfield([("paragraph", rich_text(f"<p>{ZAWGYI}</p>"))])
    first = post_story(client, news.pk, title=ZAWGYI, body=body)
    assert first.status_code == 200
    page = first.content.decode()
    assert "Text typed in Zawgyi was converted to Unicode in:" in page
    assert "Title" in page and "Body" in page
    assert not ArticlePage.objects.filter(slug="zawgyi-test").exists()

    # The editor checks the converted text and saves again: it is stored as Unicode.
    converted_body = streamfield([("paragraph", rich_text(f"<p>{UNICODE}</p>"))])
    second = post_story(client, news.pk, title=UNICODE, body=converted_body)
    assert second.status_code == 302
    story = ArticlePage.objects.get(slug="zawgyi-test")
    assert story.title == UNICODE
    assert UNICODE in str(story.body[0].value)


def test_doubtful_text_waits_for_the_editor_then_is_kept_or_converted():
    news = factories.section(language="my")
    client = logged_in("Editors")
    asked = post_story(client, news.pk, title=AMBIGUOUS)
    assert asked.status_code == 200
    assert "may be typed in Zawgyi" in asked.content.decode()

    kept = post_story(client, news.pk, title=AMBIGUOUS, zawgyi_uncertain="keep")
    assert kept.status_code == 302
    assert ArticlePage.objects.get(slug="zawgyi-test").title == AMBIGUOUS


def test_english_text_passes_untouched():
    news = factories.section()
    response = post_story(logged_in("Editors"), news.pk, title="Ferry stops at Pakokku")
    assert response.status_code == 302
    assert ArticlePage.objects.get(slug="zawgyi-test").title == "Ferry stops at Pakokku"


def test_author_form_converts_zawgyi_bios_and_tells_the_editor():
    from masthead.journalism.models import Author

    author = Author.objects.create(name="Writer", slug="writer")
    client = logged_in("Editors")
    url = f"/admin/snippets/journalism/author/edit/{author.pk}/"
    data = {
        "name": "Writer",
        "name_my": "",
        "slug": "writer",
        "role": "",
        "role_my": "",
        "short_bio": "",
        "short_bio_my": "",
        "bio": "",
        "bio_my": ZAWGYI,
        "email": "",
        "x_handle": "",
        "website": "",
        "is_staff": "on",
    }
    first = client.post(url, data)
    assert first.status_code == 200
    assert "converted to Unicode in: Bio in Burmese" in first.content.decode()
    assert client.post(url, {**data, "bio_my": UNICODE}).status_code == 302
    assert Author.objects.get(pk=author.pk).bio_my == UNICODE


def test_image_upload_stores_a_zawgyi_caption_as_unicode_without_stopping():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from masthead.demo.images import draw_landscape
    from masthead.journalism.models import NewsImage

    upload = SimpleUploadedFile("scene.jpg", draw_landscape("scene", 320, 180), "image/jpeg")
    response = logged_in("Editors").post(
        "/admin/images/add/",
        {
            "title": "Scene",
            "file": upload,
            "caption": ZAWGYI,
            "credit": "",
            "alt_text": "",
            "tags": "",
            "description": "",
            "collection": 1,
        },
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    assert NewsImage.objects.get(title="Scene").caption == UNICODE
