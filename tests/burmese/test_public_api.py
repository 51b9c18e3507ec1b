import contextlib
import doctest
import importlib
import math
import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import masthead.burmese
from masthead.burmese import (
    count_reading_units,
    fix_zawgyi,
    format_date,
    format_time,
    from_burmese_digits,
    humanize_count,
    index_text,
    normalize,
    reading_minutes,
    relative_time,
    slugify,
    syllables,
    to_burmese_digits,
    validate_slug,
    zawgyi_probability,
    zawgyi_to_unicode,
)

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "burmese"
SEPARATORS = re.compile(r"[\s\u200b]")

TEXT_FUNCTIONS = [
    normalize,
    zawgyi_probability,
    zawgyi_to_unicode,
    fix_zawgyi,
    syllables,
    index_text,
    to_burmese_digits,
    from_burmese_digits,
    reading_minutes,
    count_reading_units,
    slugify,
]


def _validate_slug_quietly(text: str) -> None:
    """validate_slug's only answer to a bad slug is ValueError."""
    with contextlib.suppress(ValueError):
        validate_slug(text)


ALL_TEXT_CALLS = [*TEXT_FUNCTIONS, _validate_slug_quietly]

#: Any code point, unpaired surrogates included (Hypothesis leaves them out by default).
any_code_points = st.text(st.characters(exclude_categories=()), max_size=40)


def test_every_public_name_is_exported_from_the_package():
    for name in masthead.burmese.__all__:
        assert getattr(masthead.burmese, name) is not None
    assert sorted(masthead.burmese.__all__) == masthead.burmese.__all__


@pytest.mark.parametrize(
    "module_name",
    [module.name for module in pkgutil.iter_modules(masthead.burmese.__path__)],
)
def test_docstring_examples_in_module_hold(module_name):
    module = importlib.import_module(f"masthead.burmese.{module_name}")

    assert doctest.testmod(module).failed == 0


def test_package_imports_no_django():
    code = (
        "import sys, masthead.burmese; "
        "sys.exit(any(m.split('.')[0] in {'django', 'wagtail'} for m in sys.modules))"
    )

    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


@pytest.mark.parametrize("function", ALL_TEXT_CALLS, ids=lambda f: f.__name__)
@pytest.mark.parametrize(
    "text",
    [
        "",
        "\u1031",  # a lone vowel sign
        "\u103a\u1039\u103b",  # signs with no consonant at all
        "\u0301\u0308",  # lone Latin combining marks
        "\ud800",  # unpaired high surrogate
        "a\udfffb\ud800",
        "\ud800\udc00",  # surrogate halves that ICU would fuse
        "\x00\x1f\x7f",
        "English, မြန်မာ, 中文, русский, العربية, 😀👍🏽",
        "ေနျပည္ေတာ္ 2025 Myanmar",  # Zawgyi mixed with Latin
        "\u200b\u2060\ufeff\u200c\u200d",
    ],
    ids=repr,
)
def test_public_function_accepts_awkward_text_without_raising(function, text):
    function(text)


@pytest.mark.parametrize("text", ["\ud800", "က\ud800ါ", "\u1031\u0301", "\u103a"])
def test_awkward_characters_are_never_dropped_by_syllables(text):
    assert "".join(syllables(text)) == SEPARATORS.sub("", normalize(text))


@settings(deadline=None, max_examples=50)
@given(any_code_points)
def test_no_public_text_function_raises_on_any_text(text):
    for function in ALL_TEXT_CALLS:
        function(text)


@settings(deadline=None, max_examples=50)
@given(any_code_points)
def test_no_character_goes_missing_from_syllables_even_surrogates(text):
    assert "".join(syllables(text)) == SEPARATORS.sub("", normalize(text))


@settings(deadline=None)
@given(st.datetimes(), st.datetimes(), st.sampled_from(["en", "my"]), st.booleans())
def test_date_functions_accept_any_datetime(value, now, language, weekday):
    for style in ("long", "short"):
        assert format_date(value, style, weekday, language=language)
    assert format_time(value, language=language)
    assert relative_time(value, now, language=language)


@given(st.integers(), st.sampled_from(["en", "my"]))
def test_humanize_count_accepts_any_integer(count, language):
    assert humanize_count(count, language)


def _megabyte_of(sample: str) -> str:
    return (sample * (1_000_000 // len(sample.encode()) + 1))[:400_000]


UDHR = (FIXTURES / "udhr_mya_unicode_src.txt").read_text(encoding="utf-8")
ZAWGYI_NEWS = (FIXTURES / "mmgov_zawgyi_src.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        _megabyte_of(UDHR),
        _megabyte_of(ZAWGYI_NEWS.replace("\n", " ")),  # one Zawgyi paragraph of ~1 MB
        "က" * 350_000,  # ~1 MB of one letter: no spaces, one word-free run
        "\u1031" * 350_000,  # ~1 MB of a sign with nothing to attach to
    ],
    ids=["unicode", "zawgyi-one-paragraph", "one-letter", "one-sign"],
)
def test_megabyte_of_text_goes_through_every_text_function(text):
    assert len(text.encode()) >= 1_000_000

    results = {function.__name__: function(text) for function in TEXT_FUNCTIONS}

    assert "".join(results["syllables"]) == SEPARATORS.sub("", results["normalize"])
    assert math.isfinite(results["zawgyi_probability"])
    counted = results["count_reading_units"]
    assert results["reading_minutes"] == math.ceil(
        counted.burmese_syllables / 300 + counted.latin_words / 230
    )
    assert index_text(results["index_text"]) == results["index_text"]
