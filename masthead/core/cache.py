"""The cache, when it is Redis: an outage reads as an empty cache, never as an error.

Wagtail (the site's root paths, picture sizes) and allauth (login rate limits) read and write
the cache on reader and editor requests without expecting it to fail; with Django's own Redis
backend a Redis that is down turned every page Django renders into an error page. Here a read
finds nothing, a write keeps nothing, and for a few seconds after a failure Redis is not
asked at all, so pages keep their speed while it is away. Counting views and rate-limiting
search and messages have their own fallbacks (masthead/metrics/, masthead/search/ratelimit.py,
masthead/journalism/views.py): `incr` still raises, as they expect. A write or delete
missed while Redis is away is lost; what Wagtail keeps there expires by itself.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)
T = TypeVar("T")
PAUSE_SECONDS = 5.0
OUTAGE = (RedisConnectionError, RedisTimeoutError)


class TolerantRedisCache(RedisCache):
    """Django's RedisCache (one per thread), with a Redis outage read as an empty cache."""

    _down_until = 0.0

    def _or(self, fallback: T, call: Callable[[], T]) -> T:
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return call()
        except OUTAGE as error:
            self._down_until = time.monotonic() + PAUSE_SECONDS
            logger.warning("the cache is unreachable, working without it: %s", error)
            return fallback

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._or(default, lambda: RedisCache.get(self, key, default, version))

    def get_many(self, keys: Iterable[Any], version: int | None = None) -> dict[Any, Any]:
        return self._or({}, lambda: RedisCache.get_many(self, keys, version))

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._or(False, lambda: RedisCache.has_key(self, key, version))

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return self._or(False, lambda: RedisCache.add(self, key, value, timeout, version))

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        self._or(None, lambda: RedisCache.set(self, key, value, timeout, version))

    def set_many(
        self, data: dict[Any, Any], timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list[Any]:
        return self._or(list(data), lambda: RedisCache.set_many(self, data, timeout, version))

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._or(False, lambda: RedisCache.touch(self, key, timeout, version))

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._or(False, lambda: RedisCache.delete(self, key, version))

    def delete_many(self, keys: Iterable[Any], version: int | None = None) -> None:
        self._or(None, lambda: RedisCache.delete_many(self, keys, version))

    def clear(self) -> None:
        self._or(None, lambda: RedisCache.clear(self))
