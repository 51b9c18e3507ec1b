"""A reader's browser for the journey tests: Debian's Chromium at a phone's or a desktop's
size, with JavaScript on or off, started only when a test first opens a page (see
`Browsers` in chromium.py for why)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.browser.chromium import SCREENSHOTS, Browsers

PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
SIZES = {"phone": PHONE, "desktop": DESKTOP}


class Reader(Browsers):
    """`reader.page("phone", javascript=False)` → a fresh Playwright page (its own context:
    no cookies, no storage, no cache) in Chromium with the machine's own fonts, or with no
    Myanmar font at all (`system_fonts=False`), like a phone that has none."""

    def page(
        self, size: str = "desktop", *, javascript: bool = True, system_fonts: bool = True
    ) -> Any:
        context = self.chromium(system_fonts=system_fonts).new_context(
            viewport=SIZES[size], java_script_enabled=javascript, service_workers="block"
        )
        return context.new_page()


def screenshot(page: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def accessible_state(page: Any, selector: str) -> dict[str, Any]:
    """What Chromium tells screen readers about the first element matching `selector`:
    its role, name and states such as expanded and focused (from the DevTools protocol)."""
    cdp = page.context.new_cdp_session(page)
    try:
        cdp.send("DOM.enable")
        cdp.send("Accessibility.enable")
        root = cdp.send("DOM.getDocument")["root"]["nodeId"]
        node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
        assert node, f"no element matches {selector}"
        (ax_node, *_) = cdp.send("Accessibility.getPartialAXTree", {"nodeId": node})["nodes"]
    finally:
        cdp.detach()
    state: dict[str, Any] = {
        "role": ax_node.get("role", {}).get("value"),
        "name": ax_node.get("name", {}).get("value"),
    }
    for prop in ax_node.get("properties", []):
        state[prop["name"]] = prop["value"].get("value")
    return state
