from __future__ import annotations

import pytest
from django.test import Client

from tests import factories
from tests.journalism.test_admin_forms import logged_in

pytestmark = pytest.mark.django_db

SYLLABLE = "မြန်"  # one Burmese syllable


def test_reading_time_endpoint_counts_burmese_syllables_and_latin_words():
    client = logged_in("Reporters")
    burmese = client.post("/admin/masthead/reading-time/", {"text": " ".join([SYLLABLE] * 1800)})
    assert burmese.json() == {"minutes": 6, "syllables": 1800, "words": 0}
    english = client.post("/admin/masthead/reading-time/", {"text": "word " * 460})
    assert english.json() == {"minutes": 2, "syllables": 0, "words": 460}


def test_reading_time_endpoint_is_for_staff_only():
    response = Client().post("/admin/masthead/reading-time/", {"text": "x"})
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_article_form_shows_the_story_reading_time_and_loads_the_live_script():
    story = factories.article(factories.section(), body_text="word " * 700)
    page = logged_in("Editors").get(f"/admin/pages/{story.pk}/edit/").content.decode()
    assert "data-reading-time" in page
    assert "journalism/reading_time.js" in page
    assert "<strong data-reading-minutes>4</strong>" in page
