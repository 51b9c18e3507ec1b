"""Feeds, sitemaps and robots.txt: URLs of the whole site and URLs inside each edition."""

from django.urls import URLPattern

site_patterns: list[URLPattern] = []
edition_patterns: list[URLPattern] = []
