"""Counting tests run against the database and, where REDIS_URL is set (the second CI pass),
against a real Redis too; they clear only masthead's counting keys, never the database."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import override_settings

from masthead.metrics import redis_store, visitors


def clear_counting_keys(client: Any) -> None:
    for key in client.scan_iter("masthead:metrics:*"):
        client.delete(key)


@pytest.fixture(autouse=True)
def fresh_counting_state() -> Iterator[None]:
    redis_store.reset()
    visitors.forget_salts()
    client = redis_store.redis_or_none()
    if client is not None:
        clear_counting_keys(client)
    yield
    if client is not None:
        clear_counting_keys(client)
    redis_store.reset()
    visitors.forget_salts()


@pytest.fixture
def redis_client() -> Any:
    """The real Redis of the second test pass; the embedded pass has none."""
    if not settings.REDIS_URL:
        pytest.skip("REDIS_URL is not set: the Redis path runs in the PostgreSQL + Redis pass")
    client = redis_store.redis_or_none()
    assert client is not None
    return client


@pytest.fixture
def without_redis() -> Iterator[None]:
    """The embedded default's path, in both passes: views go to the database."""
    with override_settings(REDIS_URL=None):
        redis_store.reset()
        yield
    redis_store.reset()
