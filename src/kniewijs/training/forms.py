from __future__ import annotations

from typing import Any
from zoneinfo import available_timezones

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kniewijs.formats.xmlsafe import PER_FOOT_CADENCE_LIMIT, steps_per_minute
from kniewijs.web.fields import FlexibleNumberField

from . import tracks
from .models import Activity, DailyEntry, RunnerSettings, Shoe

MAX_FILES = 500


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": True}))
        super().__init__(*args, **kwargs)

    def clean(self, data: Any, initial: Any = None) -> Any:
        single = super().clean
        if isinstance(data, list | tuple):
            if not data and self.required:  # a POST without files: no job, and a reason instead
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class UploadForm(forms.Form):
    files = MultipleFileField(
        error_messages={"required": _("Choose at least one file to import.")},
        label=_("Activity files"),
        help_text=_(
            "FIT, GPX, TCX or CSV files, or the zip of a Garmin or Strava export. You may pick several."
        ),
    )

    def clean_files(self) -> list[Any]:
        files = self.cleaned_data["files"]
        if len(files) > MAX_FILES:
            raise forms.ValidationError(_("Please upload at most %(n)d files at a time.") % {"n": MAX_FILES})
        limit = settings.KNIEWIJS_MAX_UPLOAD_BYTES
        too_large = [f.name for f in files if f.size > limit]
        if too_large:
            raise forms.ValidationError(
                _(
                    "%(names)s is larger than %(mb)d MB. Split the export into smaller parts, or use kniewijs import."
                )
                % {"names": ", ".join(too_large), "mb": limit // (1024 * 1024)}
            )
        return files


class DailyEntryForm(forms.ModelForm):
    sleep_hours = FlexibleNumberField(label=_("Hours of sleep"), required=False, min_value=0, max_value=24)

    class Meta:
        model = DailyEntry
        fields = [
            "date",
            "pain_during",
            "pain_after",
            "pain_next_morning",
            "pain_location",
            "swelling",
            "resting_heart_rate",
            "sleep_hours",
            "note",
        ]
        # Date inputs want ISO values whatever the page's language; a Dutch 24-11-2026 leaves them empty.
        widgets = {"date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}


# The activity's shoe and effort in the runner's words: the model field has no label of its own (Django
# would show "Shoe" on a Dutch page) and "RPE" is a scale's abbreviation no runner uses.
ACTIVITY_LABELS = {"shoe": _("Shoe"), "rpe": _("Effort (0 = very easy, 10 = as hard as you can)")}


def _plain_shoe_choice(form: forms.ModelForm, shoes: Any) -> None:
    field = form.fields["shoe"]
    field.queryset = shoes
    field.empty_label = _("No shoe")


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["sport", "name", "rpe", "shoe"]
        labels = ACTIVITY_LABELS

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_shoe_choice(self, Shoe.objects.filter(user=self.instance.user))

    def save(self, commit: bool = True) -> Activity:
        """A sport the runner changes is theirs from then on. The shoe follows the sport as an import
        gives it (a run gets the default pair, another sport none), unless the runner chose one here."""
        activity: Activity = super().save(commit=False)
        if "sport" in self.changed_data:
            activity.sport_source = "runner"
            if activity.sport == "running":
                _cadence_as_steps(activity)
            if "shoe" not in self.changed_data:
                if activity.sport != "running":
                    activity.shoe = None
                elif activity.shoe is None:
                    activity.shoe = Shoe.objects.filter(
                        user=activity.user, is_default=True, retired_on__isnull=True
                    ).first()
        if commit:
            activity.save()
        return activity


def _cadence_as_steps(activity: Activity) -> None:
    """A recording that becomes a run (a guessed ride or walk the runner corrects): its cadence was kept as
    the file gave it, per foot or pedal turns, and a run's cadence counts both feet. The readers' rule
    (formats.xmlsafe.steps_per_minute: a median under 120 is one foot) applied now, to the average and to
    the track, so the gait figures count it like any other run."""
    average = activity.avg_cadence_spm
    if average is not None and 0 < average < PER_FOOT_CADENCE_LIMIT:
        activity.avg_cadence_spm = average * 2.0
    if activity.track:
        track = tracks.unpack(activity.track)
        cadence = track.get("cadence_spm")
        if cadence is not None:
            track.channels["cadence_spm"] = steps_per_minute(cadence, "running")
            activity.track = tracks.pack(track)


class ManualRunForm(forms.ModelForm):
    distance_km = FlexibleNumberField(label=_("Distance (km)"), min_value=0.1, max_value=400)
    minutes = FlexibleNumberField(label=_("Duration (minutes)"), min_value=1, max_value=24 * 60)

    class Meta:
        model = Activity
        fields = ["sport", "start", "rpe", "shoe"]
        labels = ACTIVITY_LABELS
        widgets = {"start": forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")}

    def __init__(self, user: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _plain_shoe_choice(self, Shoe.objects.filter(user=user, retired_on__isnull=True))


class ShoeForm(forms.ModelForm):
    class Meta:
        model = Shoe
        fields = ["name", "limit_km", "start_km", "is_default"]
        help_texts = {"limit_km": _("Most shoes last 600 to 800 km; 700 is a good moment to replace them.")}


class RunnerSettingsForm(forms.ModelForm):
    time_zone = forms.ChoiceField(choices=[])

    class Meta:
        model = RunnerSettings
        fields = ["time_zone", "language"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        zones = sorted(
            z for z in available_timezones() if "/" in z and not z.startswith(("Etc/", "SystemV/"))
        )
        self.fields["time_zone"].choices = [(z, z) for z in zones]
