"""Requests that are not a reader reading: crawlers, link previewers, prefetches."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

# Substrings of the user agents of crawlers, link-preview fetchers and headless tools. A
# beacon needs JavaScript, so most bots never send one; these are the ones that do, or that
# fetch whatever they find. In-app browsers (Facebook's FBAN, Telegram's, Line's) are
# readers and must not match.
_NOT_READERS = re.compile(
    r"bot\b|bot/|crawl|spider|slurp|scrape|preview|fetcher|headless|lighthouse|"
    r"facebookexternalhit|facebookcatalog|meta-externalagent|embedly|^whatsapp/|"
    r"skypeuripreview|vkshare|pinterest|redditbot|quora link|bitlybot|tumblr|"
    r"google-inspectiontool|googleother|adsbot|mediapartners|feedfetcher|apis-google|"
    r"python-requests|python-urllib|aiohttp|httpx|curl/|wget/|go-http-client|okhttp|"
    r"java/|libwww|httpclient|node-fetch|axios|phantomjs|selenium|puppeteer|playwright",
    re.IGNORECASE,
)
# Headers browsers send when they fetch a page the reader has not opened (yet).
_PREFETCH_HEADERS = (
    ("HTTP_SEC_PURPOSE", "prefetch"),
    ("HTTP_PURPOSE", "prefetch"),
    ("HTTP_X_PURPOSE", "preview"),
    ("HTTP_X_MOZ", "prefetch"),
)


def is_reader(environ: Mapping[str, Any]) -> bool:
    """Whether a request (WSGI environ or request.META) looks like a person reading."""
    agent = environ.get("HTTP_USER_AGENT", "")
    if not agent or _NOT_READERS.search(agent):
        return False
    return not any(
        wanted in environ.get(header, "").lower() for header, wanted in _PREFETCH_HEADERS
    )
