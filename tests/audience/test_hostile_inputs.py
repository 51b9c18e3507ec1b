"""Hostile input to the account pages of both editions: very long fields, control
characters, invalid UTF-8 in query strings and forms. Each gets a page (a form with its
errors, a redirect, a 400 or a 429), never a 500, and nothing is created from it."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

PREFIXES = ["", "/my"]
PAGES = [
    "accounts/login/",
    "accounts/signup/",
    "accounts/password/reset/",
    "accounts/password/reset/done/",
    "accounts/confirm-email/",
    "accounts/",
]
QUERY_STRINGS = [
    "next=%FF%FE",
    "next=%00",
    "next=https://evil.example/",
    "next=//evil.example/",
    "next=%E1%80",
    "next=" + "a" * 10_000,
    "login=%C3%28&password=%ED%A0%80",
    "%",
    "%ZZ=%ZZ",
]
LONG = "က" * 10_000
HOSTILE_VALUES = [
    LONG,
    "x" * 10_000 + "@example.org",
    "thida\x00",
    "\x01\x02\x1b[31m",
    "\u202eevil",
    "\ufeffthida",
    "",
    " ",
]
# Not limited here: the point is what each input does, not how many arrive.
UNLIMITED = {"login": "", "login_failed": "", "signup": "", "reset_password": ""}


@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("query_string", QUERY_STRINGS, ids=lambda qs: qs[:30])
def test_hostile_query_strings_get_a_page_not_an_error(prefix, query_string):
    client = Client()
    for page in PAGES:
        response = client.get(f"{prefix}/{page}?{query_string}")
        assert response.status_code in (200, 302, 400), (page, response.status_code)
        if response.status_code == 302:
            assert not response["Location"].startswith(("http", "//")), response["Location"]


@override_settings(ACCOUNT_RATE_LIMITS=UNLIMITED)
@pytest.mark.parametrize("prefix", PREFIXES)
@pytest.mark.parametrize("value", HOSTILE_VALUES, ids=lambda v: repr(v[:12]))
def test_hostile_form_values_get_the_form_back_with_errors(smtp_server, prefix, value):
    client = Client()
    forms = {
        "accounts/login/": {"login": value, "password": value},
        "accounts/signup/": {
            "username": value,
            "email": value,
            "password1": value,
            "password2": value,
        },
        "accounts/password/reset/": {"login": value},
    }
    for page, data in forms.items():
        response = client.post(f"{prefix}/{page}", data)
        assert response.status_code in (200, 302, 400), (page, response.status_code)
        if response.status_code == 200:
            assert "form__error" in response.content.decode() or 'role="alert"' in (
                response.content.decode()
            ), page
    assert not get_user_model().objects.exists()
    assert smtp_server.messages == []


@pytest.mark.parametrize("prefix", PREFIXES)
def test_a_form_body_that_is_not_utf8_gets_a_page_not_an_error(prefix):
    client = Client()
    for page in ("accounts/login/", "accounts/signup/", "accounts/password/reset/"):
        response = client.post(
            f"{prefix}/{page}",
            b"login=%FF%FE&password=%C3%28&username=%ED%A0%80",
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 302, 400), (page, response.status_code)
    assert not get_user_model().objects.exists()


def test_a_confirmation_link_that_was_never_sent_says_so():
    for prefix in PREFIXES:
        for key in ("nonsense", "MQ:1xV:" + "a" * 500, "%FF"):
            response = Client().get(f"{prefix}/accounts/confirm-email/{key}/")
            assert response.status_code in (200, 404), (key, response.status_code)
            post = Client().post(f"{prefix}/accounts/confirm-email/{key}/")
            assert post.status_code in (200, 302, 404), (key, post.status_code)


def test_repeated_wrong_passwords_for_one_account_get_a_clear_refusal():
    client = Client()
    answers = [
        client.post("/my/accounts/login/", {"login": "thida", "password": "wrong"})
        for _ in range(6)
    ]
    assert [answer.status_code for answer in answers] == [200] * 6
    assert "မကိုက်ညီပါ" in answers[0].content.decode()
    assert "မအောင်မြင်သော ကြိုးစားမှု အလွန်များနေပါသည်" in answers[-1].content.decode()


@override_settings(ACCOUNT_RATE_LIMITS={"login": "3/m/ip"})
def test_too_many_logins_from_one_connection_get_a_clear_429():
    client = Client()
    statuses = [
        client.post("/my/accounts/login/", {"login": f"reader{n}", "password": "x"}).status_code
        for n in range(3)
    ]
    refused = client.post("/my/accounts/login/", {"login": "thida", "password": "wrong"})
    assert statuses == [200, 200, 200]
    assert refused.status_code == 429
    html = refused.content.decode()
    assert "တစ်မိနစ်ခန့် စောင့်ပါ" in html and '<html lang="my"' in html
