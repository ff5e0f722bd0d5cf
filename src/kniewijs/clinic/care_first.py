"""Before any time is offered: is a routine knee check the right step at all?

A self-check result that says same-day care or 112, carried to the booking pages, or a recovery programme
on hold after a red flag, means a doctor first. The booking pages then say so, with the way to call, before
any slot; a runner who has read it may still go on to book a check for later (`Carry.care_seen`).
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from kniewijs.core.answers import InvalidAnswers, parse_answers
from kniewijs.core.recovery.model import Because
from kniewijs.core.recovery.urgent import UrgentAdvice, escalation_advice, urgent_advice
from kniewijs.core.selfcheck import evaluate

from .booking_forms import Carry


def _from_answers(raw: dict[str, Any] | None) -> UrgentAdvice | None:
    """The self-check's own verdict on the answers: same-day care or 112 (Level.URGENT and up) needs care."""
    if not raw:
        return None
    try:
        result = evaluate(parse_answers(raw))
    except (InvalidAnswers, ValueError):
        return None  # unreadable answers do not come along at all (booking_forms.carry_from)
    reasons = [Because(r.code, r.text, r.source, r.level) for r in result.reasons]
    return urgent_advice(result.level, reasons)


def _from_programme(user: Any) -> UrgentAdvice | None:
    """The runner's recovery programme: on hold after a red flag, or started from answers that the
    self-check now grades as same-day care or 112."""
    if not getattr(user, "is_authenticated", False):
        return None
    from kniewijs.recovery.access import active_programme
    from kniewijs.recovery.state import state_for
    from kniewijs.training.history import local_today

    programme = active_programme(user)
    if programme is None:
        return None
    advice = escalation_advice(state_for(programme, local_today(user)).escalation)
    return advice or _from_answers(dict(programme.answers) if programme.answers else None)


def care_needed(request: HttpRequest, carry: Carry) -> UrgentAdvice | None:
    """The urgent advice to give before any slot, or None when booking may go straight on."""
    if carry.care_seen:
        return None
    return _from_answers(carry.answers) or _from_programme(request.user)


def care_first_page(
    request: HttpRequest,
    advice: UrgentAdvice,
    carry: Carry,
    appointment_type: Any = None,
    go_on: str | None = None,
) -> HttpResponse:
    """Says a knee check is not the step for this, offers the call, and lets the runner book on deliberately
    (the same address again, with the answers and `care_seen`)."""
    context = {
        "urgent": advice,
        "carry": carry,
        "go_on_action": go_on or request.path,
        "appointment_type": appointment_type,
    }
    response = render(request, "clinic/booking/care_first.html", context)
    response["Cache-Control"] = "no-store"
    return response
