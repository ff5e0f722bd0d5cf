"""The signed-in runner's next appointment, for the pages that would otherwise offer to book one: a runner
who has already booked the knee check is shown that appointment, not a second booking button."""

from __future__ import annotations

from typing import Any

from django import template

from kniewijs.clinic.booking import upcoming_of

register = template.Library()

_CACHE = "_kniewijs_next_appointment"


@register.simple_tag(takes_context=True)
def next_appointment(context: Any) -> Any:
    """The runner's soonest active booking that has not started, or None (also for visitors); asked once
    per request however often a page includes it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    if not hasattr(request, _CACHE):
        setattr(request, _CACHE, upcoming_of(user).first())
    return getattr(request, _CACHE)
