from __future__ import annotations

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from masthead.journalism.models import Author, ContactMessage, EditionSettings


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
