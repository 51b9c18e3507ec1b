from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from masthead.burmese import slugify, validate_slug
from masthead.burmese.segmentation import units

FIXTURES = Path(__file__).resolve().parents[2].parent / "shared" / "testdata" / "burmese"

BURMESE_ALPHABET = (
    "ကခဂငစဉညတနပမယရလဝသဟအဿဥဦဧဩ၎၏၊။"
    "\u102b\u102c\u102d\u102e\u102f\u1030\u1031\u1032\u1036\u1037\u1038\u1039\u103a"
    "\u103b\u103c\u103d\u103e"
    "၀၁၄၇၉0 \n,.-_'/\u200b\u200d\u00ad\u0301AbÉß"
)
burmese_text = st.text(alphabet=BURMESE_ALPHABET, max_size=40)


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        # Django's slugify would give မနမနငင: every sign stripped.
        ("မြန်မာနိုင်ငံ", "မြန်မာနိုင်ငံ"),
        ("ရန်ကုန် မြို့", "ရန်ကုန်-မြို့"),
        ("အင်္ဂလိပ် သတင်း", "အင်္ဂလိပ်-သတင်း"),
        ("COVID-19 ကာလ၊ ကျောင်းများ ပိတ်", "covid-19-ကာလ-ကျောင်းများ-ပိတ်"),
        ("Junta's Air Strikes — Sagaing, 2025", "juntas-air-strikes-sagaing-2025"),
        ("  ?? Spaces,   and -- dashes!! ", "spaces-and-dashes"),
        ("၂၀၂၅ ခုနှစ် ရွေးကောက်ပွဲ", "၂၀၂၅-ခုနှစ်-ရွေးကောက်ပွဲ"),
        ("မြန်\u200bမာ", "မြန်မာ"),  # zero width space inside a word
        ("ဘ၀ အာမခံ", "ဘဝ-အာမခံ"),  # digit zero typed for wa
        ("snake_case/path", "snake-case-path"),
        ("Straße", "strasse"),
        ("၎င်း၏ အမည်", "၎င်း၏-အမည်"),  # word symbols are kept
    ],
)
def test_title_becomes_slug_with_burmese_intact(title, slug):
    assert slugify(title) == slug


def test_zawgyi_title_is_converted_before_slugifying():
    zawgyi = (FIXTURES / "mmgov_zawgyi_src.txt").read_text(encoding="utf-8").splitlines()[4]

    assert zawgyi == "ေနျပည္ေတာ္ ဇူလုိင္ ၂၆"
    assert slugify(zawgyi) == "နေပြည်တော်-ဇူလိုင်-၂၆"


@pytest.mark.parametrize("title", ["", "   ", "!!! ??? ...", "\u200b\u200d", "—"])
def test_title_without_letters_or_digits_gives_empty_slug(title):
    assert slugify(title) == ""


def test_long_burmese_title_is_cut_at_a_syllable_boundary():
    title = "မြန်မာနိုင်ငံ အရှေ့တောင်အာရှ"

    assert slugify(title, max_length=14) == "မြန်မာနိုင်ငံ"  # 13 characters
    assert slugify(title, max_length=18) == "မြန်မာနိုင်ငံ-အ"  # ရှေ့ would need 19


def test_cut_never_splits_a_stack_or_kinzi():
    assert slugify("မန္တလေး", max_length=4) == "မန္တ"
    assert slugify("အင်္ဂလိပ်", max_length=6) == "အင်္ဂ"


def test_cut_drops_a_trailing_hyphen_and_keeps_latin_words_whole():
    assert slugify("Rohingya refugees in Bangladesh", max_length=20) == "rohingya-refugees-in"
    assert slugify("Rohingya refugees in Bangladesh", max_length=18) == "rohingya-refugees"


def test_single_word_longer_than_the_limit_is_cut_between_letters():
    assert slugify("Supercalifragilistic", max_length=5) == "super"


def test_zero_max_length_is_refused():
    with pytest.raises(ValueError, match="max_length"):
        slugify("က", max_length=0)


@pytest.mark.parametrize(
    "slug",
    ["မြန်မာနိုင်ငံ", "covid-19-ကာလ", "2025", "၂၀၂၅-ခုနှစ်", "é", "ñandú-ça", "၎င်း"],
)
def test_slug_of_the_form_slugify_produces_is_accepted_and_unchanged(slug):
    validate_slug(slug)

    assert slugify(slug) == slug


@pytest.mark.parametrize(
    ("slug", "reason"),
    [
        ("", "empty"),
        ("Myanmar", "normal form"),
        ("-myanmar", "start or end"),
        ("myanmar-", "start or end"),
        ("myanmar--news", "two hyphens"),
        ("myanmar news", "U\\+0020"),
        ("myanmar_news", "U\\+005F"),
        ("a/b", "U\\+002F"),
        ("ကာလ၊", "U\\+104A"),
        ("ဘ၀", "normal form"),  # digit zero for wa
        ("ကုိ", "normal form"),  # signs out of order
        ("cafe\u0301", "normal form"),  # not NFC
        ("မြန်\u200bမာ", "U\\+200B"),
    ],
)
def test_slug_slugify_cannot_produce_is_refused_with_the_reason(slug, reason):
    with pytest.raises(ValueError, match=reason):
        validate_slug(slug)


@settings(deadline=None)
@given(st.one_of(burmese_text, st.text()), st.integers(min_value=1, max_value=100))
def test_slugify_output_is_empty_or_valid_and_within_max_length(text, max_length):
    slug = slugify(text, max_length=max_length)

    assert len(slug) <= max_length
    if slug:
        validate_slug(slug)


@settings(deadline=None)
@given(burmese_text, st.integers(min_value=1, max_value=30))
def test_cut_slug_ends_at_a_unit_boundary_of_the_whole_slug(text, max_length):
    whole = slugify(text, max_length=1000)
    cut = slugify(text, max_length=max_length)
    boundaries = {unit.end for unit in units(whole)}

    assert whole.startswith(cut)
    if min(boundaries, default=0) <= max_length:  # the first syllable or word fits
        assert len(cut) in boundaries | {0}
