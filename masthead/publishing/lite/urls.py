from django.urls import URLPattern

edition_patterns: list[URLPattern] = []
