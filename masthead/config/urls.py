from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import URLPattern, URLResolver, include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from masthead.audience import urls as audience_urls
from masthead.core import routing
from masthead.journalism.views import short_article_url
from masthead.journalism.weather import views as header_views
from masthead.metrics import urls as metrics_urls
from masthead.newsletters import urls as newsletter_urls
from masthead.publishing import syndication_urls
from masthead.publishing.lite import urls as lite_urls
from masthead.search import urls as search_urls

urlpatterns: list[URLPattern | URLResolver] = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("a/<int:article_id>/", short_article_url, name="short_article_url"),
    *metrics_urls.site_patterns,
    *syndication_urls.site_patterns,
]

if settings.MASTHEAD_SERVE_MEDIA:
    # The embedded default serves uploads itself; production hands /media/ to nginx or a CDN.
    urlpatterns.append(
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})
    )

# Wagtail's own page pattern matches \w, which excludes Burmese vowel signs, medials and asat,
# so pages whose slugs keep them (docs/decisions/0003-burmese-slugs.md) need this one; the
# slug validator decides what a slug may hold.
page_pattern = re_path(r"^((?:[^/]+/)*)$", routing.serve, name="wagtail_serve")
wagtail_utilities = [p for p in wagtail_urls.urlpatterns if p.name != "wagtail_serve"]

urlpatterns += i18n_patterns(
    path(
        "",
        include(
            [
                *syndication_urls.edition_patterns,
                *metrics_urls.edition_patterns,
                *lite_urls.edition_patterns,
                *search_urls.edition_patterns,
                *newsletter_urls.edition_patterns,
                *audience_urls.edition_patterns,
                *header_views.edition_patterns,
                *wagtail_utilities,
                page_pattern,
            ]
        ),
    ),
    prefix_default_language=False,
)

handler404 = "masthead.journalism.errors.page_not_found"
handler500 = "masthead.journalism.errors.server_error"
