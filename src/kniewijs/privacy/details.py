"""The runner's details for the practice: full name, date of birth and which knee, on the consent page.

A practice needs them to know whom a record belongs to; they are not one of the four shared categories
because without them nothing shared can be used. They are shown to the physios of a clinic only while the
runner shares at least one category with it (clinic.access.patient_or_404 decides that).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from .models import PracticeDetails

OLDEST = date(1900, 1, 1)


class PracticeDetailsForm(forms.ModelForm):  # type: ignore[type-arg]
    class Meta:
        model = PracticeDetails
        fields = ["full_name", "date_of_birth", "knee"]
        widgets = {
            "full_name": forms.TextInput(attrs={"autocomplete": "name"}),
            "date_of_birth": forms.DateInput(
                attrs={"type": "date", "autocomplete": "bday"}, format="%Y-%m-%d"
            ),
            "knee": forms.RadioSelect,
        }
        help_texts = {
            "full_name": gettext_lazy("First name and surname, as the practice knows you."),
            "date_of_birth": gettext_lazy("A practice tells two patients with the same name apart by this."),
        }
        error_messages = {
            "date_of_birth": {"invalid": gettext_lazy("Fill in a date, for example 14-03-1988.")}
        }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["knee"].choices = list(PracticeDetails.Knee.choices)  # no "------" among the radios
        self.fields["knee"].required = False

    def clean_full_name(self) -> str:
        return " ".join(self.cleaned_data["full_name"].split())

    def clean_date_of_birth(self) -> date | None:
        born = self.cleaned_data["date_of_birth"]
        if born is not None and not OLDEST <= born <= timezone.localdate():
            raise forms.ValidationError(_("That date of birth cannot be right; please check it."))
        return born


def form_for(user: Any, data: Any = None) -> PracticeDetailsForm:
    details = PracticeDetails.objects.filter(user=user).first() or PracticeDetails(user=user)
    return PracticeDetailsForm(data, instance=details)


@login_required
@require_POST
def save(request: HttpRequest) -> HttpResponse:
    form = form_for(request.user, request.POST)
    if not form.is_valid():
        from .views import consent_page  # the page the form lives on, shown again with its errors

        return consent_page(request, details_form=form, status=400)
    with transaction.atomic():
        form.save()
    messages.success(request, _("Saved: the practices you share with see these details."))
    return redirect(reverse("privacy:consent") + "#gegevens")
