import math
import subprocess
import sys
import unicodedata
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from masthead.burmese import (
    ASK_ABOVE,
    CONVERT_ABOVE,
    ZawgyiFix,
    fix_zawgyi,
    zawgyi_probability,
    zawgyi_to_unicode,
)

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "burmese"


def _lines(name: str) -> list[str]:
    """The lines of a fixture after its ``#`` header lines."""
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("#")]


NEWS_ZAWGYI = _lines("mmgov_zawgyi_src.txt")
NEWS_UNICODE = _lines("mmgov_unicode_out.txt")
NEWS_PAIRS = [(z, u) for z, u in zip(NEWS_ZAWGYI, NEWS_UNICODE, strict=True) if z.strip()]
UDHR_ZAWGYI = _lines("udhr_mya_zawgyi_out.txt")
UDHR_UNICODE = _lines("udhr_mya_unicode_src.txt")


def _myanmar_characters(text: str) -> int:
    return sum("\u1000" <= character <= "\u109f" for character in text)


def test_news_fixture_has_the_63_lines_the_reference_describes():
    assert len(NEWS_PAIRS) == 63


@pytest.mark.parametrize(("zawgyi", "unicode"), NEWS_PAIRS)
def test_zawgyi_line_converts_exactly_to_reference(zawgyi, unicode):
    assert zawgyi_to_unicode(zawgyi) == unicode


def test_zawgyi_page_converts_exactly_to_reference_as_one_text():
    page = "\n".join(NEWS_ZAWGYI)

    assert zawgyi_to_unicode(page) == "\n".join(NEWS_UNICODE)


def test_zawgyi_line_longer_than_a_chunk_converts_as_its_parts_do():
    long_line = " ".join(zawgyi for zawgyi, _ in NEWS_PAIRS)
    assert len(long_line) > 4000  # converted in several pieces

    assert zawgyi_to_unicode(long_line) == " ".join(unicode for _, unicode in NEWS_PAIRS)


@pytest.mark.parametrize(("zawgyi", "unicode"), NEWS_PAIRS)
def test_detector_scores_news_line_zawgyi_above_convert_and_unicode_below_ask(zawgyi, unicode):
    if zawgyi == unicode:  # digits and Latin only: nothing to tell apart
        assert zawgyi_probability(zawgyi) == -math.inf
        return
    assert zawgyi_probability(zawgyi) > CONVERT_ABOVE
    assert zawgyi_probability(unicode) < ASK_ABOVE


def _compatibility_vectors() -> list[tuple[float, str]]:
    vectors = []
    for line in (FIXTURES / "compatibility.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        expected, text = line.split("\t", 1)
        vectors.append((float(expected.replace("Infinity", "inf")), text))
    return vectors


@pytest.mark.parametrize(("expected", "text"), _compatibility_vectors())
def test_detector_matches_compatibility_vector_within_a_millionth(expected, text):
    probability = zawgyi_probability(text)

    if math.isinf(expected):
        assert probability == expected
    else:
        assert probability == pytest.approx(expected, abs=1e-6)


def test_udhr_zawgyi_converts_to_unicode_source_up_to_canonical_order_bar_two_lines():
    # The Zawgyi side of this pair was made by another converter and the Unicode side is
    # not in NFC (asat before dot below), so lines are compared in NFC. Two lines carry
    # that converter's slips: article 4's heading "အပိုဒ် ၄", whose digit four ICU reads
    # as ၎, and "မှ" written as "မျွ" in article 27.
    expected_mismatches = {
        number
        for number, unicode in enumerate(UDHR_UNICODE)
        if unicode.strip() == "အပိုဒ် ၄" or "စာပေမှဖြစ်စေ" in unicode
    }

    mismatches = {
        number
        for number, (zawgyi, unicode) in enumerate(zip(UDHR_ZAWGYI, UDHR_UNICODE, strict=True))
        if unicodedata.normalize("NFC", zawgyi_to_unicode(zawgyi))
        != unicodedata.normalize("NFC", unicode)
    }

    assert len(UDHR_ZAWGYI) == 222
    assert len(expected_mismatches) == 2
    assert mismatches == expected_mismatches


def test_detector_separates_udhr_lines_of_twenty_myanmar_characters_or_more():
    # Short lines are ambiguous ("အထွေထွေညီလာခံ က" in Zawgyi scores 0.69).
    for zawgyi, unicode in zip(UDHR_ZAWGYI, UDHR_UNICODE, strict=True):
        if _myanmar_characters(unicode) >= 20:
            assert zawgyi_probability(zawgyi) > CONVERT_ABOVE, zawgyi
            assert zawgyi_probability(unicode) < ASK_ABOVE, unicode


@pytest.mark.parametrize("text", ["", "all ascii", "digits ၅၂၀", "2025 ?! 😀"])
def test_probability_is_negative_infinity_without_myanmar_letters(text):
    assert zawgyi_probability(text) == -math.inf


def test_burmese_punctuation_alone_is_ambiguous_not_absent():
    assert ASK_ABOVE < zawgyi_probability("၊ ။") < CONVERT_ABOVE


@pytest.mark.parametrize(
    "text",
    ["", "plain English, 100%", "\ud800", "x\udc00\ud800y", "\ud800\udc00", "emoji 😀"],
)
def test_conversion_leaves_text_without_myanmar_unchanged(text):
    # ICU works in UTF-16 and would fuse the two halves of "\ud800\udc00" into one.
    assert zawgyi_to_unicode(text) == text


def test_conversion_keeps_unpaired_surrogate_between_zawgyi_text():
    zawgyi, unicode = NEWS_PAIRS[0]

    assert zawgyi_to_unicode(f"{zawgyi}\ud800{zawgyi}") == f"{unicode}\ud800{unicode}"


def test_conversion_in_parallel_threads_gives_the_same_text():
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(zawgyi_to_unicode, [z for z, _ in NEWS_PAIRS] * 4))

    assert results == [u for _, u in NEWS_PAIRS] * 4


def test_fix_converts_zawgyi_paragraphs_and_keeps_their_line_breaks():
    zawgyi, unicode = NEWS_PAIRS[0]
    other_zawgyi, other_unicode = NEWS_PAIRS[5]

    fixed = fix_zawgyi(f"{zawgyi}\r\n{other_unicode}\n\nEnglish line\n{other_zawgyi}")

    assert fixed == ZawgyiFix(
        text=f"{unicode}\r\n{other_unicode}\n\nEnglish line\n{other_unicode}",
        converted=[0, 4],
        uncertain=[],
    )
    assert not fixed.needs_review


def test_fix_leaves_ambiguous_paragraph_as_it_is_and_reports_it():
    ambiguous = "လူတို"  # scores 0.49 in the compatibility vectors
    zawgyi, unicode = NEWS_PAIRS[1]

    fixed = fix_zawgyi(f"{zawgyi}\n{ambiguous}")

    assert fixed.text == f"{unicode}\n{ambiguous}"
    assert fixed.converted == [0]
    assert fixed.uncertain == [1]
    assert fixed.needs_review


def test_fix_leaves_unicode_page_untouched():
    page = "\n".join(NEWS_UNICODE)

    assert fix_zawgyi(page) == ZawgyiFix(text=page)


def test_fix_of_empty_text_is_empty():
    assert fix_zawgyi("") == ZawgyiFix(text="", converted=[], uncertain=[])


def test_thresholds_are_the_documented_ones():
    assert (ASK_ABOVE, CONVERT_ABOVE) == (0.05, 0.95)


def test_detector_loads_without_warnings_even_when_warnings_are_errors():
    code = "import masthead.burmese as b; b.zawgyi_probability('\u1031\u1014\u103b')"

    completed = subprocess.run(
        [sys.executable, "-W", "error", "-c", code], capture_output=True, check=False
    )

    assert completed.returncode == 0, completed.stderr
