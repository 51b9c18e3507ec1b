from django.urls import path

from masthead.search import views

#: Under each edition: /search/ and /my/search/ (robots.txt keeps crawlers out), and the
#: live endpoint /api/search/ and /my/api/search/ (nginx limits /api/ per client too).
edition_patterns = [
    path("search/", views.search_page, name="search"),
    path("api/search/", views.live_search, name="search_live"),
]
