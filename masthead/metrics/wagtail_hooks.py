from __future__ import annotations

from django.urls import URLPattern, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from masthead.metrics.admin_views import dashboard, export_csv


@hooks.register("register_admin_urls")
def metrics_urls() -> list[URLPattern]:
    return [
        path("audience/", dashboard, name="audience_dashboard"),
        path("audience/views.csv", export_csv, name="audience_csv"),
    ]


@hooks.register("register_admin_menu_item")
def audience_menu_item() -> MenuItem:
    return MenuItem("Audience", reverse("audience_dashboard"), icon_name="view", order=850)
