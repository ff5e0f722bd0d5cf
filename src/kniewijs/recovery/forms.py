from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kniewijs.core.answers import FIELD_BY_NAME
from kniewijs.core.recovery.model import RED_FLAG_SIGNS
from kniewijs.core.text import normalise_language

from .models import SessionLog
from .recording import PAIN_FIELDS, KneeFigures

# The warning signs worth asking about after a session (a fresh injury has its own questions).
ASKED_SIGNS = tuple(s for s in RED_FLAG_SIGNS if s not in ("injury", "pop", "lost_function"))


def _pain_field(name: str) -> forms.IntegerField:
    model_field = SessionLog._meta.get_field(name)
    return forms.IntegerField(label=model_field.verbose_name, required=False, min_value=0, max_value=10)


class SessionLogForm(forms.ModelForm):
    """The knee figures are plain fields, not the row's: a run's pain is written to the day's entry in the
    training log (recording.py), so the row itself never holds a second copy."""

    pain_during = _pain_field("pain_during")
    pain_after = _pain_field("pain_after")
    pain_next_morning = _pain_field("pain_next_morning")
    swelling = forms.BooleanField(label=SessionLog._meta.get_field("swelling").verbose_name, required=False)
    field_order = [
        "date",
        "kind",
        "level",
        *PAIN_FIELDS,
        "swelling",
        "giving_way",
        "easy_and_pain_free",
        "squat_heels_down",
        "signs",
    ]

    class Meta:
        model = SessionLog
        fields = ["date", "kind", "level", "giving_way", "easy_and_pain_free", "squat_heels_down", "signs"]
        widgets = {
            # A date input wants ISO dates whatever the page's language; 24-11-2026 leaves it empty.
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "squat_heels_down": forms.NullBooleanSelect,
        }

    signs = forms.MultipleChoiceField(
        label=_("Did you notice any of these?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[],
    )

    def __init__(
        self, *args: Any, first_day: date | None = None, last_day: date | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.first_day, self.last_day = first_day, last_day
        lang = normalise_language(get_language())
        self.fields["signs"].choices = [(key, FIELD_BY_NAME[key].label.get(lang)) for key in ASKED_SIGNS]

    @property
    def knee_figures(self) -> KneeFigures:
        return KneeFigures.from_data(self.cleaned_data)

    def clean_date(self) -> date:
        day: date = self.cleaned_data["date"]
        if self.first_day is not None and day < self.first_day:
            raise forms.ValidationError(
                _("Your programme started on %(start)s; choose that day or a later one.")
                % {"start": date_format(self.first_day, "j F Y")}
            )
        if self.last_day is not None and day > self.last_day:
            raise forms.ValidationError(_("This day has not come yet. Log a session on the day itself."))
        return day

    def clean_level(self) -> int | None:
        level = self.cleaned_data.get("level")
        if level is not None and not 1 <= level <= 8:
            raise forms.ValidationError(forms.IntegerField.default_error_messages["invalid"])
        return level
