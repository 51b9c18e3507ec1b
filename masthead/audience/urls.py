from allauth.account import urls as allauth_urls
from django.urls import URLPattern, URLResolver, include, path

from masthead.audience import views


def _reader_patterns(patterns: list[URLPattern]) -> list[URLPattern]:
    return [
        URLPattern(
            pattern.pattern,
            views.reader_account_view(pattern.callback, name=pattern.name),
            pattern.default_args,
            pattern.name,
        )
        for pattern in patterns
    ]


#: Under each edition: /accounts/... and /my/accounts/... (dynamic, never published).
edition_patterns: list[URLPattern | URLResolver] = [
    path("accounts/", views.reader_account, name="reader_account"),
    path("accounts/", include(_reader_patterns(allauth_urls.urlpatterns))),
]
