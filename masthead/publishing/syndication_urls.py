"""Feeds, sitemaps and robots.txt: URLs of the whole site and URLs inside each edition.

Slugs may hold Burmese combining marks, so path segments match [^/]+, never \\w.
"""

from django.urls import URLPattern, re_path

from masthead.publishing import feeds, sitemaps

site_patterns: list[URLPattern] = [
    re_path(r"^sitemap\.xml$", sitemaps.sitemap_index_view, name="sitemap_index"),
    re_path(r"^sitemap-pages\.xml$", sitemaps.pages_sitemap_view, name="sitemap_pages"),
    re_path(r"^news-sitemap\.xml$", sitemaps.news_sitemap_view, name="news_sitemap"),
    re_path(r"^robots\.txt$", sitemaps.robots_view, name="robots_txt"),
]

edition_patterns: list[URLPattern] = [
    re_path(
        r"^(?P<listing>(?:[^/]+/)*)feed/(?P<kind>rss|atom)\.xml$", feeds.feed_view, name="feed"
    ),
    re_path(
        r"^(?P<section>[^/]+)/sitemap-(?P<year>\d{4})(?:-(?P<month>0[1-9]|1[0-2]))?\.xml$",
        sitemaps.section_sitemap_view,
        name="section_sitemap",
    ),
]
