from __future__ import annotations

import unicodedata

from django import forms
from django.utils.translation import gettext_lazy as _

from masthead.journalism.forms import ERRORS


class SignUpForm(forms.Form):
    email = forms.EmailField(label=_("Your email"), max_length=254, error_messages=ERRORS)
    # A field people never see and bots fill in.
    website = forms.CharField(required=False, label=_("Leave this empty"))

    error_css_class = "field--error"

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        # Invisible characters (direction overrides, zero widths) would let an address look
        # like another in the admin; Django's validator lets some through in domain names.
        if any(unicodedata.category(character).startswith("C") for character in email):
            raise forms.ValidationError(ERRORS["invalid"], code="invalid")
        return email

    def clean_website(self) -> str:
        if self.cleaned_data.get("website"):
            raise forms.ValidationError(_("This sign-up looks automated and was not accepted."))
        return ""
