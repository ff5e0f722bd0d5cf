"""Input of the booking pages: the booker's details, the chosen time and what travels along between steps.

The self-check answers a runner brings from the check travel in a hidden field, checked by the core on
every step exactly as the self-check does; nothing of them is stored unless the consent box is ticked.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from django import forms
from django.http import QueryDict
from django.utils.translation import gettext_lazy as _

from kniewijs.selfcheck.state import BadState, load_state

PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()./-]+$")


def carried_answers(raw: str | None) -> dict[str, Any] | None:
    """The self-check answers from the hidden field, validated by the core; None when there are none."""
    return load_state(raw) or None


def parse_slot(raw: str | None) -> datetime | None:
    """A slot's start as posted by a time button (ISO 8601 with offset); None when unreadable or naive."""
    if not raw or len(raw) > 40:
        return None
    try:
        moment = datetime.fromisoformat(raw)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None and moment.utcoffset() is not None else None


@dataclass(frozen=True, slots=True)
class Carry:
    """What travels from step to step in hidden fields: the self-check and, after a taken slot, the details
    the runner already typed."""

    state: str = ""
    name: str = ""
    email: str = ""
    phone: str = ""
    send_report: bool = False
    care_seen: bool = False  # read the "see a doctor first" page and chose to book a later check anyway

    @property
    def answers(self) -> dict[str, Any] | None:
        return json.loads(self.state) if self.state else None

    def hidden_fields(self) -> list[tuple[str, str]]:
        pairs = [("state", self.state), ("name", self.name), ("email", self.email), ("phone", self.phone)]
        fields = [(key, value) for key, value in pairs if value]
        if self.send_report:
            fields.append(("send_report", "on"))
        if self.care_seen:
            fields.append(("care_seen", "on"))
        return fields

    @property
    def is_empty(self) -> bool:
        return not self.hidden_fields()

    def with_details(self, data: QueryDict) -> Carry:
        return replace(
            self,
            name=data.get("name", "")[:120],
            email=data.get("email", "")[:254],
            phone=data.get("phone", "")[:40],
            send_report=bool(data.get("send_report")),
            care_seen=bool(data.get("care_seen")),
        )


def carry_from(data: QueryDict) -> tuple[Carry, bool]:
    """The carried values from a POST, and whether a self-check was posted but could not be read."""
    try:
        answers = carried_answers(data.get("state"))
    except BadState:
        return Carry().with_details(data), True
    state = json.dumps(answers, sort_keys=True) if answers else ""
    return Carry(state=state).with_details(data), False


class DetailsForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=120,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        help_text=_("The confirmation and the link to change your appointment go to this address."),
        widget=forms.EmailInput(
            attrs={"autocomplete": "email", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=40,
        help_text=_("So the clinic can reach you if something changes."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )
    send_report = forms.BooleanField(required=False)

    def __init__(self, *args: Any, report_label: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if report_label is None:
            del self.fields["send_report"]
        else:
            self.fields["send_report"].label = report_label

    def clean_name(self) -> str:
        name = " ".join(self.cleaned_data["name"].split())
        if not name:
            raise forms.ValidationError(_("Please fill in your name."), code="required")
        return name

    def clean_email(self) -> str:
        return str(self.cleaned_data["email"]).strip().lower()

    def clean_phone(self) -> str:
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = re.sub(r"\D", "", phone)
        if not PHONE_CHARACTERS.match(phone) or not 8 <= len(digits) <= 15:
            raise forms.ValidationError(
                _("Enter a phone number of 8 to 15 digits, for example 06 12345678."), code="invalid"
            )
        return phone
