from __future__ import annotations

from typing import Any

from allauth.account import forms as allauth_forms
from allauth.account.forms import ResetPasswordForm
from allauth.account.internal.userkit import filter_users_by_email, get_user_by_username
from allauth.account.models import EmailAddress
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _


class PasswordResetForm(ResetPasswordForm):
    """A password reset asked for by username or by email address. Whether an account
    exists is never revealed: the reader is told the same thing either way."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        del self.fields["email"]
        self.fields["login"] = forms.CharField(
            label=_("Username or email"),
            max_length=254,
            widget=forms.TextInput(attrs={"autocomplete": "username", "maxlength": 254}),
        )
        self.users: list[Any] = []

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        login = cleaned.get("login")
        if not login:
            return cleaned
        if "@" in login:
            try:
                validate_email(login)
            except ValidationError:
                raise ValidationError(
                    _("Enter your username, or a valid email address."), code="invalid"
                ) from None
            self.users = filter_users_by_email(
                login, is_active=True, prefer_verified=True, for_login=True
            )
            cleaned["email"] = login
            return cleaned
        user = get_user_by_username(login)
        if user is not None and user.is_active:
            address = (
                EmailAddress.objects.filter(user=user)
                .order_by("-primary", "-verified")
                .values_list("email", flat=True)
                .first()
            ) or getattr(user, "email", "")
            if address:
                self.users = [user]
                cleaned["email"] = address
                return cleaned
        # Unknown username: nothing to send, and the reader is told as if it were sent. The
        # username keys the rate limit, as an address would.
        cleaned["email"] = login.lower()
        return cleaned

    def save(self, request: HttpRequest, **kwargs: Any) -> str:
        if not self.users and "@" not in self.cleaned_data["login"]:
            return ""
        return str(super().save(request, **kwargs))


class WithoutPlaceholders:
    """allauth's widgets carry English placeholders; our labels say it in the edition's
    language, and a placeholder that repeats a label only gets in a screen reader's way."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.widget.attrs.pop("placeholder", None)
            field.help_text = ""


class LoginForm(WithoutPlaceholders, allauth_forms.LoginForm):
    pass


class SignupForm(WithoutPlaceholders, allauth_forms.SignupForm):
    pass


class ChangePasswordForm(WithoutPlaceholders, allauth_forms.ChangePasswordForm):
    pass


class ResetPasswordKeyForm(WithoutPlaceholders, allauth_forms.ResetPasswordKeyForm):
    pass


class AddEmailForm(WithoutPlaceholders, allauth_forms.AddEmailForm):
    pass
