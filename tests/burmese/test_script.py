import pytest

from masthead.burmese import script


@pytest.mark.parametrize("consonant", ["က", "င", "ည", "ဉ", "ဝ", "အ", "ၐ", "ၵ"])
def test_consonants_of_burmese_and_other_myanmar_languages_are_consonants(consonant):
    assert consonant in script.CONSONANTS


@pytest.mark.parametrize("letter", ["ဥ", "ဦ", "ဧ", "ဩ", "ဿ"])
def test_independent_vowels_and_great_sa_start_syllables_but_are_not_consonants(letter):
    assert letter in script.SYLLABLE_STARTERS
    assert letter not in script.CONSONANTS


@pytest.mark.parametrize("sign", ["\u102c", "\u1031", "\u103a", "\u1039", "\u103b", "\u1037"])
def test_vowel_signs_medials_asat_virama_and_tones_are_marks(sign):
    assert sign in script.MARKS


def test_burmese_and_shan_digits_are_digits_and_punctuation_is_not_a_letter():
    assert {"၀", "၉", "႐"} <= script.DIGITS
    assert not {"၊", "။"} & (script.LETTERS | script.MARKS | script.DIGITS)


def test_word_symbols_start_syllables():
    assert {"၌", "၍", "၎", "၏"} <= script.SYLLABLE_STARTERS


def test_text_with_a_myanmar_character_is_recognised():
    assert script.contains_myanmar("Myanmar မြန်မာ")
    assert not script.contains_myanmar("Myanmar 2025")
