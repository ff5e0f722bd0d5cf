"""The privacy pages' forms. None of them carries a runner id: every change is made for the logged-in runner."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms
from django.contrib.auth import authenticate
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kniewijs.clinic.models import Clinic, Consent

ALL_CATEGORIES = "all"


class ConsentChangeForm(forms.Form):
    """One button: grant or revoke one category (or all four) for one clinic."""

    GRANT = "grant"
    REVOKE = "revoke"

    clinic = forms.ModelChoiceField(queryset=Clinic.objects.all(), to_field_name="slug")
    category = forms.ChoiceField(choices=[*Consent.Category.choices, (ALL_CATEGORIES, _("All categories"))])
    action = forms.ChoiceField(choices=[(GRANT, _("Grant")), (REVOKE, _("Revoke"))])

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        clinic = cleaned.get("clinic")
        if clinic is not None and cleaned.get("action") == self.GRANT and not clinic.active:
            raise forms.ValidationError(
                _("This clinic no longer works with Kniewijs, so it cannot get new access.")
            )
        return cleaned

    def categories(self) -> list[str]:
        chosen = self.cleaned_data["category"]
        return list(Consent.Category.values) if chosen == ALL_CATEGORIES else [chosen]


class Period:
    """Quick choices for the access log; the form turns them into dates."""

    LAST_30_DAYS = "30-dagen"
    THIS_YEAR = "dit-jaar"
    ALL = "alles"
    CHOICES = [
        (LAST_30_DAYS, _("Last 30 days")),
        (THIS_YEAR, _("This year")),
        (ALL, _("Everything")),
    ]


class PeriodForm(forms.Form):
    """Read from the query string: `van`/`tot` dates, or a quick `periode`. Dates win when both are given."""

    van = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    tot = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    periode = forms.ChoiceField(label=_("Period"), required=False, choices=Period.CHOICES)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        start, end = cleaned.get("van"), cleaned.get("tot")
        if start and end and start > end:
            self.add_error(
                "tot",
                _("The end date is before the start date. Choose an end date on or after %(start)s.")
                % {"start": start.strftime("%d-%m-%Y")},
            )
        return cleaned

    def bounds(self, today: date | None = None) -> tuple[date | None, date | None]:
        """The chosen days, both included; None means open-ended."""
        today = today or timezone.localdate()
        start, end = self.cleaned_data.get("van"), self.cleaned_data.get("tot")
        if start or end:
            return start, end
        quick = self.cleaned_data.get("periode")
        if quick == Period.LAST_30_DAYS:
            return today - timedelta(days=29), today
        if quick == Period.THIS_YEAR:
            return today.replace(month=1, day=1), today
        return None, None


class EraseForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    understood = forms.BooleanField(
        label=_(
            "I understand that my account and all my data will be erased for good, and that this cannot be undone."
        ),
        error_messages={"required": _("Tick the box to confirm that you want to erase everything.")},
    )

    def __init__(self, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        user = self.request.user
        # Through authenticate(), so django-axes counts wrong guesses here as it does at the login page.
        checked = authenticate(self.request, username=user.get_username(), password=password)
        if checked is None or checked.pk != user.pk:
            raise forms.ValidationError(_("That is not your password. Nothing has been erased."))
        return password
