"""The address a request came from, for rate limits and visit counting (never stored).

Behind nginx on the same machine every request arrives from 127.0.0.1; nginx passes the
reader's address in X-Forwarded-For, which is believed only from the proxies listed in
MASTHEAD_TRUSTED_PROXIES (loopback by default), and only its last entry: the one our own
proxy wrote. Anything a client puts before it is ignored.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    return address_in(request.META)


def address_in(environ: Mapping[str, Any]) -> str:
    """The client address from a WSGI environ (or a request's META)."""
    address = environ.get("REMOTE_ADDR", "")
    forwarded = environ.get("HTTP_X_FORWARDED_FOR", "")
    if forwarded and address in settings.MASTHEAD_TRUSTED_PROXIES:
        return forwarded.split(",")[-1].strip() or address
    return address
