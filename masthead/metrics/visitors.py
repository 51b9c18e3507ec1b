"""Telling a repeat view from a new one without knowing who anyone is.

A view is keyed by a hash of the day's salt with the reader's address, user agent and the
story. The salt is random, lives only in Redis (when configured) or in the memory of the
serving processes, and a new one is drawn for each day, so a key cannot be linked to a
reader, nor one day's keys to another's, and nothing on disk can ever be re-hashed to test
whether an address read a story. Nothing here stores the address or the user agent.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from datetime import date

from masthead.metrics.redis_store import mark_down, redis_or_none

SALT_BYTES = 32
_SALT_SECONDS = 36 * 3600  # outlives its day in every time zone, then Redis forgets it

# Processes started together (`masthead serve` forks several) must share a salt, or a reader
# whose requests reach two of them would count twice: they share a random seed from the
# environment `masthead serve` gives them, which exists only in memory.
_process_seed = os.environ.get("MASTHEAD_VISITOR_SEED", "").encode() or secrets.token_bytes(32)
_salts: dict[date, bytes] = {}


def day_salt(day: date) -> bytes:
    salt = _salts.get(day)
    if salt is None:
        salt = _salt_from_redis(day) or _salt_from_seed(day)
        _salts.clear()  # only today's is ever needed again
        _salts[day] = salt
    return salt


def forget_salts() -> None:
    """Drop the salts this process remembers (when Redis comes back, or in tests)."""
    _salts.clear()


def _salt_from_seed(day: date) -> bytes:
    return hashlib.blake2b(day.isoformat().encode(), key=_process_seed[:64]).digest()


def _salt_from_redis(day: date) -> bytes | None:
    redis = redis_or_none()
    if redis is None:
        return None
    key = f"masthead:metrics:salt:{day.isoformat()}"
    try:
        redis.set(key, secrets.token_bytes(SALT_BYTES), nx=True, ex=_SALT_SECONDS)
        salt = redis.get(key)
    except Exception:  # Redis down: the memory salt serves until it is back
        mark_down()
        return None
    return bytes(salt) if salt else None


def visitor_key(*, day: date, address: str, user_agent: str, story_id: int) -> bytes:
    message = f"{address}\n{user_agent}\n{story_id}".encode("utf-8", "replace")
    return hashlib.blake2b(message, key=day_salt(day), digest_size=16).digest()
