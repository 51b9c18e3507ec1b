"""Volatile regions: parts of a published page that change without a publish (today's date,
view counts, Most read). Templates wrap them in <!--volatile-->...<!--/volatile-->; the
periodic refresh re-renders the few pages that hold them, and `publish --verify` compares
pages with these regions blanked out, so a page is stale only when its content is."""

from __future__ import annotations

import re

_REGION = re.compile(rb"<!--volatile-->.*?<!--/volatile-->", re.DOTALL)


def without_volatile_regions(html: bytes) -> bytes:
    return _REGION.sub(b"<!--volatile--><!--/volatile-->", html)
