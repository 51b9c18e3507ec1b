"""Shared test set-up: every test run writes its files (media, published pages, mail,
credentials) under a temporary var/ folder, never the developer's own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import override_settings

from tests.smtp_server import smtp_server  # noqa: F401  (a fixture for every test)


@pytest.fixture(scope="session", autouse=True)
def isolated_var_dir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    var = tmp_path_factory.mktemp("var")
    with override_settings(
        VAR_DIR=var,
        MEDIA_ROOT=var / "media",
        PUBLISHED_ROOT=var / "published",
    ):
        yield var


@pytest.fixture(autouse=True)
def empty_cache() -> Iterator[None]:
    """Rate limits and cached fragments never leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
