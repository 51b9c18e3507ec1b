"""The search page's filters. Anything a reader (or a link) puts in them is checked here;
a value that names nothing gets a clear message and a 400, never a server error."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.core.time import local_midnight
from masthead.journalism.models import Author, SectionPage
from masthead.search.backends import Filters
from masthead.search.queries import MAX_PAGE

EDITION_CHOICES = [("", _("This edition")), ("all", _("Both editions"))]
SORT_CHOICES = [("relevance", _("Best match")), ("newest", _("Newest first"))]
FIRST_YEAR, LAST_YEAR = 1900, 2200


class SearchFilterForm(forms.Form):
    edition = forms.ChoiceField(label=_("Edition"), choices=EDITION_CHOICES, required=False)
    section = forms.IntegerField(label=_("Section"), required=False, min_value=1)
    author = forms.CharField(label=_("Author"), required=False, max_length=120)
    since = forms.DateField(label=_("From"), required=False, input_formats=["%Y-%m-%d"])
    until = forms.DateField(label=_("To"), required=False, input_formats=["%Y-%m-%d"])
    sort = forms.ChoiceField(label=_("Sort by"), choices=SORT_CHOICES, required=False)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data: Any, *, language: str) -> None:
        super().__init__(data)
        self.language = language
        self.fields["edition"].error_messages["invalid_choice"] = _("There is no such edition.")
        self.fields["sort"].error_messages["invalid_choice"] = _(
            "Results can be sorted by best match or newest first."
        )
        self.fields["page"].error_messages.update(
            invalid=_("The page number must be a whole number."),
            min_value=_("Pages are numbered from 1."),
            max_value=_("Results go up to page %(limit_value)s; please narrow the search."),
        )
        self.fields["section"].error_messages.update(
            invalid=_("There is no such section."), min_value=_("There is no such section.")
        )
        for name in ("since", "until"):
            self.fields[name].error_messages["invalid"] = _(
                "Please give dates as year-month-day, like 2025-03-28."
            )

    def clean_section(self) -> SectionPage | None:
        section_id = self.cleaned_data.get("section")
        if section_id is None:
            return None
        section = SectionPage.objects.live().filter(pk=section_id).first()
        if section is None:
            raise forms.ValidationError(_("There is no such section."))
        return section

    def clean_author(self) -> Author | None:
        slug = self.cleaned_data.get("author")
        if not slug:
            return None
        author = Author.objects.filter(slug=slug).first()
        if author is None:
            raise forms.ValidationError(_("There is no such author."))
        return author

    def _clean_date(self, name: str) -> date | None:
        value = self.cleaned_data.get(name)
        if value is not None and not FIRST_YEAR <= value.year <= LAST_YEAR:
            raise forms.ValidationError(
                _("Please give a date between %(first)s and %(last)s.")
                % {"first": FIRST_YEAR, "last": LAST_YEAR}
            )
        return value

    def clean_since(self) -> date | None:
        return self._clean_date("since")

    def clean_until(self) -> date | None:
        return self._clean_date("until")

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date comes before the start date."))
        return cleaned

    @property
    def newest_first(self) -> bool:
        return self.cleaned_data.get("sort") == "newest"

    @property
    def page_number(self) -> int:
        return self.cleaned_data.get("page") or 1

    def filters(self) -> Filters:
        data = self.cleaned_data
        section: SectionPage | None = data.get("section")
        author: Author | None = data.get("author")
        since, until = data.get("since"), data.get("until")
        return Filters(
            language=None if data.get("edition") == "all" else self.language,
            section_id=section.pk if section else None,
            author_id=author.pk if author else None,
            published_from=local_midnight(since) if since else None,
            published_before=local_midnight(until + timedelta(days=1)) if until else None,
        )
