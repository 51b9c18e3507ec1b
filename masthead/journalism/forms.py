from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.burmese import fix_zawgyi

# Django's own Burmese catalogue lacks these, so the reader site carries its own.
ERRORS = {
    "required": _("This field is required."),
    "invalid": _("Enter a valid email address."),
    "max_length": _("Please write at most %(limit_value)d characters (this has %(show_value)d)."),
}


class ContactForm(forms.Form):
    name = forms.CharField(label=_("Your name"), max_length=100, error_messages=ERRORS)
    email = forms.EmailField(label=_("Your email"), max_length=254, error_messages=ERRORS)
    subject = forms.CharField(
        label=_("Subject"), max_length=150, required=False, error_messages=ERRORS
    )
    message = forms.CharField(
        label=_("Message"), max_length=5000, widget=forms.Textarea, error_messages=ERRORS
    )
    # A field people never see and bots fill in.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    error_css_class = "field--error"

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This message looks automated and was not sent."))
        return ""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in ("name", "subject", "message"):
            if cleaned.get(name):
                cleaned[name] = fix_zawgyi(cleaned[name]).text
        message = cleaned.get("message", "")
        if message.count("http://") + message.count("https://") > 5:
            self.add_error("message", _("Please include no more than five links."))
        return cleaned
