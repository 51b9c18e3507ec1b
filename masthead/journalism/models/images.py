from __future__ import annotations

from functools import cache

from django.db import models
from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image


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

    # A filter asked for by its spec is one kept per spec: a filter works out its operations
    # from the spec once, where Wagtail would make a new one for every rendition asked for
    # (a story page asks for seven, a build for hundreds of thousands).
    def get_rendition(self, filter: Filter | str) -> AbstractRendition:
        return super().get_rendition(_kept(filter))

    def get_renditions(self, *filters: Filter | str) -> dict[str, AbstractRendition]:
        return super().get_renditions(*map(_kept, filters))


def _kept(filter: Filter | str) -> Filter:
    return _filter_for(filter) if isinstance(filter, str) else filter


@cache
def _filter_for(spec: str) -> Filter:
    return Filter(spec=spec)


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
