"""Driving Debian's Chromium with Playwright for the browser tests (fixtures in conftest.py).

No browser is downloaded: Playwright drives the system Chromium at /usr/bin/chromium.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
REPOSITORY = Path(__file__).resolve().parents[2]
SCREENSHOTS = REPOSITORY / "test-artifacts" / "screenshots"
WEBFONTS = REPOSITORY / "masthead" / "static_build" / "fonts"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
# Flags that keep Chromium from calling home (updates, sync, QUIC probes, background
# services): the only network traffic in these tests is the page's own.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# Font files that hold Myanmar letters, hidden from the "no Myanmar font" browser even when
# fontconfig cannot tell us which files they are.
_MYANMAR_FONT_GLOBS = ("*Myanmar*", "*Padauk*", "*Pyidaungsu*", "*Zawgyi*", "*mmrtext*")


def _fc_list(*arguments: str) -> list[str]:
    fc_list = shutil.which("fc-list")
    if not fc_list:
        return []
    found = subprocess.run([fc_list, *arguments], capture_output=True, text=True, check=False)
    return [line.strip() for line in found.stdout.splitlines() if line.strip()]


def system_has_font(family: str) -> bool:
    return bool(_fc_list(family, "family"))


def write_no_myanmar_fontconfig(folder: Path) -> Path:
    """A fontconfig file that includes the system's and rejects every font covering U+1000
    (MYANMAR LETTER KA): given to Chromium, it plays a device with no Myanmar font."""
    files = sorted({line.split(":")[0] for line in _fc_list(":charset=1000", "file")})
    globs = "".join(f"<glob>{pattern}</glob>" for pattern in (*files, *_MYANMAR_FONT_GLOBS))
    config = folder / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <cachedir>{folder / 'cache'}</cachedir>\n"
        f"  <selectfont><rejectfont>{globs}</rejectfont></selectfont>\n"
        "</fontconfig>\n"
    )
    return config


class Visit:
    """One page load in a fresh browser context, recording every request the page makes."""

    def __init__(self, browser: Any, url: str, viewport: str = "desktop") -> None:
        self.requests: list[str] = []
        self.context = browser.new_context(viewport=VIEWPORTS[viewport], service_workers="block")
        self.page = self.context.new_page()
        self.page.on("request", lambda request: self.requests.append(request.url))
        response = self.page.goto(url, wait_until="networkidle")
        assert response is not None, f"no response from {url}"
        assert response.ok, f"{url} answered {response.status}"
        self.page.evaluate("document.fonts.ready.then(() => true)")

    def hosts(self) -> set[str]:
        return {urlsplit(url).netloc for url in self.requests}

    def screenshot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def platform_fonts(self, selector: str) -> list[dict[str, Any]]:
        """The fonts Chromium drew the first matching element's own text with."""
        found = self.platform_fonts_all(selector)
        assert found, f"no element matches {selector}"
        return found[0][1]

    def platform_fonts_all(self, selector: str) -> list[tuple[str, list[dict[str, Any]]]]:
        """(own text, fonts) for every matching element: the fonts Chromium actually drew its
        child text nodes with, as the DevTools protocol reports them (familyName, isCustomFont
        for a web font, glyphCount)."""
        texts = self.page.eval_on_selector_all(
            selector,
            """elements => elements.map(e => Array.from(e.childNodes)
                .filter(n => n.nodeType === Node.TEXT_NODE).map(n => n.textContent).join(''))""",
        )
        cdp = self.context.new_cdp_session(self.page)
        try:
            cdp.send("DOM.enable")
            cdp.send("CSS.enable")
            root = cdp.send("DOM.getDocument")["root"]["nodeId"]
            nodes = cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})
            fonts = [
                cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
                for node in nodes["nodeIds"]
            ]
        finally:
            cdp.detach()
        return list(zip(texts, fonts, strict=True))


class Browsers:
    """Playwright and its Chromiums for one test, started on the first visit.

    Playwright's synchronous API runs an asyncio event loop in the calling thread, and Django
    refuses database work in a thread with a running loop. So the browsers start only when the
    test first visits a page (after its fixtures have written the content) and stop when the
    test ends, before the database is rolled back. A session-wide Playwright would break every
    database test that runs after it.
    """

    def __init__(self, no_myanmar_fontconfig: Path) -> None:
        self.no_myanmar_fontconfig = no_myanmar_fontconfig
        self.playwright: Any = None
        self.launched: dict[bool, Any] = {}

    def __call__(self, url: str, viewport: str = "desktop", *, system_fonts: bool = False) -> Visit:
        return Visit(self.chromium(system_fonts=system_fonts), url, viewport)

    def chromium(self, *, system_fonts: bool) -> Any:
        """The Chromium with the machine's own fonts, or with no Myanmar font at all,
        started on first use."""
        if self.playwright is None:
            from playwright.sync_api import sync_playwright

            self.playwright = sync_playwright().start()
        if system_fonts not in self.launched:
            env = None
            if not system_fonts:
                env = {**os.environ, "FONTCONFIG_FILE": str(self.no_myanmar_fontconfig)}
            self.launched[system_fonts] = self.playwright.chromium.launch(
                executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env=env
            )
        return self.launched[system_fonts]

    def close(self) -> None:
        """Stop the browsers; a test may do it early (to use the database) and again."""
        try:
            for chromium in self.launched.values():
                chromium.close()
        finally:
            self.launched.clear()
            if self.playwright is not None:
                self.playwright.stop()
                self.playwright = None
