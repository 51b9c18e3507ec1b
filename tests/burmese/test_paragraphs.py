from hypothesis import given
from hypothesis import strategies as st

from masthead.burmese.paragraphs import split_paragraphs


def test_paragraphs_keep_every_kind_of_line_break_and_empty_lines():
    assert split_paragraphs("one\r\ntwo\n\nthree\u2029four") == [
        ("one", "\r\n"),
        ("two", "\n"),
        ("", "\n"),
        ("three", "\u2029"),
        ("four", ""),
    ]


def test_empty_text_is_one_empty_paragraph():
    assert split_paragraphs("") == [("", "")]


@given(st.text(alphabet="ab\r\n\x0b\x0c\x1c\x85\u2028 "))
def test_paragraphs_are_the_lines_str_splitlines_sees_and_join_back_into_the_text(text):
    parts = split_paragraphs(text)
    lines = text.splitlines()
    ends_with_break = not text or text.splitlines(keepends=True)[-1] != lines[-1]

    assert "".join(paragraph + line_break for paragraph, line_break in parts) == text
    assert [paragraph for paragraph, _ in parts] == lines + ([""] if ends_with_break else [])
