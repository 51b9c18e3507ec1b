from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.templatetags.static import static
from django.urls import URLPattern, path
from django.utils.html import format_html
from django.views.decorators.http import require_POST
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.journalism.models import Author, ContactMessage, EditionSettings
from masthead.journalism.panels import reading_figures

MAX_COUNTED_CHARACTERS = 200_000


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    menu_label = "Authors"
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "name_my", "role", "is_staff"]
    list_filter = ["is_staff"]
    search_fields = ["name", "name_my"]


class EditionSettingsViewSet(SnippetViewSet):
    model = EditionSettings
    icon = "cog"
    menu_label = "Edition settings"
    list_display = ["name", "locale"]


class ContactMessageViewSet(SnippetViewSet):
    model = ContactMessage
    icon = "mail"
    menu_label = "Contact messages"
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "email", "subject", "received_at", "emailed"]
    list_filter = ["emailed", "language"]
    search_fields = ["name", "email", "subject", "message"]
    ordering = ["-received_at"]


register_snippet(AuthorViewSet)
register_snippet(EditionSettingsViewSet)
register_snippet(ContactMessageViewSet)


@require_POST
def reading_time_view(request: HttpRequest) -> JsonResponse:
    """Reading time of the text an editor is writing (the article form's panel asks)."""
    text = request.POST.get("text", "")[:MAX_COUNTED_CHARACTERS]
    return JsonResponse(reading_figures(text))


@hooks.register("register_admin_urls")
def reading_time_urls() -> list[URLPattern]:
    return [path("masthead/reading-time/", reading_time_view, name="masthead_reading_time")]


@hooks.register("insert_editor_js")
def reading_time_script() -> str:
    return format_html('<script src="{}" defer></script>', static("journalism/reading_time.js"))
