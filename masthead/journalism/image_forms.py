"""The image library's form (WAGTAILIMAGES_IMAGE_FORM_BASE): captions, credits and alt
text are stored as Unicode. Wagtail loads it by name, after the models are ready."""

from __future__ import annotations

from typing import Any

from wagtail.images.forms import BaseImageForm

from masthead.journalism.zawgyi_check import ZawgyiCheckMixin


class NewsImageForm(ZawgyiCheckMixin, BaseImageForm):
    zawgyi_stops_first_save = False  # a re-shown upload form would lose the chosen file

    def clean(self) -> dict[str, Any]:
        cleaned: dict[str, Any] = super().clean()
        self.check_zawgyi()
        return cleaned
