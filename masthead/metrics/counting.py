"""Counting one view: into Redis when it is configured and up, else into the database.

Either way a visitor's repeat views of one story on one day count once, and nothing that
names the visitor is kept (masthead/metrics/visitors.py).
"""

from __future__ import annotations

import logging
from datetime import date, datetime

from django.db import close_old_connections
from django.utils import timezone

from masthead.core.time import to_display_time
from masthead.metrics.models import PendingView
from masthead.metrics.redis_store import mark_down, redis_or_none
from masthead.metrics.visitors import visitor_key

logger = logging.getLogger(__name__)

SEEN_KEY = "masthead:metrics:seen:{day}"
PENDING_KEY = "masthead:metrics:pending"
_SEEN_SECONDS = 2 * 86400

# One round trip: remember the visitor for the day; count the view only if they are new.
_COUNT_ONCE = """
if redis.call('SADD', KEYS[1], ARGV[1]) == 1 then
  redis.call('EXPIRE', KEYS[1], ARGV[3])
  redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
  return 1
end
return 0
"""
_script = None


def view_field(story_id: int, day: date, hour: datetime) -> str:
    """How a pending count is named in Redis: story, newsroom day and UTC hour."""
    return f"{story_id}|{day.isoformat()}|{int(hour.timestamp())}"


def record_view(
    *, story_id: int, address: str, user_agent: str, at: datetime | None = None
) -> None:
    """Count a view of `story_id`, once per visitor and day. Never raises for storage
    trouble: a view that cannot be stored anywhere is logged and dropped."""
    at = at or timezone.now()
    day = to_display_time(at).date()
    hour = at.replace(minute=0, second=0, microsecond=0)
    visitor = visitor_key(day=day, address=address, user_agent=user_agent, story_id=story_id)
    if _count_in_redis(story_id=story_id, visitor=visitor, day=day, hour=hour):
        return
    try:
        PendingView.objects.bulk_create(
            [PendingView(day=day, visitor=visitor, story_id=story_id, hour=hour)],
            ignore_conflicts=True,
        )
    except Exception:
        logger.exception("a view could not be stored")
        close_old_connections()


def _count_in_redis(*, story_id: int, visitor: bytes, day: date, hour: datetime) -> bool:
    global _script
    redis = redis_or_none()
    if redis is None:
        return False
    try:
        if _script is None:
            _script = redis.register_script(_COUNT_ONCE)
        _script(
            keys=[SEEN_KEY.format(day=day.isoformat()), PENDING_KEY],
            args=[visitor, view_field(story_id, day, hour), _SEEN_SECONDS],
            client=redis,
        )
    except Exception:
        logger.warning("Redis is down: views go to the database for a while")
        mark_down()
        return False
    return True
