"""From the database to the core's programme replay and back: the only bridge between them.

A day's knee pain lives in one record, the training log's daily entry (training.DailyEntry): a run logged in
the programme writes its pain there (recording.py), and the replay reads it back from there. So the pain the
runner notes in the training log counts for the programme's decisions, and the programme's pain shows in the
training log and its warnings; they cannot tell two stories about one day (docs/decisions.md)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kniewijs.core.answers import parse_answers
from kniewijs.core.recovery import model as core
from kniewijs.core.recovery.replay import programme_from_selfcheck, replay
from kniewijs.core.selfcheck import evaluate
from kniewijs.training.models import DailyEntry

from .models import Programme, SessionLog


def core_programme(programme: Programme) -> core.Programme:
    """The programme as the core knows it; one started from a self-check is rebuilt from its answers, so the
    advice that came with it (e.g. see a physio) stays part of it."""
    if programme.answers:
        rebuilt = programme_from_selfcheck(evaluate(parse_answers(programme.answers)), programme.started_on)
        if rebuilt is not None:
            # A physio may have changed the exercises the self-check chose; theirs count.
            if programme.exercises and tuple(programme.exercises) != rebuilt.strength_exercises:
                return replace(rebuilt, strength_exercises=tuple(programme.exercises))
            return rebuilt
    return core.Programme(
        start=programme.started_on,
        severity=programme.severity,
        strength_exercises=tuple(programme.exercises),
        condition=programme.condition_hint or None,
    )


def has_knee_pain(entry: DailyEntry) -> bool:
    return entry.swelling or any(
        p is not None for p in (entry.pain_during, entry.pain_after, entry.pain_next_morning)
    )


def core_log(log: SessionLog, entry: DailyEntry | None = None) -> core.SessionLog:
    """One programme row for the core. A run's pain and swelling are the day's entry in the training log
    (the one record); other sessions keep their own figures (pain during an exercise is not running pain)."""
    figures: SessionLog | DailyEntry | None = entry if log.kind == SessionLog.Kind.RUN else log
    return core.SessionLog(
        date=log.date,
        kind=log.kind,  # type: ignore[arg-type]
        level=log.level,
        pain_during=figures.pain_during if figures else None,
        pain_after=figures.pain_after if figures else None,
        pain_next_morning=figures.pain_next_morning if figures else None,
        swelling=figures.swelling if figures else False,
        giving_way=log.giving_way,
        easy_and_pain_free=log.easy_and_pain_free if log.kind == "strength" else None,
        squat_heels_down=log.squat_heels_down,
        signs=frozenset(log.signs or ()),
    )


def pain_entries(programme: Programme, today: date) -> dict[date, DailyEntry]:
    """The runner's daily entries with knee pain or swelling from the programme's start to today."""
    rows = DailyEntry.objects.filter(
        user_id=programme.user_id, date__gte=programme.started_on, date__lte=today
    ).only("date", "pain_during", "pain_after", "pain_next_morning", "swelling")
    return {entry.date: entry for entry in rows if has_knee_pain(entry)}


def core_logs(programme: Programme, today: date) -> list[core.SessionLog]:
    """Every programme row, with each run's pain from the day's entry, plus a "pain_report" for a day whose
    entry has knee pain but no run in the programme: that pain counts for the pain rules too."""
    entries = pain_entries(programme, today)
    rows = list(programme.sessions.all())
    run_days = {row.date for row in rows if row.kind == SessionLog.Kind.RUN}
    logs = [
        core.SessionLog(
            date=day,
            kind="pain_report",
            pain_during=entry.pain_during,
            pain_after=entry.pain_after,
            pain_next_morning=entry.pain_next_morning,
            swelling=entry.swelling,
        )
        for day, entry in sorted(entries.items())
        if day not in run_days
    ]
    logs.extend(core_log(row, entries.get(row.date)) for row in rows)
    return logs


def state_for(programme: Programme, today: date) -> core.ProgrammeState:
    logs = core_logs(programme, today)
    reviews = tuple(core.Review(date=r.date) for r in programme.reviews.all())
    plan = core_programme(programme)
    if reviews:
        plan = replace(plan, reviews=reviews)
    return replay(plan, logs, today)
