"""Form fields shared by every app."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import get_language


class FlexibleNumberField(forms.FloatField):
    """Runners type 6,5 or 6.5 whatever the page's language; 1.000 (Dutch) and 1,000 (English) are a thousand."""

    def to_python(self, value: Any) -> float | None:
        if isinstance(value, str):
            text = value.strip().replace(" ", "")
            thousands = "." if get_language() != "en" else ","
            if re.fullmatch(r"\d{1,3}(" + re.escape(thousands) + r"\d{3})+", text):
                text = text.replace(thousands, "")
            value = text.replace(",", ".") if text.count(",") == 1 and "." not in text else text
        return super().to_python(value)
