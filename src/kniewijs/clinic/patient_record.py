"""What a physio sees of a consenting runner: `shared_record` builds it from the categories shared, and
the views show nothing else. Nothing here checks who may look: the views do (`access.patient_or_404`),
and log each category shown.

A clinic never gets a map, a GPS track or a device name: only dates, distances, times and the charts.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django.utils.translation import get_language

from kniewijs.core import metrics
from kniewijs.core.answers import InvalidAnswers, parse_answers
from kniewijs.core.clinical_summary import (
    Line,
    LoggedSession,
    disagreements,
    load_line,
    pain_line,
    programme_line,
    red_flag_line,
    spike_line,
)
from kniewijs.core.red_flags import red_flags
from kniewijs.core.selfcheck import evaluate
from kniewijs.core.sharing import Sharing, shared_history
from kniewijs.core.text import normalise_language
from kniewijs.recovery.access import active_programme
from kniewijs.recovery.presenter import programme_context
from kniewijs.selfcheck.presenter import present
from kniewijs.training.access import runner_settings
from kniewijs.training.dashboard import charts_for
from kniewijs.training.history import history_for, local_today
from kniewijs.training.models import Activity, DailyEntry

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
    # The same answers sent with a booking and starting a programme are one self-check, shown once.
    unique: dict[Any, dict[str, Any]] = {}
    for report in sorted(reports, key=lambda r: r["date"], reverse=True):
        unique.setdefault(report["result"].answers, report)
    return list(unique.values())


TRAINING_CHARTS = {"weekly-km", "spikes", "acwr", "shoes", "cadence"}


def shared_record(
    runner: Any, therapist: Therapist, sharing: Sharing, today: date | None = None
) -> dict[str, Any]:
    """Every part of a runner's record a physio may see, built from the shared categories alone
    (core.sharing): the warnings and charts come from the runner's history with what is not shared taken
    out, so no sentence can repeat a value the runner did not share. The one entry point of the views."""
    context: dict[str, Any] = {"sharing": sharing}
    settings = None
    if sharing.training or sharing.pain or sharing.recovery:
        settings = runner_settings(runner)
        today = today or local_today(runner, settings)
    if sharing.selfcheck:
        context["reports"] = selfcheck_reports(runner, therapist)
    if sharing.training or sharing.pain:
        history = shared_history(history_for(runner, settings), sharing)
        report = metrics.report(history, today)
        context["warnings"] = report.warnings
        context["shared_history"], context["snapshot"] = history, report.metrics
        if sharing.training:
            context["training"] = training_context(runner, history, report, sharing)
    if sharing.pain:
        context["pain"] = pain_context(runner, today)
    if sharing.recovery:
        context["recovery"] = (
            recovery_context(runner, today) if sharing.programme_decisions else sessions_context(runner)
        )
    context["summary"] = summary_lines(context, sharing, today)
    return context


def summary_lines(context: dict[str, Any], sharing: Sharing, today: date | None) -> list[Line]:
    """The record's first screen (core.clinical_summary), from the parts built above and nothing else."""
    reports = context.get("reports") or []
    flags = red_flags(reports[0]["result"], reports[0]["date"]) if reports else None
    history, snapshot = context.get("shared_history"), context.get("snapshot")
    recovery = context.get("recovery")
    state = recovery.get("state") if recovery else None
    sessions = _logged_sessions(recovery["programme"], sharing.pain) if recovery else []
    day = today or date.today()
    lines = [red_flag_line(sharing, flags), pain_line(sharing, history, day), load_line(sharing, snapshot)]
    spike = spike_line(sharing, snapshot)
    lines += [spike] if spike is not None else []
    lines.append(programme_line(sharing, state, sessions, running=recovery is not None))
    return lines + disagreements(sharing, history, state, sessions, day)


def _logged_sessions(programme: Any, with_pain: bool) -> list[LoggedSession]:
    """The programme's sessions, oldest first; a session's own pain only when the pain log is shared (a
    run's pain is the day's entry in the pain log, never a second copy)."""
    found = []
    for row in programme.sessions.order_by("date", "created_at"):
        pains = [p for p in (row.pain_during, row.pain_after, row.pain_next_morning) if p is not None]
        pain = max(pains) if with_pain and pains else None
        found.append(LoggedSession(row.date, row.kind, row.level, pain))
    return found


def training_context(runner: Any, history: Any, report: Any, sharing: Sharing) -> dict[str, Any]:
    """The load charts and the latest runs; the pain-over-distance chart only with the pain log too."""
    lang = normalise_language(get_language())
    figures = [
        f
        for f in charts_for(history, report, lang)
        if f["id"] in TRAINING_CHARTS or (f["id"] == PAIN_CHART_ID and sharing.pain)
    ]
    recent = (
        Activity.objects.filter(user=runner)
        .only("start", "local_date", "sport", "distance_m", "duration_s", "avg_cadence_spm", "avg_heart_rate")
        .order_by("-start")[:10]
    )
    return {"figures": figures, "recent": recent}


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


def sessions_context(runner: Any) -> dict[str, Any] | None:
    """The programme without the pain log: when it started, its exercises and the sessions done (kind,
    level, date). Its phase, level and decisions are worked out from the pain, so they are left out."""
    programme = active_programme(runner)
    if programme is None:
        return None
    sessions = list(programme.sessions.only("date", "kind", "level").order_by("-date", "-created_at"))
    return {"programme": programme, "sessions": sessions, "without_pain": True}
