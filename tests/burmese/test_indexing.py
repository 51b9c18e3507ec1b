import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.burmese import index_text

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "burmese"

BURMESE_ALPHABET = (
    "ကခဂငစဉညတနပမယရလဝသဟအဿဥဦဧဩ၎၊။"
    "\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032\u1036\u1037\u1038\u1039\u103a"
    "\u103b\u103c\u103d\u103e"
    # Code points Zawgyi gives other meanings, so generated text also reads as Zawgyi.
    "\u105a\u1060\u1064\u106a\u107e\u1084\u108f"
    "၀၁၄၇၉0 \n,.-Aa\u200b"
)
burmese_text = st.text(alphabet=BURMESE_ALPHABET, max_size=30)


def _lines(name: str) -> list[str]:
    lines = (FIXTURES / name).read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("#")]


NEWS_PAIRS = [
    (zawgyi, unicode)
    for zawgyi, unicode in zip(
        _lines("mmgov_zawgyi_src.txt"), _lines("mmgov_unicode_out.txt"), strict=True
    )
    if zawgyi.strip()
]


@pytest.mark.parametrize(("zawgyi", "unicode"), NEWS_PAIRS)
def test_zawgyi_line_indexes_exactly_as_its_unicode_line(zawgyi, unicode):
    assert index_text(zawgyi) == index_text(unicode)


def test_text_indexes_as_casefolded_syllables_separated_by_single_spaces():
    assert index_text("မြန်မာ  Myanmar COVID-19 ၂၀၂၅ခုနှစ်။") == (
        "မြန် မာ myanmar covid - 19 ၂၀၂၅ ခု နှစ် ။"
    )


def test_each_paragraph_becomes_one_line_and_blank_lines_go():
    assert index_text("မြန်မာ\r\n\n  \nNews\u2029ဘ၀") == "မြန် မာ\nnews\nဘ ဝ"


def test_burmese_word_inside_unspaced_text_is_found_as_a_phrase():
    # A word-level tokenizer never finds အာရှ (Asia) inside "in South-East Asia".
    document = index_text("အရှေ့တောင်အာရှတွင် ကုန်သွယ်မှု")
    query = index_text("အာရှ")

    assert f" {query} " in f" {document} "
    assert f" {index_text('မြို့')} " not in f" {document} "


def test_zawgyi_query_finds_unicode_document():
    zawgyi, unicode = NEWS_PAIRS[0]  # "Nay Pyi Taw, 26 July"

    assert index_text(zawgyi.split()[0]) in index_text(unicode)


def test_empty_and_blank_text_index_as_empty():
    assert index_text("") == ""
    assert index_text(" \n\t\u200b") == ""


def test_news_page_index_is_idempotent():
    page = "\n".join(zawgyi for zawgyi, _ in NEWS_PAIRS)
    indexed = index_text(page)

    assert index_text(indexed) == indexed
    assert not re.search(r"  |^ | $", indexed, re.MULTILINE)


@settings(deadline=None)
@given(st.one_of(burmese_text, st.text()))
def test_index_text_is_idempotent(text):
    once = index_text(text)

    assert index_text(once) == once
