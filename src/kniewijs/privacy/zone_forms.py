"""The form for a new privacy zone. Coordinates are typed or pasted, with a dot or a Dutch decimal comma."""

from __future__ import annotations

import math
import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import MAX_RADIUS, MIN_RADIUS

MAX_ZONES = 10  # enough for home, work, family and a few more; more than that is a sign of a script
DEFAULT_RADIUS = 400
# An optional sign, digits, at most one decimal separator (dot or comma), digits; a trailing degree sign.
_DEGREES = re.compile(r"^(?P<sign>[-+−]?)\s*(?P<whole>[0-9]{1,3})(?:[.,](?P<fraction>[0-9]{0,12}))?\s*°?$")


class DegreesField(forms.Field):
    """Decimal degrees as text, so "52,0907" and "52.0907" both work; returns a float within ±`limit`."""

    def __init__(self, *, limit: float, example: str, **kwargs: Any) -> None:
        self.limit = limit
        self.example = example
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"inputmode": "decimal", "autocomplete": "off", "placeholder": example, "maxlength": 24}
            ),
        )
        super().__init__(**kwargs)

    def to_python(self, value: Any) -> float | None:
        if value is None or not str(value).strip():
            return None
        match = _DEGREES.match(str(value).strip()[:40])
        if match is None:
            raise forms.ValidationError(
                _("Write this as a number in decimal degrees, for example %(example)s.")
                % {"example": self.example},
                code="invalid",
            )
        number = float(f"{match['whole']}.{match['fraction'] or '0'}")
        if match["sign"] in ("-", "−"):
            number = -number
        if not math.isfinite(number) or abs(number) > self.limit:
            raise forms.ValidationError(
                _("This must lie between -%(limit)s and %(limit)s.") % {"limit": f"{self.limit:g}"},
                code="range",
            )
        return round(number, 6)  # about 10 cm: far finer than any GPS


class ZoneForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=60,
        help_text=_("Only for you, for example “Home” or “Work”."),
        error_messages={"required": _("Give the zone a name, for example “Home”.")},
    )
    lat = DegreesField(
        label=_("Latitude"),
        limit=90.0,
        example="52,0907",
        help_text=_(
            "In decimal degrees, such as 52,0907 or 52.0907. In the Netherlands this is about 50 to 54."
        ),
        error_messages={"required": _("Fill in the latitude.")},
    )
    lon = DegreesField(
        label=_("Longitude"),
        limit=180.0,
        example="5,1214",
        help_text=_("In decimal degrees, such as 5,1214 or 5.1214. In the Netherlands this is about 3 to 7."),
        error_messages={"required": _("Fill in the longitude.")},
    )
    radius_m = forms.IntegerField(
        label=_("Radius in metres"),
        min_value=MIN_RADIUS,
        max_value=MAX_RADIUS,
        initial=DEFAULT_RADIUS,
        # The limits are written out: a lazy text cannot be %-formatted when this module loads.
        help_text=_("From 50 to 5000 metres. A few hundred metres covers a couple of streets."),
        error_messages={
            "required": _("Fill in the radius in metres."),
            "invalid": _("Fill in the radius as a whole number of metres, for example 400."),
            "min_value": _("The radius must be at least %(limit_value)s metres."),
            "max_value": _("The radius can be at most %(limit_value)s metres."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )

    def __init__(self, *args: Any, existing: int = 0, **kwargs: Any) -> None:
        self.existing = existing
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.existing >= MAX_ZONES:
            raise forms.ValidationError(
                _("You already have %(count)s zones, the most Kniewijs keeps. Remove one first.")
                % {"count": MAX_ZONES}
            )
        return cleaned
