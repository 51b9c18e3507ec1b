"""Back-office forms that extend Wagtail's page forms."""

from __future__ import annotations

from typing import Any

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.admin.widgets import AdminPageChooser

from masthead.journalism.slugs import repaired_slug, validate_page_slug
from masthead.journalism.zawgyi_check import ZawgyiCheckMixin, uncertain_zawgyi_field


class StaffModelForm(ZawgyiCheckMixin, WagtailAdminModelForm):
    """The base form of the newsroom's snippets (authors, edition settings): Unicode only."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_zawgyi()
        return cleaned


class NewsPageForm(ZawgyiCheckMixin, WagtailAdminPageForm):
    """The base form of every masthead page: Unicode-only text and Burmese-safe slugs."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].validators = [validate_page_slug]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        self.check_zawgyi()
        title, slug = cleaned.get("title"), cleaned.get("slug")
        if title and slug:
            cleaned["slug"] = repaired_slug(title, slug)
        return cleaned


class ArticlePageForm(NewsPageForm):
    """Adds a chooser for the same story in the other edition (its counterpart)."""

    counterpart: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None,
        required=False,
        help_text="The same story in the other edition. Readers switching edition land on it.",
    )
    zawgyi_uncertain = uncertain_zawgyi_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        from masthead.journalism.models import ArticlePage

        others = ArticlePage.objects.all()
        if self.instance.locale_id:
            others = others.exclude(locale_id=self.instance.locale_id)
        field = self.fields["counterpart"]
        field.queryset = others
        field.widget = AdminPageChooser(target_models=[ArticlePage])
        if self.instance.pk:
            field.initial = others.filter(translation_key=self.instance.translation_key).first()

    def clean_counterpart(self) -> Any:
        chosen = self.cleaned_data.get("counterpart")
        if chosen is None or chosen.translation_key == self.instance.translation_key:
            return chosen
        from masthead.journalism.models import ArticlePage

        taken = ArticlePage.objects.filter(
            translation_key=chosen.translation_key, locale_id=self.instance.locale_id
        ).exclude(pk=self.instance.pk)
        if taken.exists():
            raise forms.ValidationError(
                f"That story is already the counterpart of “{taken.first()}”."
            )
        return chosen

    def is_valid(self) -> bool:
        # The byline formset is validated after the form itself, so it is checked here.
        valid = super().is_valid()
        bylines = self.formsets.get("bylines")
        if valid and bylines is not None:
            named = [
                form.cleaned_data["author"]
                for form in bylines.forms
                if form.cleaned_data.get("author") and not form.cleaned_data.get("DELETE")
            ]
            if len(named) != len(set(named)):
                self.add_error(None, "An author is named twice in the byline.")
                return False
        return valid

    def save(self, commit: bool = True) -> Any:
        page = super().save(commit=commit)
        chosen = self.cleaned_data.get("counterpart")
        if chosen is not None and chosen.translation_key != page.translation_key:
            # The story's translation key exists before its first save; linking changes
            # only the counterpart, which takes that key.
            from masthead.journalism.services import link_counterparts

            link_counterparts(article=page, counterpart=chosen)
        return page
