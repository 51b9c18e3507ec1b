"""Browser tests: Debian's Chromium, driven by Playwright, against pytest-django's live server.

Every test here is marked `browser`: run them alone with `pytest tests/browser`, or leave them
out with `-m "not browser"`. Screenshots go to test-artifacts/screenshots/.

Two kinds of browser, because masthead's Myanmar font has two jobs:
- `visit(url)` gives Chromium no Myanmar font of the system's, like a device that has none:
  whatever Burmese it draws, it must draw with the webfont masthead serves;
- `visit(url, system_fonts=True)` shows it the machine's own fonts, like most phones: the
  `local()` sources must win and no font is downloaded.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.browser.chromium import WEBFONTS, Browsers, write_no_myanmar_fontconfig
from tests.browser.reader import Reader

_HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _HERE in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def no_myanmar_fontconfig(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_no_myanmar_fontconfig(tmp_path_factory.mktemp("fontconfig"))


@pytest.fixture
def visit(live_server: Any, no_myanmar_fontconfig: Path) -> Iterator[Browsers]:
    """visit(url, viewport="desktop", system_fonts=False) opens url in Chromium -> Visit."""
    if not any(WEBFONTS.glob("*.woff2")):
        pytest.fail(f"no webfonts in {WEBFONTS}: run ./scripts/build-assets (needs npm) first")
    browsers = Browsers(no_myanmar_fontconfig)
    yield browsers
    browsers.close()


@pytest.fixture
def reader(no_myanmar_fontconfig: Path) -> Iterator[Reader]:
    """Reader browsers (reader.page(viewport, ...)) on a machine with no Myanmar font."""
    browsers = Reader(no_myanmar_fontconfig)
    yield browsers
    browsers.close()
