"""Set-up shared by the publishing tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from masthead.core.time import display_today
from masthead.publishing.affected import daily_pages
from masthead.publishing.build import Verification, verify_all
from masthead.publishing.publisher import publish_urls


@pytest.fixture
def verify() -> Callable[[], Verification]:
    """`verify_all` for a test that may straddle the newsroom's midnight.

    The fronts, On This Day and the news sitemap follow the date: once midnight falls in
    the newsroom's time zone, the files written the day before are stale by rights, on a
    live site too, until the periodic refresh renders them again. When the date moved while
    the test ran and the verification failed, this renders those pages as the refresh would
    and verifies again; any other stale file is still reported."""
    day = display_today().date()

    def verify() -> Verification:
        result = verify_all()
        if not result.ok and display_today().date() != day:
            publish_urls(sorted(daily_pages().urls))
            result = verify_all()
        return result

    return verify
