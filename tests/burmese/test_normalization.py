import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.burmese import normalize

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "burmese"

#: Burmese letters, signs and digits, the invisible characters normalize cares about, and a
#: little Latin and punctuation, so generated text exercises every rule.
BURMESE_ALPHABET = (
    "ကခဂငစဉညတနပမယရလဝသဟအဿဥဦဧဩ၎"
    "\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032\u1036\u1037\u1038\u1039\u103a"
    "\u103b\u103c\u103d\u103e"
    "၀၁၄၇၉0 ,.-'\u200b\u200c\u200d\u2060\ufeff\u0301a"
)
burmese_text = st.text(alphabet=BURMESE_ALPHABET, max_size=30)

ZERO, WA = "\u1040", "\u101d"


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("ကေျာ", "ကျော"),  # medial ya typed after vowel sign e
        ("ကွျန်", "ကျွန်"),  # medial wa typed before medial ya
        ("ရှွေ", "ရွှေ"),  # medial ha typed before medial wa
        ("မုှ", "မှု"),  # vowel u typed before medial ha
        ("ကုိ", "ကို"),  # lower vowel typed before upper vowel
        ("လံုး", "လုံး"),  # anusvara typed before vowel u
        ("ကေ့ာ", "ကော့"),  # dot below typed before aa
        ("ခ့ံ", "ခံ့"),  # dot below typed before anusvara
        ("ငး်", "င်း"),  # visarga typed before asat
        ("ကးာ", "ကား"),  # visarga typed before aa
    ],
)
def test_signs_typed_out_of_order_are_put_in_storage_order(typed, normalised):
    assert normalize(typed) == normalised


def test_asat_before_medial_ya_in_yaukkya_is_left_in_place():
    # ယောက်ျား ("man") rightly puts asat on ka before the medial ya.
    assert normalize("ယောက်ျား") == "ယောက်ျား"


def test_dot_below_after_asat_takes_the_nfc_order():
    assert normalize("ကန်\u1037") == "ကန\u1037\u103a"


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        (f"{ZERO}န်ကြီး", f"{WA}န်ကြီး"),  # zero before a letter
        (f"ဘ{ZERO}", f"ဘ{WA}"),  # zero after a letter
        (f"{ZERO}ါ", f"{WA}ါ"),  # zero before a vowel sign
        (f"ရာဇ{ZERO}င်", f"ရာဇ{WA}င်"),
        ("၇ာ", "ရာ"),  # seven with a vowel sign is ra
        ("၇ှိ", "ရှိ"),  # seven with medial ha
        ("၄င်း", "၎င်း"),  # four before nga-asat is the aforementioned symbol
        ("ညဥ့်", "ညဉ့်"),  # the vowel u never takes asat: small nya
        ("ဥ်", "ဉ်"),
    ],
)
def test_look_alike_digit_or_letter_is_swapped_where_only_one_reading_exists(typed, normalised):
    assert normalize(typed) == normalised


@pytest.mark.parametrize(
    "text",
    [
        "၂၀၂၅",  # a year
        "၁၀ ရက်",  # ten days
        "၁၀ရက်",  # ten days, unspaced: the zero follows a digit
        "၇ရက်",  # seven days: a bare seven stays a digit
        "၇ ရက်",
        "၁၄င်း",  # fourteen, then a syllable: the four follows a digit
        "၁၇ာ",  # after a digit seven stays a digit even before a sign
        f"{ZERO}",  # a lone zero
        f"{ZERO} ရက်",
        "အခန်း ၀၁",
        "ကျပ်၀.၅",  # a decimal: the zero sits next to a separator next to a digit
        "ကျပ်၁,၀၀၀",
        "ဥ",  # the vowel u on its own
        "ဥပဒေ",
        "ဦး",
    ],
)
def test_digits_and_vowels_that_mean_themselves_are_kept(text):
    assert normalize(text) == text


def test_vowel_u_with_ii_composes_to_uu():
    assert normalize("\u1025\u102e") == "\u1026"


def test_zero_width_space_inside_burmese_word_is_removed():
    assert normalize("မြန်\u200bမာ\u2060နိုင်\ufeffငံ") == "မြန်မာနိုင်ငံ"


@pytest.mark.parametrize(
    "text",
    [
        "zero\u200bwidth",  # between Latin letters
        "မြန်မာ\u200b Myanmar",  # between Burmese and a space
        "\u200bမြန်မာ",  # at the start
        "က\u200cျ",  # zero width non-joiner selects a glyph form
        "က\u200dျ",  # zero width joiner likewise
    ],
)
def test_invisible_characters_outside_burmese_words_or_with_a_purpose_are_kept(text):
    assert normalize(text) == text


def test_unicode_news_page_changes_only_where_a_zero_stands_for_wa():
    page = (FIXTURES / "mmgov_unicode_out.txt").read_text(encoding="utf-8")

    normalised = normalize(page)

    changed = [(a, b) for a, b in zip(page, normalised, strict=True) if a != b]
    assert changed == [(ZERO, WA)] * 6
    assert "ဝမ်းကျောင်း" in normalised


def test_udhr_text_changes_only_by_canonical_ordering():
    text = (FIXTURES / "udhr_mya_unicode_src.txt").read_text(encoding="utf-8")

    assert normalize(text) == unicodedata.normalize("NFC", text)


def test_text_without_myanmar_is_only_composed():
    assert normalize("Cafe\u0301 0123") == "Café 0123"


@settings(deadline=None)
@given(st.one_of(burmese_text, st.text()))
def test_normalize_is_idempotent(text):
    once = normalize(text)

    assert normalize(once) == once


#: Characters normalize may swap for one another; each pair counts as one character.
_LOOK_ALIKES = str.maketrans("\u1040\u1047\u1044\u1025", "\u101d\u101b\u104e\u1009")
_REMOVABLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff"))


def _visible_characters(text: str) -> Counter[str]:
    decomposed = unicodedata.normalize("NFD", text)
    return Counter(decomposed.translate(_REMOVABLE).translate(_LOOK_ALIKES))


@settings(deadline=None)
@given(st.one_of(burmese_text, st.text()))
def test_normalize_never_drops_or_adds_a_visible_character(text):
    assert _visible_characters(normalize(text)) == _visible_characters(text)
