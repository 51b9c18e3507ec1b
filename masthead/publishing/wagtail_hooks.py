from __future__ import annotations

from django.urls import URLPattern, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from masthead.publishing.admin_views import failures
from masthead.publishing.models import RenderFailure


@hooks.register("register_admin_urls")
def publishing_urls() -> list[URLPattern]:
    return [path("publishing/failures/", failures, name="publishing_failures")]


class FailuresMenuItem(MenuItem):
    """Shown to every editor while some page fails to render, so nobody misses it."""

    def is_shown(self, request: object) -> bool:
        return RenderFailure.objects.exists()


@hooks.register("register_admin_menu_item")
def failures_menu_item() -> MenuItem:
    return FailuresMenuItem(
        "Failed renders", reverse("publishing_failures"), icon_name="warning", order=900
    )
