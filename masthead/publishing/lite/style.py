"""The light pages' only style sheet: a few hundred bytes inline in every page, so a page
is one request. Readable at 240 px and on a modern phone, light or dark as the reader's
system is.

Pure Python, no Django: the Content-Security-Policy of pages served as files (settings,
nginx) can allow this exact style by its hash without loading the app.
"""

from __future__ import annotations

import base64
import hashlib
from functools import cache
from pathlib import Path

STYLE_FILE = Path(__file__).with_name("style.css")


@cache
def page_style() -> str:
    return STYLE_FILE.read_text(encoding="utf-8").strip()


def style_source_hash() -> str:
    """The CSP source that allows the inline style and no other: "'sha256-…'"."""
    digest = hashlib.sha256(page_style().encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"
