import pytest

from masthead.burmese import ReadingUnits, count_reading_units, reading_minutes

#: Five syllables: မြန်|မာ|နိုင်|ငံ|သည် ("Myanmar" + subject marker).
FIVE_SYLLABLES = "မြန်မာနိုင်ငံသည် "


def test_burmese_text_of_1800_syllables_takes_6_minutes():
    text = FIVE_SYLLABLES * 360

    assert count_reading_units(text) == ReadingUnits(burmese_syllables=1800, latin_words=0)
    assert reading_minutes(text) == 6


def test_one_syllable_more_than_6_minutes_rounds_up_to_7():
    assert reading_minutes(FIVE_SYLLABLES * 360 + "က") == 7


def test_english_text_of_460_words_takes_2_minutes():
    text = " ".join(["Reporters file their stories daily."] * 92)  # 5 words each

    assert count_reading_units(text) == ReadingUnits(burmese_syllables=0, latin_words=460)
    assert reading_minutes(text) == 2


def test_mixed_text_adds_syllable_and_word_times_before_rounding():
    # 150 syllables (half a minute) and 115 words (half a minute): one minute, not two.
    text = (FIVE_SYLLABLES * 30) + ("Facebook post " * 57) + "Telegram"

    assert count_reading_units(text) == ReadingUnits(burmese_syllables=150, latin_words=115)
    assert reading_minutes(text) == 1


def test_digit_runs_count_once_and_punctuation_not_at_all():
    units = count_reading_units("၂၀၂၅ ခုနှစ်၊ COVID-19 ကာလ။ 1,000 ...")

    assert units == ReadingUnits(burmese_syllables=5, latin_words=3)


def test_reading_speeds_can_be_changed():
    text = FIVE_SYLLABLES * 120  # 600 syllables

    assert reading_minutes(text, syllables_per_minute=200) == 3


@pytest.mark.parametrize(("text", "minutes"), [("", 0), ("  \n", 0), ("၊ ။ !", 0), ("က", 1)])
def test_nothing_to_read_takes_no_time_and_anything_at_least_a_minute(text, minutes):
    assert reading_minutes(text) == minutes


def test_speed_of_zero_is_refused():
    with pytest.raises(ValueError, match="positive"):
        reading_minutes("က", syllables_per_minute=0)
