"""The admin site itself: django-otp's, which asks for the TOTP code besides the password."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _
from django_otp.admin import OTPAdminAuthenticationForm, OTPAdminSite
from django_otp.forms import OTPAuthenticationFormMixin
from django_otp.plugins.otp_totp.models import TOTPDevice


class OneCodeLoginForm(OTPAdminAuthenticationForm):
    """Password and one code sign in. django-otp asks to pick a device before it checks a code, because trying
    each device in turn would count a failure against every other one; with a single confirmed authenticator
    there is nothing to pick, so that one is taken and the first try works. With several, the choice stays."""

    otp_device = forms.CharField(required=False, widget=forms.Select)
    otp_token = forms.CharField(
        required=False,
        label=_("Code from your authenticator app"),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "pattern": "[0-9]*"}
        ),
    )
    otp_error_messages = dict(
        OTPAuthenticationFormMixin.otp_error_messages,
        token_required=_("Enter the six digits from your authenticator app."),
        invalid_token=_("This code is not right or has expired. Try the code your app shows now."),
        device_required=_("Choose the authenticator app this code comes from."),
    )

    def _chosen_device(self, user: Any) -> Any:
        chosen = super()._chosen_device(user)
        if chosen is not None:
            return chosen
        only = list(TOTPDevice.objects.filter(user=user, confirmed=True)[:2])
        return only[0] if len(only) == 1 else None

    def device_choice_needed(self) -> bool:
        user = self.get_user()
        return user is not None and TOTPDevice.objects.filter(user=user, confirmed=True).count() > 1


class KniewijsAdminSite(OTPAdminSite):
    site_header = _("Kniewijs clinic administration")
    site_title = _("Kniewijs administration")
    index_title = _("Clinic administration")
    login_form = OneCodeLoginForm
    login_template = "admin/kniewijs_login.html"

    def __init__(self, name: str = "admin") -> None:
        # Keep Django's usual name, so `admin:...` addresses work as everywhere else.
        super().__init__(name)
