import icu
import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.burmese import humanize_count


@pytest.mark.parametrize(
    ("count", "english", "burmese"),
    [
        (0, "0", "၀"),
        (7, "7", "၇"),
        (999, "999", "၉၉၉"),
        (1000, "1k", "၁\u00a0ထောင်"),
        (1050, "1k", "၁\u00a0ထောင်"),  # half to even
        (1150, "1.2k", "၁.၂\u00a0ထောင်"),
        (1500, "1.5k", "၁.၅\u00a0ထောင်"),
        (9999, "10k", "၁\u00a0သောင်း"),  # rounds up into the next Burmese unit
        (12000, "12k", "၁.၂\u00a0သောင်း"),
        (120000, "120k", "၁.၂\u00a0သိန်း"),
        (999999, "1M", "၁\u00a0သန်း"),
        (1200000, "1.2M", "၁.၂\u00a0သန်း"),
        (15000000, "15M", "၁.၅\u00a0ကုဋေ"),
        (123456789, "123M", "၁၂\u00a0ကုဋေ"),
        (1234567890, "1.2B", "၁၂၃\u00a0ကုဋေ"),
        (-1500, "-1.5k", "-၁.၅\u00a0ထောင်"),
    ],
)
def test_count_is_shortened_with_the_unit_of_each_language(count, english, burmese):
    assert humanize_count(count, "en") == english
    assert humanize_count(count, "my") == burmese


def _icu_compact(count: int, locale: str) -> str:
    formatter = icu.CompactDecimalFormat.createInstance(
        icu.Locale(locale), icu.UNumberCompactStyle.SHORT
    )
    return str(formatter.format(count))


@given(st.integers(min_value=-(10**15) + 1, max_value=10**15 - 1))
def test_english_count_matches_cldr_but_for_lower_case_k(count):
    assert humanize_count(count, "en") == _icu_compact(count, "en").replace("K", "k")


@given(st.integers(min_value=-9_900_000_000, max_value=9_900_000_000))
def test_burmese_count_matches_cldr_up_to_a_thousand_crore(count):
    # Beyond 10^10 CLDR switches to compound units (ကုဋေ ၁.၂ ထ); we keep counting crores.
    assert humanize_count(count, "my") == _icu_compact(count, "my")


def test_burmese_count_beyond_a_thousand_crore_stays_in_crores():
    assert humanize_count(12_345_678_901, "my") == "၁၂၃၅\u00a0ကုဋေ"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="'en' or 'my'"):
        humanize_count(5, "fr")
