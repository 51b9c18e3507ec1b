from __future__ import annotations

from typing import Any

from django.db.models import Count, Q
from django.urls import URLPattern, path, reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from masthead.newsletters.admin_views import UNSUBSCRIBE_PERMISSION, unsubscribe_subscriber
from masthead.newsletters.models import Subscriber

EXPORTED = ["email", "edition", "status", "created_at", "confirmed_at", "unsubscribed_at"]


def spreadsheet_safe(text: Any) -> str:
    """A spreadsheet must not run an address as a formula: an address may start with = + -
    or @ (`=1+2@example.org` is valid)."""
    text = str(text)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class SubscriberPermissionPolicy(ModelPermissionPolicy):
    """Addresses come only from readers: no one adds, edits or deletes one by hand.
    Unsubscribing has its own view."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        if action in {"add", "change", "delete"}:
            return False
        return bool(super().user_has_permission(user, action))


class SubscriberIndexView(IndexView):
    custom_field_preprocess = {"email": {"csv": spreadsheet_safe}}

    def get_context_data(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        context: dict[str, Any] = super().get_context_data(*args, **kwargs)
        counts: dict[str, dict[str, int]] = {
            row["edition"]: {"confirmed": row["confirmed"], "pending": row["pending"]}
            for row in Subscriber.objects.order_by()
            .values("edition")
            .annotate(
                confirmed=Count("pk", filter=Q(status=Subscriber.Status.CONFIRMED)),
                pending=Count("pk", filter=Q(status=Subscriber.Status.PENDING)),
            )
        }
        none = {"confirmed": 0, "pending": 0}
        context["subscriber_counts"] = [
            {"label": label, **counts.get(code, none)} for code, label in Subscriber.Edition.choices
        ]
        return context


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "mail"
    menu_label = "Newsletter subscribers"
    menu_order = 220
    add_to_admin_menu = True
    index_view_class = SubscriberIndexView
    index_results_template_name = "newsletters/admin/subscriber_results.html"
    inspect_view_enabled = True
    # Not the token: it would let whoever reads the page confirm or unsubscribe the address.
    inspect_view_fields = [*EXPORTED, "mail_sent_at"]
    list_display = ["email", "edition", "status", "created_at", "confirmed_at"]
    list_filter = ["edition", "status"]
    search_fields = ["email"]
    ordering = ["-created_at"]
    list_export = EXPORTED
    export_filename = "newsletter-subscribers"


register_permission_policy(Subscriber, SubscriberPermissionPolicy(Subscriber), exact_class=True)
register_snippet(SubscriberViewSet)


@hooks.register("register_admin_urls")
def newsletter_admin_urls() -> list[URLPattern]:
    return [
        path(
            "newsletters/subscribers/<int:pk>/unsubscribe/",
            unsubscribe_subscriber,
            name="newsletters_unsubscribe_subscriber",
        )
    ]


@hooks.register("register_snippet_listing_buttons")
def unsubscribe_button(snippet: Any, user: Any, next_url: str | None = None) -> list[Any]:
    if (
        not isinstance(snippet, Subscriber)
        or snippet.status == Subscriber.Status.UNSUBSCRIBED
        or not user.has_perm(UNSUBSCRIBE_PERMISSION)
    ):
        return []
    return [
        ListingButton(
            "Unsubscribe",
            reverse("newsletters_unsubscribe_subscriber", args=[snippet.pk]),
            priority=10,
        )
    ]
