"""Zawgyi at the edge of the back office: what staff type is stored as Unicode.

Every string a staff form submits (plain fields, rich text, StreamField and inline-panel
data) is checked paragraph by paragraph with masthead.burmese.fix_zawgyi before the form
sees it. Paragraphs that are surely Zawgyi are converted, and the first save stops to show
the editor the converted text and the fields it was in. Paragraphs that may be Zawgyi are
left alone until the editor chooses to convert them or keep them as typed.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.http import QueryDict

from masthead import burmese
from masthead.burmese.paragraphs import split_paragraphs

CHOICE_FIELD = "zawgyi_uncertain"
# Slugs are made and repaired by masthead.journalism.slugs; a mangled one reads as Zawgyi.
NOT_TEXT = {CHOICE_FIELD, "slug", "csrfmiddlewaretoken"}


@dataclass
class ZawgyiReport:
    converted: set[str] = field(default_factory=set)  # form field names
    uncertain: set[str] = field(default_factory=set)


def _fix_text(text: str, convert_uncertain: bool) -> tuple[str, bool, bool]:
    fix = burmese.fix_zawgyi(text)
    result = fix.text
    if fix.uncertain and convert_uncertain:
        parts = split_paragraphs(result)
        result = "".join(
            (burmese.zawgyi_to_unicode(p) if i in fix.uncertain else p) + line_break
            for i, (p, line_break) in enumerate(parts)
        )
    return result, bool(fix.converted), bool(fix.uncertain) and not convert_uncertain


def _fix_json(value: Any, convert_uncertain: bool, found: list[bool]) -> Any:
    if isinstance(value, str):
        fixed, converted, uncertain = _fix_text(value, convert_uncertain)
        found[0] |= converted
        found[1] |= uncertain
        return fixed
    if isinstance(value, list):
        return [_fix_json(item, convert_uncertain, found) for item in value]
    if isinstance(value, dict):
        return {key: _fix_json(item, convert_uncertain, found) for key, item in value.items()}
    return value


def _fix_value(value: str, convert_uncertain: bool) -> tuple[str, bool, bool]:
    """Rich text arrives as JSON (Draftail's content state): fix its strings, not its syntax."""
    if value.lstrip().startswith(("{", "[")):
        try:
            parsed = json.loads(value)
        except ValueError:
            parsed = None
        if parsed is not None:
            found = [False, False]
            fixed = _fix_json(parsed, convert_uncertain, found)
            text = json.dumps(fixed, ensure_ascii=False) if found[0] or convert_uncertain else value
            return text, found[0], found[1]
    return _fix_text(value, convert_uncertain)


def fix_submitted_data(data: Any, convert_uncertain: bool) -> tuple[Any, ZawgyiReport]:
    """A copy of a form's submitted data with Zawgyi converted, and what was found where."""
    report = ZawgyiReport()
    if not hasattr(data, "lists"):
        return data, report
    fixed = QueryDict(mutable=True)
    for key, values in data.lists():
        new_values = []
        for value in values:
            if isinstance(value, str) and key not in NOT_TEXT:
                value, converted, uncertain = _fix_value(value, convert_uncertain)
                name = key.split("-", 1)[0]
                if converted:
                    report.converted.add(name)
                if uncertain:
                    report.uncertain.add(name)
            new_values.append(value)
        fixed.setlist(key, new_values)
    return fixed, report


class ZawgyiCheckMixin:
    """For staff forms. Put it before the form class; call `check_zawgyi()` in `clean()`."""

    zawgyi: ZawgyiReport
    # Stop the first save to show converted text (off where re-showing the form would lose
    # something, such as a file chosen for upload).
    zawgyi_stops_first_save = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        data = args[0] if args else kwargs.get("data")
        choice = data.get(CHOICE_FIELD, "ask") if data is not None else "ask"
        fixed, self.zawgyi = fix_submitted_data(data, convert_uncertain=choice == "convert")
        if args:
            args = (fixed, *args[1:])
        elif data is not None:
            kwargs["data"] = fixed
        super().__init__(*args, **kwargs)
        self._zawgyi_choice = choice

    def _labels(self, names: set[str]) -> str:
        fields: dict[str, Any] = self.fields  # type: ignore[attr-defined]
        return ", ".join(
            sorted(str(fields[name].label) if name in fields else name for name in names)
        )

    def check_zawgyi(self) -> None:
        add_error = self.add_error  # type: ignore[attr-defined]
        if self.zawgyi.converted and self.zawgyi_stops_first_save:
            add_error(
                None,
                "Text typed in Zawgyi was converted to Unicode in: "
                f"{self._labels(self.zawgyi.converted)}. Check it, then save again.",
            )
        offers_choice = CHOICE_FIELD in self.fields  # type: ignore[attr-defined]
        if self.zawgyi.uncertain and offers_choice and self._zawgyi_choice == "ask":
            add_error(
                CHOICE_FIELD,
                f"{self._labels(self.zawgyi.uncertain)} may be typed in Zawgyi. Choose to "
                "convert it or to keep it as typed, then save again.",
            )


def uncertain_zawgyi_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Text that may be Zawgyi",
        choices=[
            ("ask", "Ask me"),
            ("convert", "Convert it to Unicode"),
            ("keep", "Keep it as typed"),
        ],
        initial="ask",
        required=False,
        widget=forms.RadioSelect,
        help_text="Text that is surely Zawgyi is always converted.",
    )
