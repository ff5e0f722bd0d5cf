from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kniewijs.core.answers import FIELD_BY_NAME
from kniewijs.core.recovery.model import RED_FLAG_SIGNS
from kniewijs.core.text import normalise_language

from .models import SessionLog

# The warning signs worth asking about after a session (a fresh injury has its own questions).
ASKED_SIGNS = tuple(s for s in RED_FLAG_SIGNS if s not in ("injury", "pop", "lost_function"))


class SessionLogForm(forms.ModelForm):
    class Meta:
        model = SessionLog
        fields = [
            "date",
            "kind",
            "level",
            "pain_during",
            "pain_after",
            "pain_next_morning",
            "swelling",
            "giving_way",
            "easy_and_pain_free",
            "squat_heels_down",
            "signs",
        ]
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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lang = normalise_language(get_language())
        self.fields["signs"].choices = [(key, FIELD_BY_NAME[key].label.get(lang)) for key in ASKED_SIGNS]

    def clean_level(self) -> int | None:
        level = self.cleaned_data.get("level")
        if level is not None and not 1 <= level <= 8:
            raise forms.ValidationError(forms.IntegerField.default_error_messages["invalid"])
        return level
