"""A Redis that is down is a cache that keeps nothing: reader pages still render."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import Client, override_settings
from redis.exceptions import ConnectionError as RedisConnectionError

from tests import factories

pytestmark = pytest.mark.django_db

# Nothing listens on port 1: every connection is refused at once.
DEAD_REDIS = {
    "BACKEND": "masthead.core.cache.TolerantRedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
}


@pytest.fixture
def redis_down():
    with override_settings(CACHES={**settings.CACHES, "default": DEAD_REDIS}):
        yield


def test_reader_pages_render_while_redis_is_down(redis_down, caplog):
    english = factories.article(factories.section("News"), title="Curfew lifted")
    burmese = factories.article(factories.section("သတင်း", language="my"), title="ညမထွက်ရအမိန့်")
    for url, headline in (
        ("/", "Curfew lifted"),
        (english.url, "Curfew lifted"),
        ("/my/", "ညမထွက်ရအမိန့်"),
        (burmese.url, "ညမထွက်ရအမိန့်"),
    ):
        response = Client().get(url)
        assert response.status_code == 200, url
        assert headline in response.content.decode(), url
    assert "the cache is unreachable" in caplog.text


def test_a_cache_that_is_down_keeps_nothing_and_raises_nothing(redis_down):
    cache.set("greeting", "hello")
    assert cache.get("greeting", "nothing") == "nothing"
    assert cache.get_many(["greeting"]) == {}
    assert cache.add("greeting", "hello") is False
    cache.delete("greeting")
    with pytest.raises(RedisConnectionError):  # callers of incr keep their own fallback
        cache.incr("greeting")
