"""The blocks an article body (and a static page body) is built from.

Each block renders through its own template under templates/blocks/. Embeds are stored as a
URL and a title and shown as a plain link card: nothing is fetched from the third party
until the reader asks for it, so a story page makes no third-party request.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock
from wagtail.images.blocks import ImageChooserBlock

INLINE_FEATURES = ["bold", "italic", "link", "superscript", "subscript", "strikethrough"]


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(features=INLINE_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Subheading"), ("h3", "Minor heading")], default="h2"
    )

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class ImageValue(blocks.StructValue):
    def display_caption(self) -> str:
        image = self.get("image")
        return self.get("caption") or (image.caption if image else "")

    def display_credit(self) -> str:
        image = self.get("image")
        return self.get("credit") or (image.credit if image else "")


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    caption = blocks.CharBlock(required=False, help_text="Leave empty to use the image's own.")
    credit = blocks.CharBlock(required=False, help_text="Leave empty to use the image's own.")
    layout = blocks.ChoiceBlock(
        choices=[("standard", "Text width"), ("wide", "Wide")], default="standard"
    )

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        value_class = ImageValue


class PullQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(max_length=300)
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/pull_quote.html"


class BlockQuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "openquote"
        template = "blocks/block_quote.html"


class ListBlock(blocks.StructBlock):
    style = blocks.ChoiceBlock(
        choices=[("bulleted", "Bulleted"), ("numbered", "Numbered")], default="bulleted"
    )
    items = blocks.ListBlock(blocks.CharBlock(max_length=500))

    class Meta:
        icon = "list-ul"
        template = "blocks/list.html"


class EmbedValue(blocks.StructValue):
    def host(self) -> str:
        host = urlsplit(self.get("url") or "").hostname or ""
        return host.removeprefix("www.")


class EmbedBlock(blocks.StructBlock):
    url = blocks.URLBlock(help_text="The address of the video or post.")
    title = blocks.CharBlock(max_length=200)

    class Meta:
        icon = "media"
        template = "blocks/embed.html"
        value_class = EmbedValue


class RelatedLinkBlock(blocks.StructBlock):
    page = blocks.PageChooserBlock(page_type="journalism.ArticlePage")
    label = blocks.CharBlock(required=False, help_text="Leave empty to use the headline.")

    class Meta:
        icon = "link"
        template = "blocks/related_link.html"


class DividerBlock(blocks.StaticBlock):
    class Meta:
        icon = "horizontalrule"
        template = "blocks/divider.html"
        admin_text = "A divider between parts of the story."


class TableBlock(blocks.StructBlock):
    """A simple table of text and numbers; the data desk's tallies replace it for figures
    that need charts and downloads."""

    caption = blocks.CharBlock(required=False, max_length=200)
    table = TypedTableBlock(
        [("text", blocks.CharBlock(required=False)), ("number", blocks.CharBlock(required=False))]
    )

    class Meta:
        icon = "table"
        template = "blocks/table.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    pull_quote = PullQuoteBlock()
    block_quote = BlockQuoteBlock()
    list = ListBlock()
    embed = EmbedBlock()
    related = RelatedLinkBlock()
    divider = DividerBlock()
    table = TableBlock()


class PageBodyBlock(blocks.StreamBlock):
    paragraph = ParagraphBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    block_quote = BlockQuoteBlock()
    list = ListBlock()
    divider = DividerBlock()


class WayToGiveBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=100)
    description = blocks.TextBlock()
    link_label = blocks.CharBlock(max_length=60, required=False)
    url = blocks.URLBlock(required=False)

    class Meta:
        icon = "pick"
        template = "blocks/way_to_give.html"
