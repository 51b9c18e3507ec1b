"""Where views are kept: unfolded views, then per-story totals and per-day and per-hour rows.

No row holds an address, a user agent or anything that names a reader. A `PendingView`
holds a keyed hash of one visitor's view of one story on one day, kept only until that day
is over and folded, so repeat views that day count once.
"""

from __future__ import annotations

from django.db import models


class PendingView(models.Model):
    """A counted view not yet folded into the totals (the database path of the beacon)."""

    day = models.DateField()
    visitor = models.BinaryField(max_length=16)  # hash(day's salt, address, agent, story)
    story_id = models.BigIntegerField()
    hour = models.DateTimeField()
    folded = models.BooleanField(default=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["day", "visitor"], name="one_view_per_visitor_day")
        ]
        indexes = [
            models.Index(
                fields=["id"], condition=models.Q(folded=False), name="pendingview_unfolded"
            )
        ]

    def __str__(self) -> str:
        return f"view of story {self.story_id} on {self.day}"


class FoldLock(models.Model):
    """One row, locked while a fold runs, so two folds never interleave."""

    def __str__(self) -> str:
        return "fold lock"


class FoldedBatch(models.Model):
    """A batch of counts taken from Redis and folded; its name makes folding it twice a no-op."""

    name = models.CharField(max_length=64, unique=True)
    folded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"folded batch {self.name}"


class StoryViews(models.Model):
    """A story's all-time total, read when its page is rendered."""

    story_id = models.BigIntegerField(primary_key=True)
    locale_id = models.BigIntegerField()
    section_path = models.CharField(max_length=255)
    published_at = models.DateTimeField(null=True)
    total = models.BigIntegerField(default=0)
    # The total its published pages show: the periodic refresh re-renders a story's pages
    # when the humanised total differs.
    shown_total = models.BigIntegerField(default=0)

    class Meta:
        indexes = [
            models.Index(fields=["locale_id", "section_path"], name="storyviews_section"),
            models.Index(
                fields=["story_id"],
                condition=models.Q(total__gt=models.F("shown_total")),
                name="storyviews_unshown",
            ),
        ]

    def __str__(self) -> str:
        return f"story {self.story_id}: {self.total} views"


class PeriodViews(models.Model):
    """Views of one story in one period, filed under its edition and section for rankings."""

    story_id = models.BigIntegerField()
    locale_id = models.BigIntegerField()
    section_path = models.CharField(max_length=255)
    views = models.BigIntegerField(default=0)

    class Meta:
        abstract = True


class DailyViews(PeriodViews):
    """Views of one story on one day (the newsroom's calendar day)."""

    day = models.DateField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story_id", "day"], name="one_row_per_story_day")
        ]
        indexes = [models.Index(fields=["locale_id", "day"], name="dailyviews_edition_day")]

    def __str__(self) -> str:
        return f"story {self.story_id} on {self.day}: {self.views} views"


class HourlyViews(PeriodViews):
    """Views of one story in one hour, kept for two days: "most read in 24 hours" and trending."""

    hour = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story_id", "hour"], name="one_row_per_story_hour")
        ]
        indexes = [models.Index(fields=["locale_id", "hour"], name="hourlyviews_edition_hour")]

    def __str__(self) -> str:
        return f"story {self.story_id} at {self.hour}: {self.views} views"
