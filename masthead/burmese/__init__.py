"""Burmese text for masthead: Zawgyi, normalisation, syllables, search, dates, slugs.

Pure Python (no Django) so importers, commands and tests can use it anywhere. Text from
outside (forms, imports, search queries) goes through ``fix_zawgyi`` at the edge; stored
text is Unicode. Everything is importable from this package:

- ``normalize``: canonical Unicode Burmese (NFC, look-alike digits, mark order).
- ``zawgyi_probability``, ``zawgyi_to_unicode``, ``fix_zawgyi``: the legacy Zawgyi encoding.
- ``syllables``: the syllable-break rule; ``index_text``: the search-index form.
- ``format_date``, ``format_time``, ``relative_time``, ``month_name``, ``weekday_name``,
  ``humanize_count``, ``to_burmese_digits``, ``from_burmese_digits``: display in Burmese
  (``"my"``) and English (``"en"``).
- ``reading_minutes``, ``count_reading_units``: reading time.
- ``slugify``, ``validate_slug``: URL slugs that keep Burmese intact.
"""

from masthead.burmese.counts import humanize_count
from masthead.burmese.dates import (
    format_date,
    format_time,
    month_name,
    relative_time,
    weekday_name,
)
from masthead.burmese.digits import from_burmese_digits, to_burmese_digits
from masthead.burmese.indexing import index_text
from masthead.burmese.normalization import normalize
from masthead.burmese.reading import ReadingUnits, count_reading_units, reading_minutes
from masthead.burmese.segmentation import syllables
from masthead.burmese.slugs import slugify, validate_slug
from masthead.burmese.zawgyi import (
    ASK_ABOVE,
    CONVERT_ABOVE,
    ZawgyiFix,
    fix_zawgyi,
    zawgyi_probability,
    zawgyi_to_unicode,
)

__all__ = [
    "ASK_ABOVE",
    "CONVERT_ABOVE",
    "ReadingUnits",
    "ZawgyiFix",
    "count_reading_units",
    "fix_zawgyi",
    "format_date",
    "format_time",
    "from_burmese_digits",
    "humanize_count",
    "index_text",
    "month_name",
    "normalize",
    "reading_minutes",
    "relative_time",
    "slugify",
    "syllables",
    "to_burmese_digits",
    "validate_slug",
    "weekday_name",
    "zawgyi_probability",
    "zawgyi_to_unicode",
]
