"""Where a reader who must log in is sent: the edition's own login page, never the admin's."""

from __future__ import annotations

import pytest
from django.test import Client
from wagtail.models import PageViewRestriction

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "prefix"), [("en", ""), ("my", "/my")])
def test_a_page_for_logged_in_readers_sends_others_to_the_editions_login(language, prefix):
    section = factories.section("Members" if language == "en" else "အဖွဲ့ဝင်", language=language)
    story = factories.article(section)
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    response = Client().get(story.url)
    assert response.status_code == 302
    assert response["Location"].startswith(f"{prefix}/accounts/login/?next=")


@pytest.mark.parametrize("prefix", ["", "/my"])
def test_account_pages_for_logged_in_readers_send_others_to_the_editions_login(prefix):
    response = Client().get(f"{prefix}/accounts/email/")
    assert response.status_code == 302
    assert response["Location"].startswith(f"{prefix}/accounts/login/?next=")


def test_editors_still_log_in_through_the_admin():
    response = Client().get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
