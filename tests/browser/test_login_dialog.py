"""The header's "Log in" link in a real Chromium, in both editions: with JavaScript it opens a
modal login dialog ("Welcome back") that keeps focus inside, shows errors in place, logs the
reader in and closes with Escape; without JavaScript it is a plain link to the login page.
No cookie exists until the reader asks to log in. Screenshots go to
test-artifacts/screenshots/."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from tests.browser.chromium import CHROMIUM
from tests.browser.reader import screenshot

pytest.importorskip("playwright.sync_api", reason="playwright is installed by `make install`")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason=f"no Chromium at {CHROMIUM}"),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EDITIONS = {"en": "", "my": "/my"}
PASSWORD = "river-delta-monsoon-42"
WELCOME = {"en": "Welcome back", "my": "ပြန်လည် ကြိုဆိုပါသည်"}
WRONG = {"en": "do not match an account", "my": "မည်သည့်အကောင့်နှင့်မျှ မကိုက်ညီပါ"}
LOGGED_IN = {"en": "You are logged in as thida.", "my": "သင်သည် thida အဖြစ် အကောင့်ဝင်ထားပါသည်။"}


@pytest.fixture
def site(live_server: Any) -> str:
    """A reader with a confirmed address; returns the site's address."""
    user = get_user_model().objects.create_user(
        username="thida", email="thida@example.org", password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return str(live_server.url)


def cookie_names(page: Any) -> set[str]:
    return {cookie["name"] for cookie in page.context.cookies()}


def focus_is_inside_the_dialog(page: Any) -> bool:
    return bool(
        page.evaluate(
            """() => { const a = document.activeElement;
                       return !a || a === document.body || !!a.closest('dialog'); }"""
        )
    )


@pytest.mark.parametrize("language", EDITIONS)
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_the_login_link_opens_a_dialog_that_logs_in_and_closes_with_escape(
    reader, site, language, size
):
    prefix = EDITIONS[language]
    page = reader.page(size)
    page.goto(f"{site}{prefix}/", wait_until="networkidle")
    assert cookie_names(page) == set()
    link = page.locator(".masthead__tools a.masthead__login")
    assert link.get_attribute("href") == f"{prefix}/accounts/login/"

    link.click()
    dialog = page.locator("dialog.login-dialog")
    dialog.wait_for(state="visible")
    assert dialog.evaluate("d => d.matches(':modal')")
    assert dialog.get_by_role("heading").inner_text() == WELCOME[language]
    assert page.get_by_role("dialog", name=WELCOME[language]).is_visible()
    assert urlsplit(page.url).path == f"{prefix}/"  # the reader stays on the page
    # Asking to log in is what sets the CSRF cookie; there is still no session.
    assert cookie_names(page) == {"csrftoken"}
    assert page.evaluate("document.activeElement.name") == "login"
    if size == "phone":
        assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, f"login-dialog-{language}-{size}")

    # Focus stays in the dialog however far the reader tabs.
    for _ in range(12):
        page.keyboard.press("Tab")
        assert focus_is_inside_the_dialog(page)

    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    assert urlsplit(page.url).path == f"{prefix}/"

    link.click()
    dialog.wait_for(state="visible")
    dialog.locator("input[name=login]").fill("thida")
    dialog.locator("input[name=password]").fill("not the password")
    dialog.locator("button[type=submit]").click()
    alert = dialog.get_by_role("alert")
    alert.wait_for()
    assert WRONG[language] in alert.inner_text()
    assert "sessionid" not in cookie_names(page)
    screenshot(page, f"login-dialog-{language}-{size}-error")

    dialog.locator("input[name=login]").fill("thida@example.org")
    dialog.locator("input[name=password]").fill(PASSWORD)
    dialog.locator("button[type=submit]").click()
    dialog.get_by_text(LOGGED_IN[language]).wait_for()
    assert "sessionid" in cookie_names(page)
    assert urlsplit(page.url).path == f"{prefix}/"
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")
    page.context.close()


@pytest.mark.parametrize("language", EDITIONS)
def test_without_javascript_the_login_link_leads_to_the_login_page(reader, site, language):
    prefix = EDITIONS[language]
    page = reader.page("phone", javascript=False)
    page.goto(f"{site}{prefix}/", wait_until="networkidle")
    page.locator(".masthead__tools a.masthead__login").click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == f"{prefix}/accounts/login/"
    assert page.locator("h1").inner_text() == WELCOME[language]
    assert page.locator("html").get_attribute("lang") == language
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, f"login-page-{language}-phone-no-js")

    page.locator("input[name=login]").fill("thida")
    page.locator("input[name=password]").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    page.wait_for_load_state("networkidle")
    assert urlsplit(page.url).path == f"{prefix}/accounts/"
    assert LOGGED_IN[language] in page.locator("main").inner_text()
    page.context.close()
