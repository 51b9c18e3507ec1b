import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.burmese import normalize, syllables, to_burmese_digits

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "burmese"

BURMESE_ALPHABET = (
    "ကခဂငစဉညတနပမယရလဝသဟအဿဥဦဧဩ၎၌၍၏၊။"
    "\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032\u1036\u1037\u1038\u1039\u103a"
    "\u103b\u103c\u103d\u103e"
    "၀၁၄၇၉09 \n,.-'\u2019\u200b\u200c\u0301aZé😀"
)
burmese_text = st.text(alphabet=BURMESE_ALPHABET, max_size=30)
SEPARATORS = re.compile(r"[\s\u200b]")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A stacked consonant stays with the syllable whose final it is: splitting the
        # stack would leave two halves that cannot be drawn on their own.
        ("မန္တလေး", ["မန္တ", "လေး"]),
        ("ဗုဒ္ဓ", ["ဗုဒ္ဓ"]),
        ("ကမ္ဘာ", ["ကမ္ဘာ"]),
        ("သတ္တဝါ", ["သတ္တ", "ဝါ"]),
        # Kinzi (nga, asat, virama) is a final drawn above the next consonant.
        ("အင်္ဂလိပ်", ["အင်္ဂ", "လိပ်"]),
        ("သင်္ချိုင်း", ["သင်္ချိုင်း"]),
        # A consonant with asat closes the syllable before it, medials join theirs.
        ("ကျွန်တော်", ["ကျွန်", "တော်"]),
        ("မြန်မာနိုင်ငံ", ["မြန်", "မာ", "နိုင်", "ငံ"]),
        ("ရွှေ", ["ရွှေ"]),
        # NFC stores dot below before asat; the final still closes the syllable.
        ("ကန့်ကွက်", ["ကန့်", "ကွက်"]),
        ("ပြည့်", ["ပြည့်"]),
        # Asat before a medial: one drawn cluster, kept together like a stack.
        ("ယောက်ျား", ["ယောက်ျား"]),
        # Great sa stands for the stack သ္သ, and is kept as that stack would be.
        ("ပြဿနာ", ["ပြဿ", "နာ"]),
        ("ပြသ္သနာ", ["ပြသ္သ", "နာ"]),
        # Independent vowels start a syllable; finals and stacks still join them.
        ("ဥပဒေ", ["ဥ", "ပ", "ဒေ"]),
        ("ဧည့်သည်", ["ဧည့်", "သည်"]),
        ("ဥက္ကဋ္ဌ", ["ဥက္ကဋ္ဌ"]),
        ("ဦးဝင်းမြင့်", ["ဦး", "ဝင်း", "မြင့်"]),
        ("၎င်း", ["၎င်း"]),
        ("သူ၏", ["သူ", "၏"]),
        # Digits inside words are a unit of their own, with their separators.
        ("၂၀၂၅ခုနှစ်", ["၂၀၂၅", "ခု", "နှစ်"]),
        ("၁,၂၀၀.၅၀ကျပ်", ["၁,၂၀၀.၅၀", "ကျပ်"]),
        ("ဇူလိုင် ၂၆။", ["ဇူ", "လိုင်", "၂၆", "။"]),
        # Latin words and ASCII numbers are kept whole.
        ("COVID-19 ကာလ", ["COVID", "-", "19", "ကာ", "လ"]),
        ("Facebookမှာ", ["Facebook", "မှာ"]),
        ("1,000.50 USD", ["1,000.50", "USD"]),
        ("don't ဆို", ["don't", "ဆို"]),
        # Burmese punctuation stands alone.
        ("ကောင်း၊ဆိုး။", ["ကောင်း", "၊", "ဆိုး", "။"]),
        # Input is normalised first: zero for wa, zero width space inside a word.
        ("ဘ၀", ["ဘ", "ဝ"]),
        ("မြန်\u200bမာ", ["မြန်", "မာ"]),
        # A sign with nothing before it is kept as a unit, never dropped.
        ("\u1031က", ["\u1031", "က"]),
        ("", []),
        (" \n\t\u200b ", []),
    ],
)
def test_hard_case_splits_into_expected_syllables(text, expected):
    assert syllables(text) == expected


def test_udhr_text_loses_nothing_but_whitespace():
    text = (FIXTURES / "udhr_mya_unicode_src.txt").read_text(encoding="utf-8")

    units = syllables(text)

    assert "".join(units) == SEPARATORS.sub("", normalize(text))
    assert {"လူ", "အ", "ခွင့်", "ကမ္ဘာ့", "သိက္ခာ"} <= set(units)


@settings(deadline=None)
@given(st.one_of(burmese_text, st.text()))
def test_syllables_keep_every_character_in_order_except_separators(text):
    assert "".join(syllables(text)) == SEPARATORS.sub("", normalize(text))


@settings(deadline=None)
@given(st.one_of(burmese_text, st.text()))
def test_no_syllable_is_empty_or_holds_a_separator(text):
    assert all(unit and not SEPARATORS.search(unit) for unit in syllables(text))


@settings(deadline=None)
@given(st.one_of(burmese_text, st.text()))
def test_spaced_syllables_split_into_the_same_syllables(text):
    units = syllables(text)

    assert syllables(" ".join(units)) == units


REAL_SYLLABLES = ["မြန်", "မာ", "ကျွန်", "တော်", "လေး", "ရွှေ", "မန္တ", "အင်္ဂ", "ပြည့်", "ကို"]
latin_words = st.from_regex(r"[A-Za-z]{1,12}", fullmatch=True)
ascii_numbers = st.from_regex(r"[0-9]{1,4}(,[0-9]{3}){0,2}(\.[0-9]{1,2})?", fullmatch=True)
# A single zero beside letters is read as wa, so Burmese runs have two digits or more.
burmese_numbers = ascii_numbers.filter(lambda number: len(number) > 1).map(to_burmese_digits)


@settings(deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(REAL_SYLLABLES),
            st.one_of(latin_words, ascii_numbers, burmese_numbers),
            st.sampled_from(["", " "]),
        ),
        min_size=1,
        max_size=6,
    ),
    st.sampled_from(REAL_SYLLABLES),
)
def test_latin_words_and_digit_runs_inside_burmese_survive_whole(parts, last_syllable):
    text = "".join(f"{syllable}{kept}{space}" for syllable, kept, space in parts) + last_syllable

    units = syllables(text)

    for _, kept, _ in parts:
        assert kept in units
