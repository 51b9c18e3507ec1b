"""How fast masthead.burmese handles text: prints figures, asserts nothing.

Run from the repository with the project installed: ``.venv/bin/python bench/burmese_text.py``.
The fixtures live in the ``shared/`` folder beside the repository.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path

from masthead.burmese import (
    index_text,
    normalize,
    syllables,
    zawgyi_probability,
    zawgyi_to_unicode,
)

FIXTURES = Path(__file__).resolve().parents[1].parent / "shared" / "testdata" / "burmese"
TARGET_BYTES = 5_000_000
PARAGRAPHS = 1000


def _seconds(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def _throughput_rows(text: str) -> list[tuple[str, str]]:
    megabytes = len(text.encode()) / 1_000_000
    rows = []
    for function in (normalize, syllables, index_text):
        seconds = _seconds(lambda function=function: function(text))
        rows.append((f"{function.__name__}", f"{megabytes / seconds:8.2f} MB/s"))
    return rows


def _per_paragraph_rows(paragraphs: list[str]) -> list[tuple[str, str]]:
    rows = []
    for function in (zawgyi_probability, zawgyi_to_unicode):
        seconds = _seconds(lambda function=function: [function(p) for p in paragraphs])
        rows.append((f"{function.__name__}", f"{seconds * 1000:8.1f} ms / 1,000 paragraphs"))
    return rows


def main() -> None:
    udhr = (FIXTURES / "udhr_mya_unicode_src.txt").read_text(encoding="utf-8")
    repeats = TARGET_BYTES // len(udhr.encode()) + 1
    unicode_text = udhr * repeats
    zawgyi_lines = [
        line
        for line in (FIXTURES / "mmgov_zawgyi_src.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    paragraphs = list(itertools.islice(itertools.cycle(zawgyi_lines), PARAGRAPHS))
    average = sum(map(len, paragraphs)) / len(paragraphs)

    zawgyi_probability("warm-up ေနျပည္ေတာ္")  # loads the model
    zawgyi_to_unicode("ေနျပည္ေတာ္")  # builds the transliterator
    syllables("မြန်မာ")  # compiles the patterns

    print(f"UDHR (Unicode) x {repeats}: {len(unicode_text.encode()) / 1e6:.1f} MB")
    for name, figure in _throughput_rows(unicode_text):
        print(f"  {name:<20}{figure}")
    print(f"News paragraphs (Zawgyi), {average:.0f} characters on average:")
    for name, figure in _per_paragraph_rows(paragraphs):
        print(f"  {name:<20}{figure}")


if __name__ == "__main__":
    main()
