"""Sign-up, login and password-reset forms: the e-mail address is the username, always lower-cased."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

User = get_user_model()

# The username column holds the e-mail address, so an address may be no longer than it.
EMAIL_MAX_LENGTH = User._meta.get_field("username").max_length


def normalise_email(value: str) -> str:
    """One spelling per address: sign-up, login and the uniqueness check all compare lower-cased text."""
    return value.strip().lower()


def email_is_taken(email: str) -> bool:
    """Also matches an older account whose username or address differs only in case."""
    return User.objects.filter(Q(username__iexact=email) | Q(email__iexact=email)).exists()


EMAIL_WIDGET_ATTRS = {
    "autocomplete": "email",
    "autocapitalize": "none",
    "spellcheck": "false",
    "autofocus": True,
}


class SignupForm(forms.Form):
    """Step one of signing up: only the address. Whether it has an account is never said here; the e-mail
    says it (kniewijs.accounts.signup)."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=EMAIL_MAX_LENGTH,
        help_text=_(
            "We send a link to this address. You open it to choose your password; then you log in with it."
        ),
        widget=forms.EmailInput(attrs=EMAIL_WIDGET_ATTRS),
    )

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])


class ChoosePasswordForm(forms.Form):
    """Step two, behind the link from the e-mail: the password of the new account."""

    password = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html(),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password", "autofocus": True}),
    )

    def __init__(self, email: str, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.email = email

    def clean_password(self) -> str:
        password = str(self.cleaned_data["password"])
        # The settings' validators, with an unsaved user so "too similar to your e-mail" can be judged.
        password_validation.validate_password(password, User(username=self.email, email=self.email))
        return password


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
    """Django's reset form; an address without an account gets a mail too, saying so, so that the answer and
    the work are the same for every address (the page never says which it was)."""

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        widget=forms.EmailInput(attrs=EMAIL_WIDGET_ATTRS),
    )

    def clean_email(self) -> str:
        return normalise_email(self.cleaned_data["email"])

    def save(self, *args: Any, request: HttpRequest | None = None, **kwargs: Any) -> None:
        self.mailed = False
        super().save(*args, request=request, **kwargs)
        if not self.mailed and request is not None:
            context = {"signup_url": request.build_absolute_uri(reverse("accounts:signup"))}
            send_in_background(
                "accounts/email/password_reset_subject.txt",
                "accounts/email/password_reset_unknown.txt",
                context,
                self.cleaned_data["email"],
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
        self.mailed = True
        send_in_background(subject_template_name, email_template_name, context, to_email, from_email)


def send_in_background(
    subject_template: str, body_template: str, context: dict[str, Any], to: str, from_email: str | None = None
) -> None:
    """Render here, send in the background (a Celery worker in a clinic deployment): the answer then takes as
    long whichever mail it is, and a slow mail server holds up no one."""
    from kniewijs import tasks

    subject = "".join(render_to_string(subject_template, context).splitlines())
    body = render_to_string(body_template, context)
    tasks.dispatch(tasks.send_email, subject, body, from_email, [to])
