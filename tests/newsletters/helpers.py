"""What the newsletter tests share: running the task queue, reading links out of mail."""

from __future__ import annotations

import re
from email.message import EmailMessage
from urllib.parse import urlsplit

from django.core.management import call_command
from django.http import HttpResponse

LINK = re.compile(r"https?://\S+")


def run_tasks() -> None:
    """Run every queued background task, as `masthead worker` would."""
    call_command("worker", batch=True, no_scheduler=True, verbosity=0)


def body_of(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain",))
    assert part is not None
    return str(part.get_content())


def link_path(message: EmailMessage, kind: str) -> str:
    """The path of the mail's confirm or unsubscribe link."""
    for url in LINK.findall(body_of(message)):
        if f"/newsletter/{kind}/" in url:
            return urlsplit(url).path
    raise AssertionError(f"no {kind} link in:\n{body_of(message)}")


def sets_no_cookie(response: HttpResponse) -> bool:
    return not response.cookies and "Set-Cookie" not in response.headers
