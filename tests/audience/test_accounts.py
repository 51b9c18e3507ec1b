"""Reader accounts through the full Django stack, in both editions, with the mail going over
a real SMTP connection: sign-up, the confirmation link, logging in by username and by email,
logging out, password resets by username and by email, and what a reader sees when the
password is wrong or the mail relay is down."""

from __future__ import annotations

import re
from email.message import EmailMessage
from urllib.parse import urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db

EDITIONS = {"en": "", "my": "/my"}
PASSWORD = "river-delta-monsoon-42"
LINK = re.compile(r"https?://[^\s]+")


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def link_in(message: EmailMessage) -> str:
    found = LINK.search(body_of(message))
    assert found, body_of(message)
    return urlsplit(found.group(0)).path


def sign_up(client: Client, prefix: str, username: str = "thida", email: str = "") -> object:
    return client.post(
        f"{prefix}/accounts/signup/",
        {
            "username": username,
            "email": email or f"{username}@example.org",
            "password1": PASSWORD,
            "password2": PASSWORD,
        },
    )


def confirmed_reader(client: Client, smtp_server, prefix: str, username: str = "thida") -> None:
    sign_up(client, prefix, username)
    confirm = link_in(smtp_server.messages[-1])
    client.post(confirm)
    client.cookies.clear()


@pytest.mark.parametrize("language", EDITIONS)
def test_sign_up_confirm_by_email_then_log_in_by_username_and_by_email_and_log_out(
    smtp_server, language
):
    prefix = EDITIONS[language]
    client = Client()

    signed_up = sign_up(client, prefix)
    assert signed_up.status_code == 302
    assert signed_up["Location"] == f"{prefix}/accounts/confirm-email/"
    waiting = client.get(signed_up["Location"])
    assert f'<html lang="{language}"' in waiting.content.decode()

    (message,) = smtp_server.messages
    assert message["To"] == "thida@example.org"
    confirm_url = link_in(message)
    assert confirm_url.startswith(f"{prefix}/accounts/confirm-email/")
    if language == "my":
        assert "သင့်အီးမေးလ်လိပ်စာကို အတည်ပြုပါ" in message["Subject"]
        assert "အတည်ပြုရန် ဤလင့်ခ်ကို ဖွင့်ပါ" in body_of(message)
    else:
        assert "Confirm your email address" in message["Subject"]

    # Before confirming, the reader cannot log in: a new mail is sent instead.
    unconfirmed = Client().post(
        f"{prefix}/accounts/login/", {"login": "thida", "password": PASSWORD}
    )
    assert unconfirmed.status_code == 302
    assert unconfirmed["Location"] == f"{prefix}/accounts/confirm-email/"

    assert client.get(confirm_url).status_code == 200  # a page with a button, not a GET action
    confirmed = client.post(confirm_url)
    assert confirmed.status_code == 302
    assert EmailAddress.objects.get(email="thida@example.org").verified

    for login in ("thida", "THIDA@example.org"):
        reader = Client()
        logged_in = reader.post(f"{prefix}/accounts/login/", {"login": login, "password": PASSWORD})
        assert logged_in.status_code == 302, login
        assert logged_in["Location"] == f"{prefix}/accounts/"
        assert "sessionid" in logged_in.cookies
        account = reader.get(logged_in["Location"]).content.decode()
        assert "thida" in account and f'<html lang="{language}"' in account

        logged_out = reader.post(f"{prefix}/accounts/logout/")
        assert logged_out.status_code == 302
        assert logged_out["Location"] == f"{prefix}/accounts/login/"
        assert reader.get(f"{prefix}/accounts/").status_code == 302  # no longer logged in


@pytest.mark.parametrize("language", EDITIONS)
def test_a_wrong_password_gets_a_clear_error_in_the_edition_language(smtp_server, language):
    prefix = EDITIONS[language]
    confirmed_reader(Client(), smtp_server, prefix)
    response = Client().post(f"{prefix}/accounts/login/", {"login": "thida", "password": "nope"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in html
    if language == "my":
        assert "မည်သည့်အကောင့်နှင့်မျှ မကိုက်ညီပါ" in html
    else:
        assert "do not match an account" in html
    assert "sessionid" not in response.cookies


@pytest.mark.parametrize("language", EDITIONS)
@pytest.mark.parametrize("asked_by", ["username", "email"])
def test_password_reset_by_username_or_email_sends_a_link_that_sets_a_new_password(
    smtp_server, language, asked_by
):
    prefix = EDITIONS[language]
    confirmed_reader(Client(), smtp_server, prefix)
    client = Client()
    login = "thida" if asked_by == "username" else "thida@example.org"

    asked = client.post(f"{prefix}/accounts/password/reset/", {"login": login})
    assert asked.status_code == 302
    assert asked["Location"] == f"{prefix}/accounts/password/reset/done/"
    message = smtp_server.messages[-1]
    assert message["To"] == "thida@example.org"
    reset_url = link_in(message)
    assert reset_url.startswith(f"{prefix}/accounts/password/reset/key/")
    assert "thida" in body_of(message)  # the username, for a reader who forgot it too

    form_page = client.get(reset_url, follow=True)
    assert form_page.status_code == 200
    new_password = "kyaukse-tea-shop-2025"
    changed = client.post(
        form_page.redirect_chain[-1][0] if form_page.redirect_chain else reset_url,
        {"password1": new_password, "password2": new_password},
    )
    assert changed.status_code == 302
    assert get_user_model().objects.get(username="thida").check_password(new_password)
    logged_in = Client().post(
        f"{prefix}/accounts/login/", {"login": "thida", "password": new_password}
    )
    assert logged_in["Location"] == f"{prefix}/accounts/"


def test_password_reset_for_an_unknown_username_says_the_same_and_sends_nothing(smtp_server):
    response = Client().post("/accounts/password/reset/", {"login": "nobody-here"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/password/reset/done/"
    assert smtp_server.messages == []


@pytest.mark.parametrize("language", EDITIONS)
def test_with_the_mail_relay_down_sign_up_says_so_and_keeps_nothing(smtp_server, language):
    prefix = EDITIONS[language]
    smtp_server.stop()
    client = Client()
    response = sign_up(client, prefix)
    html = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"]
    assert 'role="alert"' in html and f'<html lang="{language}"' in html
    # Nothing is kept, so the same username and address can sign up again later.
    assert not get_user_model().objects.filter(username="thida").exists()
    assert not EmailAddress.objects.filter(email="thida@example.org").exists()


def test_with_the_mail_relay_down_a_password_reset_says_so(smtp_server):
    confirmed_reader(Client(), smtp_server, "")
    smtp_server.stop()
    response = Client().post("/my/accounts/password/reset/", {"login": "thida"})
    assert response.status_code == 503
    assert "မေးလ်ဆာဗာ" in response.content.decode()


@pytest.mark.parametrize("language", EDITIONS)
def test_account_pages_wear_the_site_header_and_speak_the_edition_language(language):
    prefix = EDITIONS[language]
    response = Client().get(f"{prefix}/accounts/login/")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in html
    assert 'class="masthead"' in html and "site-footer" in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "data-account-panel" in html and 'name="csrfmiddlewaretoken"' in html
    welcome = "ပြန်လည် ကြိုဆိုပါသည်" if language == "my" else "Welcome back"
    assert welcome in html
    # Opening an account page sets the CSRF cookie, and nothing else.
    assert set(response.cookies) == {"csrftoken"}


@pytest.mark.parametrize("language", EDITIONS)
def test_reader_pages_link_to_the_edition_login_and_still_set_no_cookie(language):
    prefix = EDITIONS[language]
    response = Client().get(f"{prefix}/")
    html = response.content.decode()
    assert f'href="{prefix}/accounts/login/" class="masthead__login" data-login-dialog' in html
    assert "/static/js/login-dialog.js" in html
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies
    assert "Set-Cookie" not in response.headers


def test_a_logged_in_reader_gets_the_same_reader_page_as_everyone(smtp_server):
    confirmed_reader(Client(), smtp_server, "")
    reader = Client()
    reader.post("/accounts/login/", {"login": "thida", "password": PASSWORD})
    anonymous = Client().get("/").content
    assert reader.get("/").content == anonymous
    # The login link leads a logged-in reader to their account.
    assert reader.get("/accounts/login/")["Location"] == "/accounts/"
