"""axe-core finds no accessibility violation on the demo newsroom's reader pages.

The demo is loaded and, in each edition (English at /, Burmese at /my/), the front, the News
section, an article with a featured image, a fact check, an author page, the About page and
the contact form (tests/demo_pages.py) are opened in Chromium. axe-core (npm, installed by
./scripts/build-assets) is run on each four times: desktop (1280 px) and phone (360 px), each
in light and dark colour schemes, with the WCAG 2.0/2.1 A and AA rules, WCAG 2.2's target
size and axe's best practices. Violations fail the test, listed by page, rule and elements;
axe's "incomplete" results (contrast it cannot compute, over an image say) are not failures.
docs/decisions/0013-accessibility-checks.md says why.

axe is added to the page as a same-origin script (a request Playwright answers from
node_modules) rather than as inline text, so the page's Content-Security-Policy stays in force
while it is checked: the page is tested as readers get it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from masthead.demo.loader import load_demo
from masthead.publishing.receivers import paused
from tests.browser.chromium import CHROMIUM
from tests.demo_pages import EDITIONS, ReaderPage, reader_pages

pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make install`")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
AXE_URL_PATH = "/__axe-core__.js"  # never a real address: Playwright answers it
# WCAG 2.2 AA adds one rule, target-size (24 px), which Lighthouse also applies.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 360, "height": 780}}
SCHEMES = ("light", "dark")
SHOWN_TARGETS = 4


@dataclass(frozen=True)
class Finding:
    page: ReaderPage
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]


def run_axe(page: Any, origin: str) -> dict[str, Any]:
    """axe's verdict on the page as it is now displayed: {"violations": [{id, impact, help,
    targets}], "checked": ids of the rules that found something to check}."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.route(
            f"{origin}{AXE_URL_PATH}",
            lambda route: route.fulfill(path=AXE_SCRIPT, content_type="text/javascript"),
        )
        page.add_script_tag(url=f"{origin}{AXE_URL_PATH}")
    results: dict[str, Any] = page.evaluate(
        """tags => axe.run(document, {
            runOnly: {type: 'tag', values: tags},
            resultTypes: ['violations'],
        }).then(results => ({
            violations: results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                targets: v.nodes.map(node => node.target.join(' ')),
            })),
            checked: [...results.passes, ...results.violations].map(rule => rule.id),
        }))""",
        AXE_TAGS,
    )
    return results


def describe(findings: dict[Finding, list[str]]) -> str:
    lines = [f"{len(findings)} accessibility violations (axe-core, tags {', '.join(AXE_TAGS)}):"]
    for finding, settings in findings.items():
        targets = list(finding.targets[:SHOWN_TARGETS])
        if len(finding.targets) > SHOWN_TARGETS:
            targets.append(f"… and {len(finding.targets) - SHOWN_TARGETS} more")
        lines.append(
            f"- {finding.page.label} {finding.page.url} [{', '.join(settings)}]\n"
            f"    {finding.rule} ({finding.impact}): {finding.help}\n"
            + "".join(f"      {target}\n" for target in targets).rstrip("\n")
        )
    return "\n".join(lines)


def test_reader_pages_of_both_editions_have_no_accessibility_violations(visit, live_server):
    with paused():  # the demo is loaded once, for both editions: it takes a while
        load_demo()
    pages = [page for language in EDITIONS for page in reader_pages(language)]
    # No database work from here on: the browser's event loop now runs in this thread.
    findings: dict[Finding, list[str]] = defaultdict(list)
    for page in pages:
        opened = visit(live_server.url + page.url, "desktop")
        for width, size in WIDTHS.items():
            opened.page.set_viewport_size(size)
            for scheme in SCHEMES:
                opened.page.emulate_media(color_scheme=scheme)
                results = run_axe(opened.page, live_server.url)
                # The check itself worked: contrast (the rule dark mode is here for) was judged.
                assert "color-contrast" in results["checked"], (page, width, scheme, results)
                for violation in results["violations"]:
                    finding = Finding(
                        page=page,
                        rule=violation["id"],
                        impact=violation["impact"],
                        help=violation["help"],
                        targets=tuple(violation["targets"]),
                    )
                    findings[finding].append(f"{width} {scheme}")
        opened.context.close()

    assert not findings, describe(findings)
