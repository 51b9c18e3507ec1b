"""The light edition: text-first pages for 2G connections and old phones, at /lite/ and
/my/lite/, mirroring the full site's addresses after the edition's prefix."""

from django.urls import URLPattern, re_path

from masthead.publishing.lite.views import lite_page

# Burmese slugs hold vowel signs and other combining marks, which \w does not match.
edition_patterns: list[URLPattern] = [
    re_path(r"^lite/(?P<path>(?:[^/]+/)*)$", lite_page, name="lite_page"),
]
