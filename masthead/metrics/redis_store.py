"""The Redis connection for counting, and what to do when Redis is down.

After a failure Redis is left alone for a few seconds, so a dead server costs one short
timeout now and then instead of one per view; meanwhile views go to the database.
"""

from __future__ import annotations

import threading
import time
from typing import Any

from django.conf import settings

RETRY_AFTER_SECONDS = 5.0
_TIMEOUT_SECONDS = 0.25

_lock = threading.Lock()
_client: Any = None
_down_until = 0.0


def redis_or_none() -> Any:
    """A Redis client when REDIS_URL is set and Redis was not just found down; else None."""
    global _client
    if not settings.REDIS_URL or time.monotonic() < _down_until:
        return None
    if _client is None:
        with _lock:
            if _client is None:
                import redis

                _client = redis.Redis.from_url(
                    settings.REDIS_URL,
                    socket_timeout=_TIMEOUT_SECONDS,
                    socket_connect_timeout=_TIMEOUT_SECONDS,
                )
    return _client


def mark_down() -> None:
    global _down_until
    _down_until = time.monotonic() + RETRY_AFTER_SECONDS


def mark_up() -> None:
    global _down_until
    _down_until = 0.0


def reset() -> None:
    """Forget the client (settings changed, as in tests)."""
    global _client
    with _lock:
        _client = None
    mark_up()
