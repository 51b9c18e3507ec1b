from __future__ import annotations

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Image


class NewsImage(AbstractImage):
    """A picture in the newsroom's library; its caption and credit travel with it."""

    caption = models.CharField(max_length=400, blank=True)
    credit = models.CharField(
        max_length=200, blank=True, help_text="Photographer or source, e.g. 'Ayeyar Chronicle'."
    )
    alt_text = models.CharField(
        max_length=300, blank=True, help_text="What the picture shows, for screen readers."
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit", "alt_text")

    @property
    def default_alt_text(self) -> str:
        return self.alt_text or self.caption or self.title


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
