"""From the database to the core's programme replay and back: the only bridge between them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from kniewijs.core.answers import parse_answers
from kniewijs.core.recovery import model as core
from kniewijs.core.recovery.replay import programme_from_selfcheck, replay
from kniewijs.core.selfcheck import evaluate

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


def core_log(log: SessionLog) -> core.SessionLog:
    return core.SessionLog(
        date=log.date,
        kind=log.kind,  # type: ignore[arg-type]
        level=log.level,
        pain_during=log.pain_during,
        pain_after=log.pain_after,
        pain_next_morning=log.pain_next_morning,
        swelling=log.swelling,
        giving_way=log.giving_way,
        easy_and_pain_free=log.easy_and_pain_free if log.kind == "strength" else None,
        squat_heels_down=log.squat_heels_down,
        signs=frozenset(log.signs or ()),
    )


def state_for(programme: Programme, today: date) -> core.ProgrammeState:
    logs = [core_log(log) for log in programme.sessions.all()]
    reviews = tuple(core.Review(date=r.date) for r in programme.reviews.all())
    plan = core_programme(programme)
    if reviews:
        plan = replace(plan, reviews=reviews)
    return replay(plan, logs, today)
