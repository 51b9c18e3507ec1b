"""Featured pictures as <picture>: a modern format and a JPEG fallback in several widths,
with their size set, the top picture fetched first and the others lazily."""

from __future__ import annotations

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.core.files.images import ImageFile
from django.template import Context, Template
from django.test import Client
from PIL import Image

from masthead.demo.images import draw_landscape
from masthead.journalism.models import NewsImage
from masthead.journalism.templatetags.pictures import modern_format
from tests import factories

pytestmark = pytest.mark.django_db


def picture(title: str, width: int = 1600, height: int = 900) -> NewsImage:
    return NewsImage.objects.create(
        title=title,
        caption=f"{title}, seen from the river.",
        credit="Thida Aung",
        file=ImageFile(io.BytesIO(draw_landscape(title, width, height)), name=f"{title}.jpg"),
    )


class Pictures(HTMLParser):
    """Every <picture> of a page: its <source> and <img> attributes."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.pictures: list[dict[str, object]] = []
        self._open: dict[str, object] | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "picture":
            self._open = {"sources": []}
            self.pictures.append(self._open)
        elif tag == "source" and self._open is not None:
            self._open["sources"].append(dict(attrs))  # type: ignore[attr-defined]
        elif tag == "img" and self._open is not None:
            self._open["img"] = dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "picture":
            self._open = None


def candidates(srcset: str) -> list[tuple[str, int]]:
    found = []
    for candidate in srcset.split(","):
        url, descriptor = candidate.split()
        assert descriptor.endswith("w")
        found.append((url, int(descriptor[:-1])))
    return found


def media_file(url: str) -> Path:
    from django.conf import settings

    assert url.startswith(settings.MEDIA_URL)
    return Path(settings.MEDIA_ROOT) / url.removeprefix(settings.MEDIA_URL)


def test_this_server_writes_avif():
    # Pillow 11.3 and later bundle an AVIF encoder; with an older one the pictures fall back
    # to WebP, and this line says which the running server uses.
    assert modern_format()[0] == "avif"


def test_the_story_picture_offers_avif_and_jpeg_in_three_widths(client: Client):
    news = factories.section("News")
    delta = picture("Delta")
    story = factories.article(news, title="Floods reach the delta", featured_image=delta)

    html = client.get(story.url).content.decode()
    (hero,) = Pictures(html).pictures
    (source,) = hero["sources"]
    img = hero["img"]

    assert source["type"] == "image/avif"
    assert [width for _, width in candidates(source["srcset"])] == [480, 800, 1200]
    assert [width for _, width in candidates(img["srcset"])] == [480, 800, 1200]
    assert source["sizes"] == img["sizes"]
    for url, width in candidates(source["srcset"]):
        with Image.open(media_file(url)) as drawn:
            assert drawn.format == "AVIF" and drawn.width == width
    for url, width in candidates(img["srcset"]):
        with Image.open(media_file(url)) as drawn:
            assert drawn.format == "JPEG" and drawn.width == width
    # The fallback <img> is a real JPEG with its size set, so nothing moves as it loads.
    assert img["src"].endswith(".jpg")
    assert (img["width"], img["height"]) == ("800", "450")
    assert img["alt"] == delta.default_alt_text != ""
    # The top picture is wanted at once; it is never lazy.
    assert img.get("fetchpriority") == "high" and "loading" not in img
    assert "Photo: Thida Aung" in html


def test_a_small_original_is_not_listed_twice_at_one_width(client: Client):
    news = factories.section("News")
    story = factories.article(news, featured_image=picture("Narrow", width=600, height=400))

    (hero,) = Pictures(client.get(story.url).content.decode()).pictures
    widths = [width for _, width in candidates(hero["img"]["srcset"])]
    assert widths == [480, 600]  # Wagtail never enlarges: 800 and 1200 would both be 600
    assert [w for _, w in candidates(hero["sources"][0]["srcset"])] == [480, 600]


def test_front_cards_are_lazy_except_the_lead(client: Client):
    news = factories.section("News")
    for number in range(3):
        factories.article(news, title=f"Story {number}", featured_image=picture(f"River{number}"))

    front = Pictures(client.get(news.url).content.decode()).pictures
    lead, *others = front
    assert lead["img"].get("fetchpriority") == "high" and "loading" not in lead["img"]
    assert lead["sources"][0]["type"] == "image/avif"
    assert lead["img"]["alt"] == ""  # the headline next to it says what it is
    for card in others:
        assert card["img"]["loading"] == "lazy"
    home = Pictures(client.get("/").content.decode()).pictures
    assert home and home[0]["img"].get("fetchpriority") == "high"
    assert all(card["img"]["loading"] == "lazy" for card in home[1:])


def test_a_picture_whose_file_is_gone_is_left_out_rather_than_failing_the_page():
    image = picture("Gone")
    Path(image.file.path).unlink()
    template = Template('{% load pictures %}[{% responsive_picture image "width-480" %}]')
    assert template.render(Context({"image": image})) == "[]"


def test_a_story_whose_picture_file_is_gone_still_opens(client: Client):
    image = picture("Vanished")
    story = factories.article(factories.section(), featured_image=image)
    Path(image.file.path).unlink()
    response = client.get(story.url)
    assert response.status_code == 200
    assert story.title in response.content.decode()
