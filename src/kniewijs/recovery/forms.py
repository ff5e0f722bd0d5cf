from __future__ import annotations

from django import forms

from .models import SessionLog


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
        ]
        widgets = {
            # A date input wants ISO dates whatever the page's language; 24-11-2026 leaves it empty.
            "date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "squat_heels_down": forms.NullBooleanSelect,
        }

    def clean_level(self) -> int | None:
        level = self.cleaned_data.get("level")
        if level is not None and not 1 <= level <= 8:
            raise forms.ValidationError(forms.IntegerField.default_error_messages["invalid"])
        return level
