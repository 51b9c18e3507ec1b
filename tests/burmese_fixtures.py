"""The shared Zawgyi/Unicode fixture pair (../shared/testdata/burmese), for tests of the
places where Zawgyi enters masthead."""

from __future__ import annotations

from pathlib import Path

from masthead.burmese import zawgyi_probability

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "burmese"
_ZAWGYI_LINES = (FIXTURES / "mmgov_zawgyi_src.txt").read_text().splitlines()
_UNICODE_LINES = (FIXTURES / "mmgov_unicode_out.txt").read_text().splitlines()
_INDEX = next(i for i, line in enumerate(_ZAWGYI_LINES) if zawgyi_probability(line) > 0.95)

#: The first line of the news-page fixture that is surely Zawgyi, and its reference Unicode.
ZAWGYI, UNICODE = _ZAWGYI_LINES[_INDEX], _UNICODE_LINES[_INDEX]
