"""The audience dashboard: today's top stories, views per section per day, CSV export."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from masthead.metrics.counting import record_view
from masthead.metrics.folding import fold_views
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_client() -> Client:
    client = Client()
    client.force_login(factories.user_in("Editors"))
    return client


def read(story_id: int, readers: int) -> None:
    for reader in range(readers):
        record_view(story_id=story_id, address=f"10.4.0.{reader}", user_agent="Mozilla/5.0 B")


def test_the_dashboard_shows_todays_top_stories_and_sections(editor_client: Client):
    news, sport = factories.section("News desk"), factories.section("Sport desk")
    big = factories.article(news, title="The big story")
    small = factories.article(sport, title='=HYPERLINK("http://evil")')
    read(big.pk, 5)
    read(small.pk, 2)
    fold_views()
    html = editor_client.get("/admin/audience/").content.decode()
    assert html.index("The big story") < html.index("=HYPERLINK")
    assert "News desk" in html and "Sport desk" in html
    assert "<polyline" in html and '<script src="http' not in html


def test_the_csv_export_has_every_story_day_and_defuses_formulas(editor_client: Client):
    story = factories.article(factories.section(), title="=1+1")
    read(story.pk, 3)
    fold_views()
    response = editor_client.get("/admin/audience/views.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["day", "story_id", "edition", "headline", "url", "views"]
    assert rows[1][1:4] == [str(story.pk), "en", "'=1+1"] and rows[1][5] == "3"


def test_readers_cannot_see_the_dashboard():
    response = Client().get("/admin/audience/")
    assert response.status_code == 302
    assert get_user_model().objects.count() == 0
