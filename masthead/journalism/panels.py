"""Back-office panels."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel

from masthead import burmese
from masthead.journalism.text import article_plain_text, reading_minutes_for


def reading_figures(text: str) -> dict[str, int]:
    """Reading time and the counts behind it, for both scripts."""
    units = burmese.count_reading_units(text)
    return {
        "minutes": reading_minutes_for(text),
        "syllables": units.burmese_syllables,
        "words": units.latin_words,
    }


class ReadingTimePanel(Panel):
    """Reading time and syllable/word counts of the story, refreshed as the editor writes."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "journalism/admin/reading_time_panel.html"

        def get_context_data(self, parent_context: Any = None) -> Any:
            context = super().get_context_data(parent_context)
            context["figures"] = reading_figures(article_plain_text(self.instance))
            return context
