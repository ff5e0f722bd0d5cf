"""What a physio sees of a consenting runner, category by category. Nothing here checks consent: the views
call it only for categories `access.Patient.allows`, and log each one.

A clinic never gets a map, a GPS track or a device name: only dates, distances, times and the charts.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from kniewijs.core.answers import InvalidAnswers, parse_answers
from kniewijs.core.selfcheck import evaluate
from kniewijs.recovery.access import active_programme
from kniewijs.recovery.presenter import programme_context
from kniewijs.selfcheck.presenter import present
from kniewijs.training.dashboard import dashboard_context
from kniewijs.training.history import local_today
from kniewijs.training.models import Activity, DailyEntry, RunnerSettings

from .models import Booking, Therapist

PAIN_DAYS = 42
PAIN_CHART_ID = "pain-load"


def report_context(answers: dict[str, Any]) -> dict[str, Any] | None:
    try:
        return present(evaluate(parse_answers(answers)))
    except InvalidAnswers:
        return None


def selfcheck_reports(runner: Any, therapist: Therapist) -> list[dict[str, Any]]:
    """The runner's self-check results: the one each programme started from, and those attached to a booking
    at one of the therapist's clinics; newest first."""
    reports: list[dict[str, Any]] = []
    for programme in runner.programmes.exclude(answers={}).order_by("-started_on"):
        shown = report_context(programme.answers)
        if shown is not None:
            reports.append({"date": programme.started_on, "origin": "programme", **shown})
    bookings = Booking.objects.filter(
        runner=runner, clinic__in=therapist.clinics.all(), report_consent_at__isnull=False
    ).exclude(selfcheck_answers=None)
    for booking in bookings.order_by("-starts_at"):
        shown = report_context(booking.selfcheck_answers or {})
        if shown is not None:
            reports.append({"date": booking.created_at.date(), "origin": "booking", **shown})
    return sorted(reports, key=lambda r: r["date"], reverse=True)


def training_context(runner: Any, with_pain: bool, settings: RunnerSettings | None = None) -> dict[str, Any]:
    """Warnings, the load charts and the latest runs. The pain-over-distance chart only with both consents."""
    context = dashboard_context(runner, settings=settings)
    figures = [f for f in context["figures"] if with_pain or f'id="{PAIN_CHART_ID}' not in f["chart"].svg]
    recent = (
        Activity.objects.filter(user=runner)
        .only("start", "local_date", "sport", "distance_m", "duration_s", "avg_cadence_spm", "avg_heart_rate")
        .order_by("-start")[:10]
    )
    return {"warnings": context["warnings"], "figures": figures, "recent": recent}


def pain_context(runner: Any, today: date | None = None) -> dict[str, Any]:
    since = (today or local_today(runner)) - timedelta(days=PAIN_DAYS)
    entries = (
        DailyEntry.objects.filter(user=runner, date__gte=since)
        .only("date", "pain_during", "pain_after", "pain_next_morning", "pain_location", "swelling")
        .order_by("-date")
    )
    rows = [
        e
        for e in entries
        if e.swelling or any(p is not None for p in (e.pain_during, e.pain_after, e.pain_next_morning))
    ]
    return {"pain_entries": rows, "pain_days": PAIN_DAYS}


def recovery_context(runner: Any, today: date | None = None) -> dict[str, Any] | None:
    programme = active_programme(runner)
    if programme is None:
        return None
    return programme_context(programme, today or local_today(runner))
