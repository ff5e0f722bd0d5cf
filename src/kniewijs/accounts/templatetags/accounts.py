"""Template filters for the account pages."""

from __future__ import annotations

import math
from datetime import timedelta

from django import template

register = template.Library()


@register.filter
def whole_minutes(duration: timedelta) -> int:
    """Rounded up, so "try again in 15 minutes" is never too early."""
    return max(1, math.ceil(duration.total_seconds() / 60))
