import pytest

from masthead.burmese.languages import check_language


@pytest.mark.parametrize("language", ["en", "my"])
def test_english_and_burmese_are_accepted(language):
    assert check_language(language) == language


@pytest.mark.parametrize("language", ["", "EN", "my-MM", "en-gb", "mya", "fr"])
def test_other_language_codes_are_refused_by_name(language):
    with pytest.raises(ValueError, match="'en' or 'my'"):
        check_language(language)
