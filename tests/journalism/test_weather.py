"""The header's weather line: Open-Meteo read through a local fake server, kept in the
database, shown in both editions, hidden (never broken) when the provider fails."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django.utils.translation import override
from django_tasks_db.models import DBTaskResult

from masthead.journalism.weather.models import SHOWN_FOR, WeatherReading
from masthead.journalism.weather.providers import OpenMeteo, Place, parse_open_meteo
from masthead.journalism.weather.queries import weather_line
from masthead.journalism.weather.services import refresh_weather
from masthead.journalism.weather.signals import weather_changed
from masthead.journalism.weather.tasks import refresh_configured_weather
from masthead.publishing.models import PendingRender
from masthead.publishing.tasks import refresh_daily_pages
from tests import factories
from tests.journalism.fake_weather import fake_weather_server, open_meteo_answer

YANGON = Place(latitude=16.8661, longitude=96.1951, names={"en": "Yangon", "my": "ရန်ကုန်"})


@pytest.fixture
def provider():
    with fake_weather_server() as fake:
        yield fake


@pytest.fixture
def yangon(settings, provider):
    """The newsroom configured Yangon, and the provider lives at the fake server."""
    settings.MASTHEAD_WEATHER_CITY_EN = "Yangon"
    settings.MASTHEAD_WEATHER_CITY_MY = "ရန်ကုန်"
    settings.MASTHEAD_WEATHER_LATITUDE = YANGON.latitude
    settings.MASTHEAD_WEATHER_LONGITUDE = YANGON.longitude
    settings.MASTHEAD_WEATHER_URL = provider.url
    return provider


def test_open_meteo_is_asked_for_current_temperature_and_weather_code(provider):
    weather = OpenMeteo(url=provider.url).current_weather(YANGON)

    assert weather is not None
    assert (weather.temperature, weather.code) == (31.4, 3)
    assert weather.observed_at is not None and weather.observed_at.isoformat().startswith(
        "2025-10-10T06:15:00+00:00"
    )
    (query,) = provider.queries
    assert query["current"] == ["temperature_2m,weather_code"]
    assert (query["latitude"], query["longitude"]) == (["16.8661"], ["96.1951"])


def test_an_unreachable_provider_gives_no_weather():
    with socket.socket() as closed:
        closed.bind(("127.0.0.1", 0))
        port = closed.getsockname()[1]
    # Nothing listens on the port any more: the connection is refused.
    assert OpenMeteo(url=f"http://127.0.0.1:{port}/v1/forecast").current_weather(YANGON) is None


def test_a_provider_that_does_not_answer_in_time_gives_no_weather(provider):
    provider.delay = 2
    assert OpenMeteo(url=provider.url, timeout=0.2).current_weather(YANGON) is None


@pytest.mark.parametrize("status", [404, 500, 503])
def test_an_http_error_gives_no_weather(provider, status):
    provider.status = status
    assert OpenMeteo(url=provider.url).current_weather(YANGON) is None


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"<html>Service unavailable</html>",
        b"[]",
        b'{"current": null}',
        b'{"current": {"temperature_2m": "hot", "weather_code": 3}}',
        b'{"current": {"temperature_2m": NaN, "weather_code": 3}}',
        b'{"current": {"temperature_2m": 1e400, "weather_code": 3}}',
        b'{"current": {"temperature_2m": 140, "weather_code": 3}}',
        b'{"current": {"temperature_2m": 30}}',
        b'{"current": {"temperature_2m": 30, "weather_code": 4}}',
        b'{"current": {"temperature_2m": 30, "weather_code": true}}',
        b'{"current": {"temperature_2m": 30, "weather_code": 2.5}}',
        b"\xff\xfe not utf-8",
    ],
)
def test_an_answer_we_cannot_trust_gives_no_weather(provider, body):
    assert parse_open_meteo(body) is None
    provider.status, provider.body = 200, body
    assert OpenMeteo(url=provider.url).current_weather(YANGON) is None


def test_an_answer_without_a_time_still_counts():
    answer = open_meteo_answer(temperature=-2.6, code=71)
    del answer["current"]["time"]
    weather = parse_open_meteo(json.dumps(answer).encode())
    assert weather is not None and weather.observed_at is None and weather.code == 71


@pytest.mark.django_db
def test_the_line_reads_in_each_edition_with_burmese_digits(provider):
    provider.answer(temperature=31.4, code=3)
    refresh_weather(provider=OpenMeteo(url=provider.url), place=YANGON)

    with override("en"):
        assert weather_line(YANGON) == "Yangon 31 °C, cloudy"
    with override("my"):
        assert weather_line(YANGON) == "ရန်ကုန် ၃၁ °C၊ တိမ်ထူ"


@pytest.mark.django_db
def test_temperatures_below_zero_have_a_minus_sign(provider):
    provider.answer(temperature=-3.2, code=71)
    refresh_weather(provider=OpenMeteo(url=provider.url), place=YANGON)
    with override("en"):
        assert weather_line(YANGON) == "Yangon \u22123 °C, snow"


@pytest.mark.django_db
def test_no_configured_city_means_no_line_and_no_request(provider):
    assert weather_line(None) is None
    refresh_configured_weather.call()
    assert provider.queries == []
    assert not WeatherReading.objects.exists()


@pytest.mark.django_db
def test_a_failing_provider_keeps_the_last_reading_until_it_is_too_old(provider):
    source = OpenMeteo(url=provider.url, timeout=0.5)
    fetched = timezone.now() - timedelta(hours=1)
    assert refresh_weather(provider=source, place=YANGON, now=fetched)

    provider.status, provider.body = 500, b"{}"
    assert not refresh_weather(provider=source, place=YANGON)
    with override("en"):
        assert weather_line(YANGON) == "Yangon 31 °C, cloudy"
        # Three hours after the last good answer the line goes, rather than show stale weather.
        later = fetched + SHOWN_FOR + timedelta(minutes=1)
        assert weather_line(YANGON, now=later) is None


@pytest.mark.django_db
def test_a_refresh_reports_a_change_only_when_the_line_reads_differently(
    provider, django_capture_on_commit_callbacks
):
    source = OpenMeteo(url=provider.url)
    sent = []

    def receiver(**kwargs):
        sent.append(kwargs["sender"])

    weather_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assert refresh_weather(provider=source, place=YANGON)
            provider.answer(temperature=31.2, code=3)  # still "31 °C, cloudy"
            assert not refresh_weather(provider=source, place=YANGON)
            provider.answer(temperature=31.2, code=63)
            assert refresh_weather(provider=source, place=YANGON)
    finally:
        weather_changed.disconnect(receiver)
    assert sent == [WeatherReading, WeatherReading]
    assert WeatherReading.objects.count() == 1
    assert WeatherReading.objects.get().weather_code == 63


@pytest.mark.django_db
def test_a_changed_line_queues_the_pages_that_show_it(yangon, django_capture_on_commit_callbacks):
    factories.home("en")
    factories.home("my")
    with django_capture_on_commit_callbacks(execute=True):
        refresh_configured_weather.call()

    queued = DBTaskResult.objects.filter(task_path=refresh_daily_pages.module_path)
    assert queued.count() == 1
    refresh_daily_pages.call()
    pending = set(PendingRender.objects.values_list("url", flat=True))
    assert {"/", "/today.html", "/my/", "/my/today.html"} <= pending


@pytest.mark.django_db
def test_the_fragment_shows_date_and_weather_in_each_edition_and_sets_no_cookie(
    yangon, client: Client
):
    factories.home("en")
    factories.home("my")
    refresh_configured_weather.call()

    english = client.get("/today.html")
    burmese = client.get("/my/today.html")

    assert english.status_code == burmese.status_code == 200
    assert english["Content-Type"] == "text/html; charset=utf-8"
    assert not english.cookies and not burmese.cookies
    text = english.content.decode()
    assert text.startswith('<!--volatile--><time class="masthead__date" datetime="')
    assert "Yangon 31 °C, cloudy" in text
    burmese_text = burmese.content.decode()
    assert "ရန်ကုန် ၃၁ °C၊ တိမ်ထူ" in burmese_text
    date = burmese_text.split(">", 2)[2].split("<", 1)[0]
    assert date and not any(c.isascii() and c.isdigit() for c in date), date


@pytest.mark.django_db
def test_fronts_carry_the_line_and_stories_an_empty_slot_for_it(yangon, client: Client):
    news = factories.section("News")
    story = factories.article(news, title="Floods reach the delta")
    refresh_configured_weather.call()

    front = client.get("/").content.decode()
    assert '<span class="masthead__weather">Yangon 31 °C, cloudy</span><!--/volatile-->' in front
    page = client.get(story.url).content.decode()
    assert "Yangon" not in page
    assert 'class="masthead__facts masthead__facts--weather" data-today="/today.html"></p>' in page


@pytest.mark.django_db
def test_without_a_city_the_header_reserves_one_line_only(client: Client):
    news = factories.section("News")
    story = factories.article(news, title="Floods reach the delta")
    page = client.get(story.url).content.decode()
    assert '<p class="masthead__facts" data-today="/today.html"></p>' in page
    assert "masthead__weather" not in client.get("/").content.decode()


def _masthead_check(tmp_path, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DATABASE_URL", "REDIS"))}
    clean.update(MASTHEAD_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-m", "masthead", "check"],
        capture_output=True,
        text=True,
        env=clean,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "message"),
    [
        (
            {"MASTHEAD_WEATHER_CITY_EN": "Yangon"},
            "masthead: configuration error: MASTHEAD_WEATHER_LATITUDE and"
            " MASTHEAD_WEATHER_LONGITUDE are required when a weather city is set.",
        ),
        (
            {"MASTHEAD_WEATHER_LATITUDE": "north"},
            "masthead: configuration error: MASTHEAD_WEATHER_LATITUDE must be a number of"
            " degrees, not 'north'.",
        ),
        (
            {"MASTHEAD_WEATHER_LONGITUDE": "196.2"},
            "masthead: configuration error: MASTHEAD_WEATHER_LONGITUDE must be between -180"
            " and 180, not 196.2.",
        ),
        (
            {"MASTHEAD_WEATHER_URL": "ftp://weather.example/"},
            "masthead: configuration error: MASTHEAD_WEATHER_URL must be a URL starting with",
        ),
    ],
)
def test_a_bad_weather_setting_stops_start_up_with_one_line(tmp_path, env, message):
    result = _masthead_check(tmp_path, **env)
    assert result.returncode == 2
    assert result.stderr.startswith(message), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
