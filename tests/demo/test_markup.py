from __future__ import annotations

import pytest

from masthead.demo.markup import ImageRef, MarkupError, RelatedRef, inline_html, parse_body


def test_inline_markup_becomes_escaped_rich_text():
    html = inline_html("A *brave* **reporter** <script> [read](https://example.org/a?b=1&c=2)")
    assert html == (
        "A <i>brave</i> <b>reporter</b> &lt;script&gt; "
        '<a href="https://example.org/a?b=1&amp;c=2">read</a>'
    )


def test_every_block_kind_is_recognised():
    source = """
Opening paragraph
over two lines.

## A heading

### A minor heading

> Quoted text.
> — A source

!! A pull quote

- one
- two

1. first
2. second

---

| Force | Defected |
| Soldiers | 880 |

[[image: A caption | A credit | What it shows]]

[[embed: https://video.example.org/watch/1 | A video]]

[[related: another-story]]
"""
    blocks = parse_body(source)
    assert [b.type for b in blocks] == [
        "paragraph",
        "heading",
        "heading",
        "block_quote",
        "pull_quote",
        "list",
        "list",
        "divider",
        "table",
        "image",
        "embed",
        "related",
    ]
    assert blocks[0].value == "<p>Opening paragraph over two lines.</p>"
    assert blocks[2].value == {"text": "A minor heading", "level": "h3"}
    assert blocks[3].value == {"text": "Quoted text.", "attribution": "A source"}
    assert blocks[6].value == {"style": "numbered", "items": ["first", "second"]}
    table = blocks[8].value["table"]
    assert [c["type"] for c in table["columns"]] == ["text", "number"]
    assert table["rows"] == [{"values": ["Soldiers", "880"]}]
    assert blocks[9].value == ImageRef(caption="A caption", credit="A credit", alt="What it shows")
    assert blocks[11].value == RelatedRef(key="another-story")


def test_a_ragged_table_is_reported_with_its_row():
    with pytest.raises(MarkupError, match="table row 3 has 1 cells; the header has 2"):
        parse_body("| A | B |\n| 1 | 2 |\n| 3 |")


def test_an_embed_without_https_is_refused():
    with pytest.raises(MarkupError):
        parse_body("[[embed: javascript:alert(1) | x]]")
