"""What a copy puts in place of the parts of a page that need the newsroom's server.

A form that posts (the contact form) has nowhere to send its message from a copy: it is
replaced by a note with a link to the same page on the live site (marked rel="external":
it leaves the copy on purpose) and the newsroom's address, so a reader can still write, by
email or once online. The mirror also adds a link
to its own search page beside the edition switch of every full page.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from django.conf import settings
from django.utils.html import format_html

from masthead.core.editions import edition_for_path
from masthead.publishing.mirror.links import LinkFunction, ToolsAddition
from masthead.publishing.mirror.search_index import EditionSearch
from masthead.publishing.mirror.wording import wording_for


def contact_form_stand_in(page_url: str, link: LinkFunction) -> str:
    wording = wording_for(edition_for_path(page_url).language)
    live_page = settings.BASE_URL + quote(page_url, safe="/%")
    email = settings.MASTHEAD_CONTACT_EMAIL
    write = (
        format_html(' {} <a href="mailto:{}">{}</a>', wording.form_write, email, email)
        if email
        else ""
    )
    return format_html(
        '<p class="notice" role="note">{} <a href="{}" rel="external">{}</a>{}</p>',
        wording.form_offline,
        live_page,
        wording.form_open_live,
        write,
    )


def search_link_addition(searches: Iterable[EditionSearch]) -> ToolsAddition:
    """A link to the edition's search page, for the masthead's tools bar."""
    by_language = {search.edition.language: search for search in searches}

    def addition(page_url: str, link: LinkFunction) -> str:
        search = by_language.get(edition_for_path(page_url).language)
        if search is None:
            return ""
        return format_html(
            '<a href="{}" rel="search">{}</a>\n    ',
            link(search.page_url),
            search.wording.search_link,
        )

    return addition
