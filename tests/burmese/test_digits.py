import pytest
from hypothesis import given
from hypothesis import strategies as st

from masthead.burmese import from_burmese_digits, to_burmese_digits


@pytest.mark.parametrize(
    ("value", "burmese"),
    [
        (0, "၀"),
        (2025, "၂၀၂၅"),
        (-12, "-၁၂"),
        ("10/10/2025 15:05", "၁၀/၁၀/၂၀၂၅ ၁၅:၀၅"),
        ("COVID-19 ကာလ", "COVID-၁၉ ကာလ"),
        ("", ""),
    ],
)
def test_ascii_digits_become_burmese_digits(value, burmese):
    assert to_burmese_digits(value) == burmese


def test_burmese_digits_become_ascii_digits_and_nothing_else_changes():
    assert from_burmese_digits("၁၀ ရက် ၂၀၂၅ ဝ") == "10 ရက် 2025 ဝ"


@given(st.integers())
def test_integer_round_trips_through_burmese_digits(number):
    assert int(from_burmese_digits(to_burmese_digits(number))) == number


@given(st.text())
def test_burmese_text_round_trips_when_it_holds_no_ascii_digits(text):
    burmese_only = "".join(character for character in text if character not in "0123456789")

    assert to_burmese_digits(from_burmese_digits(burmese_only)) == to_burmese_digits(burmese_only)
