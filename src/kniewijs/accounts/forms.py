"""Sign-up, login and password-reset forms: the e-mail address is the username, always lower-cased."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

User = get_user_model()

# The username column holds the e-mail address, so an address may be no longer than it.
EMAIL_MAX_LENGTH = User._meta.get_field("username").max_length

DUPLICATE_EMAIL = _("There is already an account with this e-mail address. Log in, or reset your password.")


def normalise_email(value: str) -> str:
    """One spelling per address: sign-up, login and the uniqueness check all compare lower-cased text."""
    return value.strip().lower()


def email_is_taken(email: str) -> bool:
    """Also matches an older account whose username or address differs only in case."""
    return User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists()


class SignupForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_("You log in with this address. We only use it to send you a new password if you ask."),
        widget=forms.EmailInput(
            attrs={
                "autocomplete": "email",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        email = normalise_email(self.cleaned_data["email"])
        if email_is_taken(email):
            raise forms.ValidationError(DUPLICATE_EMAIL, code="duplicate_email")
        return email

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            # The settings' validators, with an unsaved user so "too similar to your e-mail" can be judged.
            email = cleaned.get("email", "")
            candidate = User(username=email, email=email)
            try:
                password_validation.validate_password(password, candidate)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return cleaned


class EmailAuthenticationForm(AuthenticationForm):
    """Django's login form with the e-mail address as the username.

    The address is lower-cased before `authenticate` sees it, so django-axes counts failures per address
    however it is capitalised.
    """

    username = forms.CharField(
        label=_("E-mail address"),
        # "username", not "email": password managers pair a username field with current-password on login.
        widget=forms.EmailInput(
            attrs={
                "autocomplete": "username",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    error_messages = {
        "invalid_login": _(
            "This e-mail address and password do not match an account. Check both and try again."
        ),
        "inactive": _("This account is no longer active."),
    }

    def clean_username(self) -> str:
        return normalise_email(self.cleaned_data["username"])


class EmailPasswordResetForm(PasswordResetForm):
    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(
            attrs={
                "autocomplete": "email",
                "autocapitalize": "none",
                "spellcheck": "false",
                "autofocus": True,
            }
        ),
    )

    def send_mail(
        self,
        subject_template_name: str,
        email_template_name: str,
        context: dict[str, Any],
        from_email: str | None,
        to_email: str,
        html_email_template_name: str | None = None,
    ) -> None:
        """Render here, send in the background (a Celery worker in a clinic deployment): the answer then
        takes as long for an unknown address as for a known one, and a slow mail server holds up no one."""
        from kniewijs import tasks

        subject = "".join(render_to_string(subject_template_name, context).splitlines())
        body = render_to_string(email_template_name, context)
        tasks.dispatch(tasks.send_email, subject, body, from_email, [to_email])
