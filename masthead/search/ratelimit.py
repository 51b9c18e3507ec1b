"""A per-client request budget for search, kept in the cache (Redis when configured).

The key is a hash of the client's address and the current window, kept no longer than the
window: nothing about a reader is stored (as for the contact form, decision 0005)."""

from __future__ import annotations

import hashlib
import time

from django.core.cache import cache
from django.http import HttpRequest

from masthead.core.clients import client_address


def retry_after(request: HttpRequest, *, bucket: str, limit: int, window: int) -> int | None:
    """Count this request; None if it is within the budget, else the seconds to wait."""
    now = time.time()
    slot = int(now // window)
    address = hashlib.sha256(client_address(request).encode()).hexdigest()[:32]
    key = f"search-rate:{bucket}:{address}:{slot}"
    try:
        cache.add(key, 0, timeout=window + 1)
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        count = 1
    except Exception:  # the cache is down: serve the reader rather than refuse
        return None
    if count <= limit:
        return None
    return max(1, int((slot + 1) * window - now) + 1)
