"""Django forms generated from the core's question catalogue, one form per wizard screen."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kniewijs.core.answers import Field
from kniewijs.core.text import Language
from kniewijs.core.wizard import Step
from kniewijs.web.fields import FlexibleNumberField

YES, NO, UNKNOWN = "yes", "no", "unknown"
PAIN_FIELDS = {"pain_now", "pain_running", "pain_next_morning"}


def _to_bool(value: str) -> bool | None:
    return {YES: True, NO: False}.get(value)


def _from_bool(value: Any) -> str | None:
    if value is True:
        return YES
    if value is False:
        return NO
    return None


def _form_field(spec: Field, step: Step, lang: Language) -> forms.Field:
    required = spec.name in step.required
    label = spec.label.get(lang)
    help_text = spec.help.get(lang) if spec.help else ""
    messages = {"required": _("Please answer this question.")}
    if spec.name in step.checkbox_group:
        return forms.BooleanField(required=False, label=label)
    if spec.kind == "bool":
        choices = [(YES, _("Yes")), (NO, _("No"))]
        if not required:
            choices.append((UNKNOWN, _("I don't know")))
        return forms.TypedChoiceField(
            choices=choices,
            coerce=_to_bool,
            empty_value=None,
            required=required,
            widget=forms.RadioSelect,
            label=label,
            help_text=help_text,
            error_messages=messages,
        )
    if spec.kind == "int" and spec.name in PAIN_FIELDS:
        return forms.TypedChoiceField(
            choices=[(str(i), str(i)) for i in range(11)],
            coerce=int,
            empty_value=None,
            required=required,
            widget=forms.RadioSelect,
            label=label,
            help_text=help_text,
            error_messages=messages,
        )
    if spec.kind == "int":
        return forms.IntegerField(
            required=required,
            min_value=spec.minimum,
            max_value=spec.maximum,
            label=label,
            help_text=help_text,
            error_messages=messages,
        )
    if spec.kind == "number":
        return FlexibleNumberField(
            required=required,
            min_value=spec.minimum,
            max_value=spec.maximum,
            localize=True,
            label=label,
            help_text=help_text,
            error_messages=messages,
            widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        )
    choices = [(c.value, c.label.get(lang)) for c in spec.choices]
    if spec.kind == "choice":
        return forms.ChoiceField(
            choices=choices,
            required=required,
            widget=forms.RadioSelect,
            label=label,
            help_text=help_text,
            error_messages=messages,
        )
    return forms.MultipleChoiceField(
        choices=choices, required=False, widget=forms.CheckboxSelectMultiple, label=label, help_text=help_text
    )


class StepForm(forms.Form):
    def __init__(self, step: Step, lang: Language, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.step = step
        for spec in step.field_specs():
            formfield = _form_field(spec, step, lang)
            # Read by the templates: a unit after the input, and 0-10 answers drawn as a scale.
            formfield.unit = spec.unit.get(lang) if spec.unit else ""  # type: ignore[attr-defined]
            formfield.scale = spec.name in PAIN_FIELDS  # type: ignore[attr-defined]
            self.fields[spec.name] = formfield

    def answers(self) -> dict[str, Any]:
        """The cleaned values as contract answers: unanswered optional questions are left out."""
        out: dict[str, Any] = {}
        for name, value in self.cleaned_data.items():
            if value is None or value == "" or value == []:
                if name in self.step.checkbox_group:
                    out[name] = False
                continue
            out[name] = value
        return out


def initial_from_answers(step: Step, answers: dict[str, Any]) -> dict[str, Any]:
    """Show earlier answers again when the runner goes back a screen."""
    initial: dict[str, Any] = {}
    for spec in step.field_specs():
        if spec.name not in answers:
            continue
        value = answers[spec.name]
        if spec.kind == "bool" and spec.name not in step.checkbox_group:
            initial[spec.name] = _from_bool(value)
        elif spec.name in PAIN_FIELDS:
            initial[spec.name] = str(value)
        else:
            initial[spec.name] = value
    return initial
