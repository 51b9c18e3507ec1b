"""Pictures as <picture>: a modern format (AVIF, or WebP where this server's Pillow cannot
write AVIF) in two or three widths, with a JPEG <img> for every other browser."""

from __future__ import annotations

from functools import cache
from typing import Any

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from PIL import features
from wagtail.images.models import SourceImageIOError

register = template.Library()

# AVIF at this quality is about the size of WebP at 80 and sharper; JPEG keeps Wagtail's 85.
AVIF_QUALITY = 55
WEBP_QUALITY = 75


@cache
def modern_format() -> tuple[str, str]:
    """The format of the <source> and its quality filter: AVIF when this Pillow can encode
    it (Pillow 11.3 and later bundle libavif), else WebP."""
    if features.check("avif"):
        return "avif", f"avifquality-{AVIF_QUALITY}"
    return "webp", f"webpquality-{WEBP_QUALITY}"


@register.simple_tag
def responsive_picture(
    image: Any,
    *resizes: str,
    sizes: str = "100vw",
    alt: str = "",
    eager: bool = False,
    **attributes: Any,
) -> SafeString:
    """`{% responsive_picture image "fill-320x180" "fill-640x360" sizes="…" %}`: one
    rendition per resize (narrowest first) in each format. Lazy unless `eager` (a picture
    at the top of the page: fetched first, with fetchpriority="high")."""
    if not image or not resizes:
        return SafeString("")
    modern, quality = modern_format()
    modern_specs = [f"{resize}|format-{modern}|{quality}" for resize in resizes]
    jpeg_specs = [f"{resize}|format-jpeg" for resize in resizes]
    try:
        renditions = image.get_renditions(*modern_specs, *jpeg_specs)
    except SourceImageIOError:
        return SafeString("")  # the original file is missing: no picture rather than a 500
    modern_renditions = [renditions[spec] for spec in modern_specs]
    jpegs = [renditions[spec] for spec in jpeg_specs]
    fallback = jpegs[len(jpegs) // 2]  # for browsers without srcset: a middling width
    loading = {"fetchpriority": "high"} if eager else {"loading": "lazy"}
    extra = format_html_join(
        "", ' {}="{}"', ((name.replace("_", "-"), value) for name, value in attributes.items())
    )
    return format_html(
        '<picture><source type="image/{}" srcset="{}" sizes="{}">'
        '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}"{}{} decoding="async">'
        "</picture>",
        modern,
        _srcset(modern_renditions),
        sizes,
        fallback.url,
        _srcset(jpegs),
        sizes,
        fallback.width,
        fallback.height,
        alt,
        format_html_join("", ' {}="{}"', loading.items()),
        extra,
    )


def _srcset(renditions: list[Any]) -> str:
    """Candidates by width. Wagtail never enlarges a picture, so a small original gives
    several renditions of one width: a srcset may name each width only once."""
    by_width: dict[int, str] = {}
    for rendition in renditions:
        by_width.setdefault(rendition.width, rendition.url)
    return ", ".join(f"{url} {width}w" for width, url in by_width.items())
